package org.v2mzero.models.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each pooling on a two-picture batch whose values say where they sit. */
class PoolingTest {
    @Test
    void noneTakesEachRow() {
        List<float[]> v = Pooling.NONE.pool(new float[] {1, 2, 3, 4, 5, 6}, new long[] {2, 3});
        assertArrayEquals(new float[] {1, 2, 3}, v.get(0));
        assertArrayEquals(new float[] {4, 5, 6}, v.get(1));
    }

    @Test
    void clsTakesTokenZeroAndMeanAveragesTheTokens() {
        // [2 pictures, 3 tokens, 2 dims]: value = 100 * picture + 10 * token + dim.
        float[] data = {0, 1, 10, 11, 20, 21, 100, 101, 110, 111, 120, 121};
        long[] shape = {2, 3, 2};
        assertArrayEquals(new float[] {100, 101}, Pooling.CLS.pool(data, shape).get(1));
        assertArrayEquals(new float[] {10, 11}, Pooling.MEAN.pool(data, shape).get(0));
        assertArrayEquals(new float[] {110, 111}, Pooling.MEAN.pool(data, shape).get(1));
    }

    @Test
    void meanAveragesAMapOverItsPositions() {
        // [2 pictures, 2 dims, 1 x 2 positions]: value = 100 * picture + 10 * dim + position.
        float[] data = {0, 1, 10, 11, 100, 101, 110, 111};
        List<float[]> v = Pooling.MEAN.pool(data, new long[] {2, 2, 1, 2});
        assertArrayEquals(new float[] {0.5f, 10.5f}, v.get(0));
        assertArrayEquals(new float[] {100.5f, 110.5f}, v.get(1));
    }

    @Test
    void aRankItDoesNotTakeIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Pooling.CLS.pool(new float[4], new long[] {2, 2}));
        assertEquals("shape : [2, 2] of 4 values (expected: rank 3, [batch, tokens, dim])", e.getMessage());
    }
}
