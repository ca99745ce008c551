package org.v2mzero.models.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A regenerated take's audio: the parent's before the frame, the renders at the parent's gain after it. */
class ContinuedMixdownTest {
    private static final int RATE = 48_000;
    private static final int FRAMES = RATE * 2;
    private static final int FROM = RATE;

    @Test
    void beforeTheFrameEverythingIsTheParentsAndAfterItRendersTakeTheParentsGain() {
        float[][] parentA = tone(0.2f, 440);
        float[][] parentB = tone(0.1f, 660);
        float[][] parentMix = sum(parentA, parentB);
        float[][] render = tone(0.4f, 550);

        Mixdown m = ContinuedMixdown.of(list(copy(parentA), copy(parentB), null),
                list(copy(render), null, tone(0.3f, 330)), copy(parentMix), FROM, RATE, -6, -1);

        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < FRAMES; i++) {
                float[] a = m.stems().get(0)[c];
                float expectedA = i < FROM ? parentA[c][i] : render[c][i] * (float) Math.pow(10, -6 / 20.0);
                assertEquals(expectedA, a[i], 0f, "regenerated stem, frame " + i);
                assertEquals(parentB[c][i], m.stems().get(1)[c][i], 0f, "kept stem, frame " + i);
                if (i < FROM) {
                    assertEquals(0f, m.stems().get(2)[c][i], 0f, "a stem new to the take is silent before the frame");
                    assertEquals(parentMix[c][i], m.mix()[c][i], 0f, "mix before the frame");
                } else {
                    assertEquals(a[i] + m.stems().get(1)[c][i] + m.stems().get(2)[c][i], m.mix()[c][i], 0f, "mix " + i);
                }
            }
        }
        assertEquals(-6, m.gainDb(), 1e-9);
        double lufs = m.loudness().orElseThrow().integratedLufs();
        assertEquals(Loudness.integratedLufs(m.mix(), RATE), lufs, 1e-9, "measured on the mix as written");
    }

    @Test
    void aRenderThatWouldPassTheCeilingLowersEverythingFromTheFrameOnly() {
        float[][] parent = tone(0.3f, 440);
        float[][] kept = tone(0.2f, 660);
        float[][] parentMix = sum(parent, kept);

        Mixdown m = ContinuedMixdown.of(list(copy(parent), kept), list(tone(0.9f, 550), null),
                copy(parentMix), FROM, RATE, 0, -1);

        assertTrue(m.gainDb() < -1, "lowered: " + m.gainDb());
        double tail = Loudness.truePeakDbtp(new float[][] {Arrays.copyOfRange(m.mix()[0], FROM, FRAMES),
            Arrays.copyOfRange(m.mix()[1], FROM, FRAMES)});
        assertTrue(tail <= -1 && tail > -1.02, "true peak from the frame on: " + tail);
        assertEquals(parentMix[0][FROM - 1], m.mix()[0][FROM - 1], 0f, "before the frame nothing moves");
        assertEquals(kept[0][FROM - 1], m.stems().get(1)[0][FROM - 1], 0f);
        assertTrue(Math.abs(m.stems().get(1)[0][FROM + 10]) < Math.abs(tone(0.2f, 660)[0][FROM + 10]),
                "the kept stem is lowered with the rest");
    }

    @Test
    void aKeptStemIsTheParentsOwnArray() {
        float[][] parent = tone(0.2f, 440);
        Mixdown m = ContinuedMixdown.of(list(parent), list((float[][]) null), copy(parent), FROM, RATE, 0, -1);
        assertSame(parent, m.stems().get(0));
    }

    @Test
    void refusesMismatchedShapesAndAStemWithNoAudio() {
        assertThrows(IllegalArgumentException.class, () -> ContinuedMixdown.of(list(tone(0.1f, 440)),
                list(new float[2][FRAMES - 1]), tone(0.1f, 440), FROM, RATE, 0, -1));
        assertThrows(IllegalArgumentException.class, () -> ContinuedMixdown.of(list((float[][]) null),
                list((float[][]) null), tone(0.1f, 440), FROM, RATE, 0, -1));
        assertThrows(IllegalArgumentException.class, () -> ContinuedMixdown.of(list(tone(0.1f, 440)),
                list(tone(0.1f, 440)), tone(0.1f, 440), FRAMES + 1, RATE, 0, -1));
    }

    private static List<float[][]> list(float[][]... stems) {
        return Arrays.asList(stems);
    }

    private static float[][] tone(float amplitude, double hz) {
        float[][] s = new float[2][FRAMES];
        for (int i = 0; i < FRAMES; i++) {
            s[0][i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / RATE));
            s[1][i] = s[0][i];
        }
        return s;
    }

    private static float[][] sum(float[][] a, float[][] b) {
        float[][] out = copy(a);
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < FRAMES; i++) {
                out[c][i] += b[c][i];
            }
        }
        return out;
    }

    private static float[][] copy(float[][] a) {
        return new float[][] {a[0].clone(), a[1].clone()};
    }
}
