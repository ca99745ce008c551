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

    private static float[] at(EventCurve curve, double seconds) {
        float[] into = new float[CurveFeatures.SIZE];
        CurveFeatures.of(curve).sample(seconds, into, 0);
        return into;
    }

    @Test
    void samplesTheCurveAroundTheTokenTimeThenTheHitChannels() {
        float[] into = new float[CurveFeatures.SIZE + 2];
        CurveFeatures.of(RAMP).sample(5, into, 2);
        // The ramp's only hit is its end (2.5 z at 10 s): 5 s away, beyond the 2 s horizon.
        assertArrayEquals(new float[] {0, 0, 1.125f, 1.1875f, 1.25f, 1.3125f, 1.375f, 1.5f, 0, 0, 0}, into, 1e-6f);
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
        assertArrayEquals(new float[CurveFeatures.SIZE], at(EventCurve.EMPTY, 1));
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
        assertArrayEquals(new float[CurveFeatures.SIZE], at(flat, 5));
    }
}
