package org.v2mzero.models.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MixdownTest {
    @Test
    void loudStemsAreBroughtDownToTheCeilingAndStillSumToTheMix() {
        float[][] a = tone(0.9f, 440);
        float[][] b = tone(0.7f, 660);
        Mixdown m = Mixdown.of(List.of(a, b), -1);

        double mixPeak = Mixdown.peakDbfs(m.mix());
        assertTrue(mixPeak <= -1.0, "mix peak " + mixPeak + " dBFS");
        assertTrue(mixPeak > -1.01, "mix peak " + mixPeak + " dBFS (expected: at the ceiling)");
        assertTrue(m.gain() < 1);
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < a[0].length; i++) {
                assertEquals(m.mix()[c][i], m.stems().get(0)[c][i] + m.stems().get(1)[c][i], 0f);
                assertEquals(a[c][i] * m.gain(), m.stems().get(0)[c][i], 1e-6);
            }
        }
    }

    @Test
    void quietMaterialIsRaisedByAtMostTwelveDecibels() {
        Mixdown m = Mixdown.of(List.<float[][]>of(tone(0.001f, 440)), -1);
        assertEquals(12.0, m.gainDb(), 1e-9);
        assertEquals(-48.0, Mixdown.peakDbfs(m.mix()), 0.01);
    }

    @Test
    void silenceStaysSilent() {
        Mixdown m = Mixdown.of(List.<float[][]>of(new float[2][100], new float[2][100]), -1);
        assertEquals(1.0, m.gain());
        assertEquals(Mixdown.SILENCE_DBFS, Mixdown.peakDbfs(m.mix()));
    }

    @Test
    void peakDbfsOfFullScaleIsZero() {
        assertEquals(0.0, Mixdown.peakDbfs(new float[][] {{0.5f, -1f}, {0f, 0f}}), 1e-9);
        assertEquals(-6.0206, Mixdown.peakDbfs(new float[][] {{0.5f}, {-0.25f}}), 1e-4);
    }

    @Test
    void refusesStemsOfDifferentLength() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Mixdown.of(List.<float[][]>of(new float[2][10], new float[2][11]), -1));
        assertEquals("stems[1] : 2x11 (expected: 2x10, like stems[0])", e.getMessage());
    }

    private static float[][] tone(float amplitude, double hz) {
        float[][] s = new float[2][4800];
        for (int i = 0; i < 4800; i++) {
            s[0][i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / 48_000));
            s[1][i] = -s[0][i];
        }
        return s;
    }
}
