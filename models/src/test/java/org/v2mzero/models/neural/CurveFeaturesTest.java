package org.v2mzero.models.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.v2mzero.protocol.EventCurve;

class CurveFeaturesTest {
    /** A ramp v = t on 0..10 s: each feature is its own sampling time, or 0 off the curve. */
    private static final EventCurve RAMP = new EventCurve(new double[] {0, 10}, new double[] {0, 10});

    @Test
    void samplesTheCurveAroundTheTokenTime() {
        float[] into = new float[CurveFeatures.SIZE + 2];
        CurveFeatures.of(RAMP).sample(5, into, 2);
        assertArrayEquals(new float[] {0, 0, 4.5f, 4.75f, 5, 5.25f, 5.5f, 6}, into, 1e-6f);
        assertArrayEquals(new double[] {-0.5, -0.25, 0, 0.25, 0.5, 1.0}, CurveFeatures.offsets());
    }

    @Test
    void offTheCurveIsTheMeanNotTheHeldEdge() {
        float[] into = new float[CurveFeatures.SIZE];
        CurveFeatures.of(RAMP).sample(9.6, into, 0);
        assertArrayEquals(new float[] {9.1f, 9.35f, 9.6f, 9.85f, 0, 0}, into, 1e-5f);
        CurveFeatures.of(RAMP).sample(0.1, into, 0);
        assertEquals(0, into[0]);
        assertEquals(0.35f, into[3], 1e-6f);
        CurveFeatures.of(new EventCurve(new double[0], new double[0])).sample(1, into, 0);
        assertArrayEquals(new float[CurveFeatures.SIZE], into);
    }
}
