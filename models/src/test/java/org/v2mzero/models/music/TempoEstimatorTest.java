package org.v2mzero.models.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The comb tempo score on made-up onset strength, at the analyzer's frame rate (22050 / 512). */
class TempoEstimatorTest {
    private static final double RATE = 22050 / 512.0;

    @Test
    void aSteadyPulseReadsItsTempo() {
        double[] pulse = pulses(20, 100, new double[] {0});

        assertEquals(100, TempoEstimator.DEFAULT.bpm(pulse, RATE, 20), 0.3);
    }

    @Test
    void aPulseWithOffbeatAccentsStillReadsTheBeat() {
        // Per beat: the beat, a weaker eighth, and a syncopated figure every 3/4 beat.
        double[] pulse = pulses(20, 110, new double[] {0, 0.5, 0.75});

        assertEquals(110, TempoEstimator.DEFAULT.bpm(pulse, RATE, 20), 110 * 0.02);
    }

    @Test
    void silenceHasNoTempo() {
        assertTrue(Double.isNaN(TempoEstimator.DEFAULT.bpm(new double[200], RATE, 200 / RATE)));
    }

    @Test
    void tooShortHasNoTempo() {
        assertTrue(Double.isNaN(TempoEstimator.DEFAULT.bpm(new double[] {1, 0, 1}, RATE, 3 / RATE)));
    }

    /** Onset strength: 1 at each beat, 0.5 at each beat fraction in {@code within} other than 0. */
    private static double[] pulses(double seconds, double bpm, double[] within) {
        double[] x = new double[(int) (seconds * RATE)];
        double beat = 60 / bpm;
        for (double t = 0; t < seconds; t += beat) {
            for (double f : within) {
                int i = (int) Math.round((t + f * beat) * RATE);
                if (i < x.length) {
                    x[i] = Math.max(x[i], f == 0 ? 1 : 0.5);
                }
            }
        }
        return x;
    }
}
