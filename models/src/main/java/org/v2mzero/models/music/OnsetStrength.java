package org.v2mzero.models.music;

import java.util.Arrays;

/**
 * Onset strength: log-mel spectral flux, the summed increase of every band from one frame to the
 * next ({@code Σ_b max(0, X[t+1][b] − X[t][b])}). Rising energy in any band is what a listener hears
 * as a new note or hit; falling energy (decays) is ignored. Pure; any thread.
 *
 * <p>Element {@code t} is placed at the time of frame {@code t + 1}, the first frame that contains
 * the change, exactly like the event curve ({@code EventCurveRecipe}).
 */
public final class OnsetStrength {
    private OnsetStrength() {}

    /**
     * Onset strength with the time of each element, seconds, ascending.
     *
     * @param times  seconds of each value
     * @param values onset strength, {@code >= 0}
     */
    public record Envelope(double[] times, double[] values) {
        public Envelope {
            if (times.length != values.length) {
                throw new IllegalArgumentException(
                        "times.length : " + times.length + " (expected: values.length " + values.length + ")");
            }
        }
    }

    /** The flux of {@code frames}: one element fewer than frames. */
    public static double[] flux(double[][] frames) {
        return flux(frames, 0, frames.length == 0 ? 0 : frames[0].length);
    }

    /**
     * The flux of bands {@code [from, to)} of {@code frames} alone (e.g. the kick drum's low bands): one
     * element fewer than frames.
     */
    public static double[] flux(double[][] frames, int from, int to) {
        if (frames.length < 2) {
            return new double[0];
        }
        double[] flux = new double[frames.length - 1];
        for (int t = 0; t < flux.length; t++) {
            double[] a = frames[t];
            double[] b = frames[t + 1];
            double sum = 0;
            for (int k = from; k < to; k++) {
                sum += Math.max(0, b[k] - a[k]);
            }
            flux[t] = sum;
        }
        return flux;
    }

    /**
     * The envelope of one period of a loop played round: the flux of {@code features} over the loop
     * several times in a row (three, when it is longer than a window), of which the samples in the
     * middle copy are kept, their times taken modulo
     * the loop's length. Every kept frame then sees the loop's own end before its start, as a listener
     * of the looping sample does, and the seam is no onset unless the loop makes one there.
     *
     * @param loop at least one sample
     * @return samples with times in {@code [0, length)}, ascending; none when the loop is shorter than a hop
     */
    public static Envelope ofLoop(LogMel features, MonoAudio loop) {
        float[] once = loop.samples();
        if (once.length == 0) {
            throw new IllegalArgumentException("loop : 0 samples (expected: at least 1)");
        }
        // Enough copies either side that the middle one is framed whole even when the loop is shorter
        // than a window.
        int side = (features.fftSize() + once.length - 1) / once.length;
        int copies = 2 * side + 1;
        float[] round = new float[once.length * copies];
        for (int c = 0; c < copies; c++) {
            System.arraycopy(once, 0, round, c * once.length, once.length);
        }
        LogMel.Frames frames = features.of(new MonoAudio(round, loop.sampleRate()));
        double[] flux = flux(frames.values());
        double length = loop.durationSeconds();
        double start = side * length;
        double[] times = new double[flux.length];
        double[] values = new double[flux.length];
        int n = 0;
        for (int t = 0; t < flux.length; t++) {
            double time = frames.times()[t + 1];
            if (time >= start && time < start + length) {
                times[n] = time - start;
                values[n++] = flux[t];
            }
        }
        return new Envelope(Arrays.copyOf(times, n), Arrays.copyOf(values, n));
    }
}
