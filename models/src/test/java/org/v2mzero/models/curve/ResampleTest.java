package org.v2mzero.models.curve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ResampleTest {
    @Test
    void interpolatesLinearlyAndHoldsTheEnds() {
        double[] times = {0.0, 0.1, 0.3};
        double[] values = {0, 1, -1};
        double[] grid = {-0.5, 0.0, 0.05, 0.1, 0.2, 0.3, 0.9};
        assertArrayEquals(new double[] {0, 0, 0.5, 1, 0, -1, -1},
                Resample.linear(times, values, grid), 1e-12);
    }

    @Test
    void unevenSourceTimesOntoAnEvenGrid() {
        // Variable frame rate: a dropped frame leaves a double gap.
        double[] times = {0.0, 0.04, 0.12};
        double[] values = {0, 4, 12};
        assertArrayEquals(new double[] {0, 4, 8, 12},
                Resample.linear(times, values, Resample.grid(0, 0.12, 25)), 1e-9);
    }

    @Test
    void gridIncludesAnEndOnTheGrid() {
        assertArrayEquals(new double[] {1.0, 1.5, 2.0}, Resample.grid(1, 2, 2), 1e-12);
        assertArrayEquals(new double[] {0.0, 0.5}, Resample.grid(0, 0.9, 2), 1e-12);
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> Resample.linear(new double[0], new double[0], new double[1]));
        assertThrows(IllegalArgumentException.class, () -> Resample.grid(0, 1, -3));
    }
}
