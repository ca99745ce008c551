package org.v2mzero.models.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoudnessTest {
    private static final int RATE = 48_000;

    @Test
    void kWeightingAt48kHzMatchesTheStandardsTable() {
        double[] shelf = KWeighting.shelf(RATE);
        assertEquals(1.53512485958697, shelf[0], 1e-9);
        assertEquals(-2.69169618940638, shelf[1], 1e-9);
        assertEquals(1.19839281085285, shelf[2], 1e-9);
        assertEquals(-1.69065929318241, shelf[3], 1e-9);
        assertEquals(0.73248077421585, shelf[4], 1e-9);
        double[] hp = KWeighting.highPass(RATE);
        assertEquals(-1.99004745483398, hp[3], 1e-9);
        assertEquals(0.99007225036621, hp[4], 1e-9);
    }

    @Test
    void fullScaleSineInOneChannelIsMinus3Point01() {
        float[][] audio = {sine(1000, 1.0, 0, 10), new float[10 * RATE]};
        assertEquals(-3.01, Loudness.integratedLufs(audio, RATE), 0.05);
    }

    @Test
    void ebuTech3341StereoSineAtMinus23DbfsIsMinus23Lufs() {
        double amplitude = Math.pow(10, -23 / 20.0);
        float[][] audio = {sine(1000, amplitude, 0, 20), sine(1000, amplitude, 0, 20)};
        assertEquals(-23.0, Loudness.integratedLufs(audio, RATE), 0.1);
        // The same sine at -20 dBFS in both channels measures -20 LUFS: loudness tracks level 1:1.
        double louder = Math.pow(10, -20 / 20.0);
        assertEquals(-20.0, Loudness.integratedLufs(new float[][] {sine(1000, louder, 0, 20), sine(1000, louder, 0, 20)}, RATE), 0.1);
    }

    @Test
    void relativeGateIgnoresQuietPassages() {
        // EBU Tech 3341 case 3 shape: 10 s at -36, 60 s at -23, 10 s at -36 dBFS gives -23 LUFS.
        float[] left = concat(sine(1000, db(-36), 0, 10), sine(1000, db(-23), 0, 60), sine(1000, db(-36), 0, 10));
        assertEquals(-23.0, Loudness.integratedLufs(new float[][] {left, left.clone()}, RATE), 0.1);
    }

    @Test
    void silenceIsGated() {
        Loudness.Measurement m = Loudness.measure(new float[2][5 * RATE], RATE);
        assertEquals(Loudness.GATED, m.integratedLufs());
        assertEquals(Double.NEGATIVE_INFINITY, m.truePeakDbtp());
        assertThrows(IllegalArgumentException.class, () -> Loudness.measure(new float[3][10], RATE));
    }

    @Test
    void truePeakOfAQuarterRateSineExceedsItsSamplePeak() {
        // fs/4 at 45 degrees: every sample is +-0.707 (-3.01 dBFS) while the waveform peaks at 1.0.
        float[] tone = sine(RATE / 4.0, 1.0, Math.PI / 4, 1);
        float[][] audio = {tone, tone.clone()};
        double samplePeak = Mixdown.peakDbfs(audio);
        double truePeak = Loudness.truePeakDbtp(audio);
        assertEquals(-3.01, samplePeak, 0.01);
        assertEquals(0.0, truePeak, 0.2);
        assertTrue(truePeak > samplePeak + 2.5, "true " + truePeak + " vs sample " + samplePeak);
    }

    @Test
    void normalisedMixReachesTheTargetWithStemsStillSummingToIt() {
        float[][] a = {sine(440, 0.05, 0, 10), sine(440, 0.05, 0, 10)};
        float[][] b = {sine(660, 0.03, 0, 10), sine(660, 0.03, 0, 10)};
        Mixdown m = Mixdown.normalised(List.of(a, b), RATE, -23, -1);
        assertEquals(-23.0, Loudness.integratedLufs(m.mix(), RATE), 0.05);
        assertEquals(-23.0, m.loudness().orElseThrow().integratedLufs(), 0.05);
        for (int i = 0; i < a[0].length; i += 997) {
            assertEquals(m.mix()[0][i], m.stems().get(0)[0][i] + m.stems().get(1)[0][i], 0f);
        }
    }

    @Test
    void normalisationNeverPushesTheTruePeakPastTheCeiling() {
        // A spiky signal: quiet on average, loud peaks, so the loudness target would clip it.
        float[] clicks = new float[10 * RATE];
        for (int i = 0; i < clicks.length; i += RATE / 10) {
            clicks[i] = 0.5f;
        }
        Mixdown m = Mixdown.normalised(List.<float[][]>of(new float[][] {clicks, clicks.clone()}), RATE, -10, -1);
        double truePeak = Loudness.truePeakDbtp(m.mix());
        assertTrue(truePeak <= -1.0 && truePeak > -1.1, "true peak " + truePeak);
        assertTrue(m.loudness().orElseThrow().integratedLufs() < -10);
    }

    static float[] sine(double hz, double amplitude, double phase, double seconds) {
        float[] out = new float[(int) Math.round(seconds * RATE)];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / RATE + phase));
        }
        return out;
    }

    private static double db(double db) {
        return Math.pow(10, db / 20);
    }

    private static float[] concat(float[]... parts) {
        int n = 0;
        for (float[] p : parts) {
            n += p.length;
        }
        float[] out = new float[n];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
