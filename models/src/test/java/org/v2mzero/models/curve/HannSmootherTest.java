package org.v2mzero.models.curve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HannSmootherTest {
    private static double[] evenTimes(int n, double rate) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i / rate;
        }
        return t;
    }

    @Test
    void impulseBecomesACentredNormalisedHann() {
        double[] times = evenTimes(9, 10);
        double[] impulse = new double[9];
        impulse[4] = 1;
        // Window 0.4 s at 10 Hz: weights at -0.1, 0, +0.1 s are cos²(π/4)=0.5, 1, 0.5 (±0.2 s is 0).
        double[] out = HannSmoother.smooth(times, impulse, 0.4);
        assertEquals(1 / 2.0, out[4], 1e-12, "centre: 1 / (0.5 + 1 + 0.5)");
        assertEquals(0.5 / 2.0, out[3], 1e-12);
        assertEquals(0.5 / 2.0, out[5], 1e-12);
        assertEquals(0, out[2], 1e-12);
        assertEquals(out[3], out[5], 1e-15, "symmetric: centred");
    }

    @Test
    void constantStaysConstantEvenAtTheEndsAndOnUnevenTimes() {
        double[] times = {0, 0.04, 0.12, 0.16, 0.28, 0.32};
        double[] ones = {3, 3, 3, 3, 3, 3};
        assertArrayEquals(ones, HannSmoother.smooth(times, ones, 0.2), 1e-12);
    }

    @Test
    void zeroWindowIsACopy() {
        double[] values = {1, 5, 2};
        assertArrayEquals(values, HannSmoother.smooth(evenTimes(3, 25), values, 0));
    }
}
