package org.v2mzero.models.music;

/**
 * Decoded mono audio at one sample rate, ready for analysis.
 *
 * @param samples    PCM in [-1, 1] (clipping is not applied), sample 0 at time 0 s; not copied,
 *                   so treat it as read-only
 * @param sampleRate samples per second
 */
public record MonoAudio(float[] samples, int sampleRate) {
    public MonoAudio {
        if (samples == null) {
            throw new IllegalArgumentException("samples : null (expected: an array)");
        }
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sampleRate : " + sampleRate + " (expected: > 0)");
        }
    }

    /** Length in seconds. */
    public double durationSeconds() {
        return samples.length / (double) sampleRate;
    }
}
