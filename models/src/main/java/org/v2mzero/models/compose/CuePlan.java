package org.v2mzero.models.compose;

import org.v2mzero.protocol.EventCurve;
import org.v2mzero.protocol.TempoMap;

/**
 * What every stem writer shares: the tempo grid, the bars, how intense each bar is, and its chord.
 *
 * @param tempoMap        the fitted grid, beat 0 at 0 s: a constant tempo, or an intro bar then the
 *                        constant tempo ({@link GridTempo}), changed at section bar lines ({@link SectionTempo})
 * @param durationSeconds the cue's length
 * @param key             the key the chords are in
 * @param intensity       per bar, 0 (calm) .. 1 (busy), from the event curve
 * @param chords          per bar, the triad's pitch classes, root first
 */
record CuePlan(TempoMap tempoMap, double durationSeconds, Key key, double[] intensity, int[][] chords) {
    /** Samples of the curve per bar when averaging. */
    private static final int SAMPLES_PER_BAR = 16;

    int bars() {
        return intensity.length;
    }

    int beatsPerBar() {
        return tempoMap.beatsPerBar();
    }

    /** One beat of the tempo the music moves in at a time ({@link GridTempo#grooveBpmAt}), seconds. */
    double beatSecondsAt(double seconds) {
        return 60 / GridTempo.grooveBpmAt(tempoMap, seconds);
    }

    /** Whether a bar is the free-tempo intro that leads to the fitted grid: held, not grooved. */
    boolean isIntro(int bar) {
        return bar == 0 && GridTempo.hasIntro(tempoMap);
    }

    /** Start of a (fractional) beat counted from the start of the cue, seconds. */
    double secondsAt(double beat) {
        return tempoMap.secondsAt(beat);
    }

    double barStart(int bar) {
        return secondsAt(bar * (double) beatsPerBar());
    }

    /** Number of bars that start before the end of the cue. */
    static int barCount(TempoMap map, double durationSeconds) {
        return (int) Math.ceil(map.beatAt(durationSeconds) / map.beatsPerBar() - 1e-9);
    }

    /**
     * The mean curve value over each bar, squashed by a logistic so a z-score of 0 (the clip's typical
     * change) is 0.5 and ±2 is near 0.05 / 0.95. An empty curve gives 0.5 everywhere.
     */
    static double[] intensities(EventCurve curve, TempoMap map, int bars) {
        double[] out = new double[bars];
        for (int bar = 0; bar < bars; bar++) {
            double from = map.secondsAt(bar * (double) map.beatsPerBar());
            double to = map.secondsAt((bar + 1) * (double) map.beatsPerBar());
            double sum = 0;
            for (int i = 0; i < SAMPLES_PER_BAR; i++) {
                sum += curve.valueAt(from + (to - from) * (i + 0.5) / SAMPLES_PER_BAR);
            }
            out[bar] = 1 / (1 + Math.exp(-1.5 * sum / SAMPLES_PER_BAR));
        }
        return out;
    }
}
