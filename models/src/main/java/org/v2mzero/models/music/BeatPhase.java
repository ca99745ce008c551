package org.v2mzero.models.music;

/**
 * Which half of a tracked beat grid is the beat: the tracked beats or their twin half a beat later.
 * {@link BeatTracker} follows onset strength, so where a band puts its loudest hits between the beats (a
 * snare on every "and", as in Metal_madness of the shared sectoid songs) it tracks the off-beats at the
 * right tempo. Onset strength alone cannot tell, so this uses the two drum rules of Goto (2001, "An
 * audio-based real-time beat tracking system for music with or without drum-sounds", J. New Music
 * Research 30(2)): the bass drum sounds on the beat, and the snare on beats 2 and 4, i.e. on every other
 * beat.
 *
 * <p>The twin wins only when both rules agree: it carries clearly more kick onsets (flux of the bands
 * centred below {@code kickMaxHz}, more than {@code kickMargin} times the tracked beats'), and the
 * tracked beats are no backbeat (their snare-and-cymbal flux, bands centred from {@code backbeatMinHz},
 * alternates from beat to beat by less than {@code maxAlternation}). The second rule is what keeps
 * breakbeats right: the amen break has more kick between its beats than on them (1, 1-and, 3-and), but
 * its snare on 2 and 4 alternates (0.29 on the Sonic Pi loop, against 0.11 for the uniform off-beat
 * snare of Metal_madness; both have 1.48 times the kick on the twin). A near tie on the kick says the
 * kick does not mark the phase, so it keeps.
 *
 * <p>Immutable; any thread.
 *
 * @param kickMaxHz      top of the kick bands (centres below it), Hz
 * @param backbeatMinHz  bottom of the snare bands (centres at or above it), Hz
 * @param kickMargin     how many times the tracked beats' kick flux the twin needs, {@code >= 1}
 * @param maxAlternation backbeat alternation below which the tracked beats are no backbeat, in [0, 1]
 */
public record BeatPhase(double kickMaxHz, double backbeatMinHz, double kickMargin, double maxAlternation) {
    /** Kick below 200 Hz, snare from 500 Hz; the twin needs 25 % more kick and an alternation under 0.2. */
    public static final BeatPhase DEFAULT = new BeatPhase(200, 500, 1.25, 0.2);

    /** Beats per block over which the alternation is measured: two 4/4 bars, short enough to sit between phase slips. */
    static final int BLOCK = 8;

    public BeatPhase {
        if (!(kickMaxHz > 0) || !(backbeatMinHz > 0)) {
            throw new IllegalArgumentException("kickMaxHz : " + kickMaxHz + ", backbeatMinHz : " + backbeatMinHz
                    + " (expected: > 0)");
        }
        if (!(kickMargin >= 1) || !Double.isFinite(kickMargin)) {
            throw new IllegalArgumentException("kickMargin : " + kickMargin + " (expected: >= 1)");
        }
        if (!(maxAlternation >= 0 && maxAlternation <= 1)) {
            throw new IllegalArgumentException("maxAlternation : " + maxAlternation + " (expected: 0..1)");
        }
    }

    /**
     * The tracked beats or their twin, seconds, ascending.
     *
     * @param beats      tracked beats, seconds, ascending ({@link BeatTracker})
     * @param pulse      the envelope they were tracked on; its element {@code t} is the flux from frame
     *                   {@code t} to {@code t + 1} of {@code frames}
     * @param frames     the log-mel frames of the audio
     * @param features   the features that made {@code frames} (for the bands' frequencies)
     * @param sampleRate of the audio, Hz
     */
    public double[] choose(double[] beats, OnsetStrength.Envelope pulse, LogMel.Frames frames, LogMel features,
            int sampleRate) {
        double[] times = pulse.times();
        if (beats.length < BLOCK || times.length < 2) {
            return beats; // too few beats to judge a backbeat
        }
        double frameRate = (times.length - 1) / (times[times.length - 1] - times[0]);
        double[][] values = frames.values();
        double[] kick = OnsetStrength.flux(values, 0, features.firstBandAtOrAbove(kickMaxHz, sampleRate));
        double[] snare = OnsetStrength.flux(values, features.firstBandAtOrAbove(backbeatMinHz, sampleRate),
                features.bands());
        double[] twin = twin(beats, pulse.values(), times[0], frameRate);
        boolean moreKick = sum(kick, twin, times[0], frameRate) > kickMargin * sum(kick, beats, times[0], frameRate);
        boolean backbeat = alternation(snare, beats, times[0], frameRate) >= maxAlternation;
        return moreKick && !backbeat ? twin : beats;
    }

    /**
     * Each beat moved half an interval later (the last by half the interval before it) onto the pulse's
     * peak within a frame, as {@link BeatTracker} places beats; a twin past the envelope's end is dropped.
     */
    static double[] twin(double[] beats, double[] pulse, double start, double frameRate) {
        double[] twin = new double[beats.length];
        int count = 0;
        for (int b = 0; b < beats.length; b++) {
            double interval = b + 1 < beats.length ? beats[b + 1] - beats[b] : beats[b] - beats[b - 1];
            int frame = frame(beats[b] + interval / 2, start, frameRate);
            if (frame < pulse.length) {
                twin[count++] = start + BeatTracker.peak(pulse, frame) / frameRate;
            }
        }
        return java.util.Arrays.copyOf(twin, count);
    }

    /** Summed flux at the beats: each beat takes the largest value within a frame of it. */
    static double sum(double[] flux, double[] beats, double start, double frameRate) {
        double sum = 0;
        for (double beat : beats) {
            sum += at(flux, frame(beat, start, frameRate));
        }
        return sum;
    }

    /**
     * How much the flux at the beats alternates from beat to beat: over each block of {@link #BLOCK}
     * beats, {@code |even − odd| / (even + odd)} of the summed flux at its even and odd beats, averaged
     * over the blocks that have any; 0 for flux as loud on every beat, 1 for flux on every other beat only.
     */
    static double alternation(double[] flux, double[] beats, double start, double frameRate) {
        double total = 0;
        int blocks = 0;
        for (int first = 0; first + BLOCK <= beats.length; first += BLOCK) {
            double even = 0;
            double odd = 0;
            for (int k = 0; k < BLOCK; k++) {
                double v = at(flux, frame(beats[first + k], start, frameRate));
                if (k % 2 == 0) {
                    even += v;
                } else {
                    odd += v;
                }
            }
            if (even + odd > 0) {
                total += Math.abs(even - odd) / (even + odd);
                blocks++;
            }
        }
        return blocks == 0 ? 0 : total / blocks;
    }

    private static int frame(double seconds, double start, double frameRate) {
        return (int) Math.round((seconds - start) * frameRate);
    }

    /** The largest value of {@code flux} within a frame of {@code frame}; 0 outside it. */
    private static double at(double[] flux, int frame) {
        double max = 0;
        for (int i = Math.max(0, frame - 1); i <= Math.min(flux.length - 1, frame + 1); i++) {
            max = Math.max(max, flux[i]);
        }
        return max;
    }
}
