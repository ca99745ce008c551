package org.v2mzero.models.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The beat tracker on audio rendered here: a click track whose tempo jumps from 100 to 120 bpm, decoded
 * by nothing and analysed as any audio would be ({@link MusicCurveAnalyzer#DEFAULT}). Every click must
 * get exactly one beat within 20 ms, across the tempo change.
 */
class BeatTrackerTest {
    private static final int RATE = AudioDecoder.DEFAULT_SAMPLE_RATE;

    @Test
    void beatsLandOnEveryClickAcrossATempoChange() throws Exception {
        List<Double> clicks = clickTimes(0.25, new double[][] {{100, 12}, {120, 12}});
        MonoAudio audio = render(clicks, clicks.get(clicks.size() - 1) + 0.5);

        MusicAnalysis analysis = MusicCurveAnalyzer.DEFAULT.analyze("clicks", audio);
        double[] beats = analysis.beats().stream().mapToDouble(Double::doubleValue).toArray();

        double worst = 0;
        for (double click : clicks) {
            worst = Math.max(worst, nearest(beats, click));
        }
        for (double beat : beats) {
            assertTrue(nearest(clicks.stream().mapToDouble(Double::doubleValue).toArray(), beat) <= 0.020,
                    "beat at " + beat + " s is on no click");
        }
        System.out.printf(Locale.ROOT, "click track 100 -> 120 bpm: tempo %.2f bpm, %d beats for %d clicks, worst %.1f ms%n",
                analysis.bpm(), beats.length, clicks.size(), worst * 1000);
        assertEquals(clicks.size(), beats.length, "one beat per click");
        assertTrue(worst <= 0.020, "worst beat " + worst * 1000 + " ms from its click");
    }

    @Test
    void aFlatEnvelopeOrNoTempoHasNoBeats() {
        double[] times = new double[100];
        for (int i = 0; i < times.length; i++) {
            times[i] = i / 43.0;
        }
        OnsetStrength.Envelope flat = new OnsetStrength.Envelope(times, new double[100]);
        assertEquals(0, BeatTracker.DEFAULT.beats(flat, 120).length);

        double[] pulse = new double[100];
        pulse[10] = 1;
        assertEquals(0, BeatTracker.DEFAULT.beats(new OnsetStrength.Envelope(times, pulse), Double.NaN).length);
    }

    @Test
    void aPeakBetweenFramesIsFoundBetweenThem() {
        // A parabola peaking at 5.3 sampled at whole frames.
        double[] strength = new double[11];
        for (int i = 0; i < strength.length; i++) {
            strength[i] = 10 - (i - 5.3) * (i - 5.3);
        }
        assertEquals(5.3, BeatTracker.peak(strength, 5), 1e-9);
        assertEquals(5.3, BeatTracker.peak(strength, 6), 1e-9); // the peak is a frame away
    }

    /** Click times from {@code start}: each row of {@code segments} is {bpm, seconds}. */
    static List<Double> clickTimes(double start, double[][] segments) {
        List<Double> clicks = new ArrayList<>();
        double t = start;
        for (double[] segment : segments) {
            double end = t + segment[1];
            for (; t < end - 1e-9; t += 60 / segment[0]) {
                clicks.add(t);
            }
        }
        return clicks;
    }

    /** A metronome click at each time: a 1.5 kHz ping (4 ms decay) over a 2 ms noise burst. */
    static MonoAudio render(List<Double> clicks, double seconds) {
        float[] x = new float[(int) (seconds * RATE)];
        Random noise = new Random(7);
        int length = (int) (0.03 * RATE);
        for (double click : clicks) {
            int start = (int) Math.round(click * RATE);
            for (int k = 0; k < length && start + k < x.length; k++) {
                double ping = 0.5 * Math.sin(2 * Math.PI * 1500 * k / RATE) * Math.exp(-k / (0.004 * RATE));
                double burst = 0.2 * noise.nextGaussian() * Math.exp(-k / (0.002 * RATE));
                x[start + k] += (float) (ping + burst);
            }
        }
        return new MonoAudio(x, RATE);
    }

    private static double nearest(double[] times, double t) {
        double best = Double.POSITIVE_INFINITY;
        for (double u : times) {
            best = Math.min(best, Math.abs(u - t));
        }
        return best;
    }
}
