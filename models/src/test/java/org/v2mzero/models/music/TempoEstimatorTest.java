package org.v2mzero.models.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The comb tempo score on made-up onset strength, at the analyzer's frame rate (22050 / 512): any
 * music ({@link TempoEstimator#bpm}) and loops ({@link TempoEstimator#loopBpm}).
 */
class TempoEstimatorTest {
    private static final double RATE = 22050 / 512.0;

    @Test
    void aSteadyPulseReadsItsTempo() {
        double[] pulse = pulses(20, 100, new double[] {0});

        assertEquals(100, TempoEstimator.DEFAULT.bpm(pulse, RATE), 0.3);
    }

    @Test
    void aPulseWithOffbeatAccentsStillReadsTheBeat() {
        // Per beat: the beat, a weaker eighth, and a syncopated figure every 3/4 beat.
        double[] pulse = pulses(20, 110, new double[] {0, 0.5, 0.75});

        assertEquals(110, TempoEstimator.DEFAULT.bpm(pulse, RATE), 110 * 0.02);
    }

    @Test
    void silenceHasNoTempo() {
        assertTrue(Double.isNaN(TempoEstimator.DEFAULT.bpm(new double[200], RATE)));
    }

    @Test
    void tooShortHasNoTempo() {
        assertTrue(Double.isNaN(TempoEstimator.DEFAULT.bpm(new double[] {1, 0, 1}, RATE)));
    }

    @Test
    void aLoopReadsAWholeNumberOfBeatsAndTheBeatOverItsEighths() {
        // 2.4 s, four beats (100 bpm) with weaker eighths between: 8 beats (200 bpm) fit the loop too.
        OnsetStrength.Envelope loop = loopPulses(2.4, 4, new double[] {0, 0.5});

        assertEquals(100, TempoEstimator.DEFAULT.loopBpm(loop, 2.4), 1e-9);
        for (TempoEstimator.LoopCandidate c : TempoEstimator.DEFAULT.loopCandidates(loop, 2.4)) {
            assertEquals(c.bpm(), 60 * c.beats() / 2.4, 1e-9);
            assertTrue(c.comb() <= 1 + 1e-9, c.toString());
        }
    }

    @Test
    void aLoopOfSixteenthsIsReadAtItsBeatNotAtFourThirdsOfIt() {
        // loop_electric's shape: 2.474 s, four beats of even sixteenths (a plain comb reads 4/3 of 97 bpm).
        OnsetStrength.Envelope loop = loopPulses(2.474, 16, new double[] {0});

        assertEquals(60 * 4 / 2.474, TempoEstimator.DEFAULT.loopBpm(loop, 2.474), 1e-9);
    }

    @Test
    void aSilentLoopOrOneWithNoWholeBeatInRangeHasNoTempo() {
        double[] times = {0, 0.5, 1, 1.5};
        assertTrue(Double.isNaN(TempoEstimator.DEFAULT.loopBpm(new OnsetStrength.Envelope(times, new double[4]), 2)));
        OnsetStrength.Envelope pulse = new OnsetStrength.Envelope(times, new double[] {1, 0, 0, 0});
        assertTrue(Double.isNaN(new TempoEstimator(100, 110, 120, 0.7).loopBpm(pulse, 2))); // 60, 90, 120 bpm only
    }

    @Test
    void theLoopCombIsTheMeanCircularAutocorrelationAtTheBeatLags() {
        // A loop of exactly 100 frames, so circular lags j·L/n are whole frames for n = 2, 4, 5, 10.
        double[] x = new double[100];
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble() + (i % 25 == 0 ? 3 : 0) + (i % 10 == 0 ? 1 : 0);
        }
        double[] times = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            times[i] = i / RATE;
        }
        LoopPeriodicity periodicity = LoopPeriodicity.of(new OnsetStrength.Envelope(times, x), x.length / RATE);

        for (int n : new int[] {2, 4, 5, 10}) {
            double mean = 0;
            for (int j = 1; j < n; j++) {
                mean += circularAutocorrelation(x, j * x.length / n);
            }
            mean /= n - 1;
            assertEquals(mean, periodicity.comb(n), 1e-9, "n = " + n);
        }
    }

    /** Circular autocorrelation of the mean-removed {@code x} at {@code lag}, over that at 0. */
    private static double circularAutocorrelation(double[] x, int lag) {
        double mean = java.util.Arrays.stream(x).average().orElse(0);
        double at = 0;
        double zero = 0;
        for (int i = 0; i < x.length; i++) {
            at += (x[i] - mean) * (x[(i + lag) % x.length] - mean);
            zero += (x[i] - mean) * (x[i] - mean);
        }
        return at / zero;
    }

    /** One period of a loop's envelope: 1 at each of {@code beats} beats, 0.5 at the other fractions in {@code within}. */
    private static OnsetStrength.Envelope loopPulses(double seconds, int beats, double[] within) {
        double[] x = new double[(int) (seconds * RATE)];
        double[] times = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            times[i] = i / RATE;
        }
        double beat = seconds / beats;
        for (int b = 0; b < beats; b++) {
            for (double f : within) {
                int i = (int) Math.round((b + f) * beat * RATE) % x.length;
                x[i] = Math.max(x[i], f == 0 ? 1 : 0.5);
            }
        }
        return new OnsetStrength.Envelope(times, x);
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
