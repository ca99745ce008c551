package org.v2mzero.models.curve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ZScoreTest {
    @Test
    void meanZeroUnitDeviation() {
        double[] z = ZScore.of(new double[] {2, 4, 4, 4, 5, 5, 7, 9});
        // mean 5, population std 2
        assertArrayEquals(new double[] {-1.5, -0.5, -0.5, -0.5, 0, 0, 1, 2}, z, 1e-12);
    }

    @Test
    void constantAndEmptyGiveZeros() {
        assertArrayEquals(new double[] {0, 0, 0}, ZScore.of(new double[] {0.3, 0.3, 0.3}));
        assertEquals(0, ZScore.of(new double[0]).length);
    }

    @Test
    void scaleAndOffsetDoNotMatter() {
        double[] a = {0.1, 0.5, 0.2, 0.9};
        double[] b = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = 1000 * a[i] + 7;
        }
        assertArrayEquals(ZScore.of(a), ZScore.of(b), 1e-9);
    }
}
