package org.v2mzero.models.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.v2mzero.protocol.EventCurve;

class CurveFeaturesTest {
    /** A ramp v = t/4 on 0..10 s: each sample is a quarter of its own time, or 0 off the curve. */
    private static final EventCurve RAMP = new EventCurve(new double[] {0, 10}, new double[] {0, 2.5});

    /** 25 samples a second at -0.1 (a video's calm), a cut of 6 z at 4 s, one of 2.5 z at 7 s, a bump of 1.2 z (below the hit threshold) at 5.5 s. */
    private static EventCurve spikes() {
        double[] t = new double[251];
        double[] v = new double[251];
        for (int i = 0; i < t.length; i++) {
            t[i] = i / 25.0;
            v[i] = -0.1;
        }
        v[100] = 6;
        v[175] = 2.5;
        v[137] = 1.2;
        return new EventCurve(t, v);
    }

    /** Features before the bar grid: the samples and the hit channels. */
    private static final int AROUND = 9;
    private static final int ON_HIT = 6;

    private static float[] at(EventCurve curve, double seconds) {
        float[] into = new float[AROUND];
        CurveFeatures.of(curve).around(seconds, into, 0);
        return into;
    }

    @Test
    void samplesTheCurveAroundTheTokenTimeThenTheHitChannels() {
        float[] into = new float[AROUND + 2];
        CurveFeatures.of(RAMP).around(5, into, 2);
        // The ramp's only hit is its end (2.5 z at 10 s): 5 s away, beyond the 2 s horizon.
        assertArrayEquals(new float[] {0, 0, 1.125f, 1.1875f, 1.25f, 1.3125f, 1.375f, 1.5f, 0, 0, 0}, into, 1e-6f);
        assertEquals(AROUND + CurveFeatures.GRID_SLOTS, CurveFeatures.SIZE);
        assertArrayEquals(new double[] {-0.5, -0.25, 0, 0.25, 0.5, 1.0}, CurveFeatures.offsets());
        assertEquals(List.of("onHit", "nextHit", "lastHit"), CurveFeatures.hitChannels());
    }

    @Test
    void offTheCurveIsTheMeanNotTheHeldEdge() {
        float[] into = at(RAMP, 9.6);
        assertArrayEquals(new float[] {2.275f, 2.3375f, 2.4f, 2.4625f, 0, 0}, Arrays.copyOf(into, 6), 1e-5f);
        into = at(RAMP, 0.1);
        assertEquals(0, into[0]);
        assertEquals(0.0875f, into[3], 1e-6f);
        assertArrayEquals(new float[AROUND], at(EventCurve.EMPTY, 1));
    }

    @Test
    void samplesAreClippedToTheRangeMusicCurvesReach() {
        float[] into = at(spikes(), 4.0);
        assertEquals(-0.1f, into[0], 1e-6f);
        assertEquals(3f, into[2], 0f); // the 6 z cut, clipped
    }

    @Test
    void hitChannelsTellWhereTheStrongHitsAre() {
        EventCurve curve = spikes();
        int on = 6;
        int next = 7;
        int last = 8;
        // On the cut: full weight (6 z capped at 4 z); the next hit is 3 s away, beyond the horizon.
        float[] f = at(curve, 4.0);
        assertEquals(1f, f[on], 1e-6f);
        assertEquals(0f, f[next], 0f);
        assertEquals(0f, f[last], 0f);
        // 30 ms after it: still on it, by the bump's width.
        assertEquals(Math.exp(-0.125), at(curve, 4.03)[on], 1e-6);
        // A second before: the cut comes, halfway through the horizon.
        f = at(curve, 3.0);
        assertEquals(0f, f[on], 1e-6f);
        assertEquals(0.5f, f[next], 1e-6f);
        // Between the cuts (the 1.2 z bump is no hit): the last at 1.5 s, the next (2.5/4 = 0.625) at 1.5 s.
        f = at(curve, 5.5);
        assertEquals(0f, f[on], 1e-6f);
        assertEquals(0.25f, f[last], 1e-6f);
        assertEquals(0.625f * 0.25f, f[next], 1e-6f);
    }

    @Test
    void aFlatCurveHasNoHits() {
        EventCurve flat = new EventCurve(new double[] {0, 5, 10}, new double[] {0, 0, 0});
        assertArrayEquals(new float[AROUND], at(flat, 5));
    }

    @Test
    void theBarGridPutsEachHitOnItsSixteenthOfTheBar() {
        CurveFeatures features = CurveFeatures.of(spikes());
        int bar = Vocabulary.Kind.BAR.first();
        TokenClock clock = new TokenClock();
        // 120 bpm 4/4: a bar is 2 s, a 16th 0.125 s. Bar 1 is 2..4 s, bar 2 4..6 s (the 6 z cut on its
        // first 16th), bar 3 6..8 s (the 2.5 z hit at 7 s on its ninth).
        float[][] grids = new float[4][];
        for (int id : new int[] {Vocabulary.Kind.BOS.first(), Vocabulary.Kind.TIMESIG.first() + Vocabulary.metre(4, 4),
                Vocabulary.Kind.TEMPO.first() + Vocabulary.tempo(120)}) {
            clock.accept(id);
        }
        assertArrayEquals(new float[CurveFeatures.GRID_SLOTS], grid(features, clock), "no bar yet, no grid");
        for (int b = 0; b < 4; b++) {
            clock.accept(bar);
            clock.accept(Vocabulary.Kind.POS.first() + 12 * b); // any position of the bar sees the same grid
            grids[b] = grid(features, clock);
            for (Vocabulary.Kind k : new Vocabulary.Kind[] {Vocabulary.Kind.PROGRAM, Vocabulary.Kind.DRUM,
                    Vocabulary.Kind.DUR, Vocabulary.Kind.VEL}) {
                clock.accept(k.first() + switch (k) {
                    case PROGRAM -> Vocabulary.DRUM_KIT;
                    case DRUM -> 36;
                    default -> 20;
                });
                assertArrayEquals(grids[b], grid(features, clock), "the note's tokens see their position's grid");
            }
            for (int k = 0; k < CurveFeatures.GRID_SLOTS; k++) {
                float[] around = at(spikes(), 2 * b + k * 0.125);
                assertEquals(around[ON_HIT], grids[b][k], 1e-6f, "bar " + b + " slot " + k + ": the on-hit bump there");
            }
        }
        assertEquals(1f, grids[2][0], 1e-6f);
        assertEquals((float) Math.exp(-0.5 * Math.pow(0.125 / 0.06, 2)), grids[1][15], 1e-6f);
        assertEquals(0.625f, grids[3][8], 1e-6f);
        assertEquals(4, countAbove(grids, 0.1f), "the cut, the 16ths either side of it (bar 1's last, bar 2's second), the 7 s hit");
    }

    @Test
    void theGridStopsAtTheEndOfAShorterBar() {
        CurveFeatures features = CurveFeatures.of(spikes());
        TokenClock clock = new TokenClock();
        // 3/4 at 90 bpm: a bar is 2 s again, but holds 12 sixteenths of 1/6 s: bar 2 starts on the cut.
        for (int id : new int[] {Vocabulary.Kind.BOS.first(), Vocabulary.Kind.TIMESIG.first() + Vocabulary.metre(3, 4),
                Vocabulary.Kind.TEMPO.first() + Vocabulary.tempo(90), Vocabulary.Kind.BAR.first(),
                Vocabulary.Kind.BAR.first(), Vocabulary.Kind.BAR.first()}) {
            clock.accept(id);
        }
        float[] grid = grid(features, clock);
        assertEquals(1f, grid[0], 1e-6f);
        assertArrayEquals(new float[4], Arrays.copyOfRange(grid, 12, 16), "no 16ths past the bar's end");
    }

    private static float[] grid(CurveFeatures features, TokenClock clock) {
        float[] into = new float[CurveFeatures.SIZE];
        features.sample(clock, into, 0);
        return Arrays.copyOfRange(into, AROUND, CurveFeatures.SIZE);
    }

    private static int countAbove(float[][] grids, float threshold) {
        int n = 0;
        for (float[] g : grids) {
            for (float v : g) {
                n += v > threshold ? 1 : 0;
            }
        }
        return n;
    }
}
