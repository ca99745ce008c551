package org.v2mzero.models.curve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NoveltyTest {
    @Test
    void cosineDistanceOfKnownPairs() {
        assertEquals(0, Novelty.cosineDistance(new double[] {1, 2}, new double[] {2, 4}), 1e-12);
        assertEquals(1, Novelty.cosineDistance(new double[] {1, 0}, new double[] {0, 3}), 1e-12);
        assertEquals(2, Novelty.cosineDistance(new double[] {1, 1}, new double[] {-1, -1}), 1e-12);
        assertEquals(1 - Math.sqrt(0.5), Novelty.cosineDistance(new double[] {1, 0}, new double[] {1, 1}), 1e-12);
    }

    @Test
    void zeroVectorsNeverGiveNaN() {
        assertEquals(0, Novelty.cosineDistance(new double[] {0, 0}, new double[] {0, 0}));
        assertEquals(1, Novelty.cosineDistance(new double[] {0, 0}, new double[] {1, 0}));
    }

    @Test
    void rawCurveHasOneValuePerTransition() {
        double[][] f = {{1, 0}, {1, 0}, {0, 1}, {0, 1}};
        assertArrayEquals(new double[] {0, 1, 0}, Novelty.raw(f), 1e-12);
        assertEquals(0, Novelty.raw(new double[][] {{1}}).length);
    }

    @Test
    void rejectsMismatchedLengths() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Novelty.cosineDistance(new double[2], new double[3]));
        assertEquals("b.length : 3 (expected: a.length 2)", e.getMessage());
    }
}
