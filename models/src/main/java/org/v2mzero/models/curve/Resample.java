package org.v2mzero.models.curve;

/**
 * Linear resampling of a curve onto another time grid (DESIGN.md §3.3), e.g. video frame times onto
 * a music model's feature rate. Pure; any thread.
 */
public final class Resample {
    private Resample() {}

    /**
     * Values at {@code grid} by linear interpolation between the samples ({@code times} strictly
     * increasing, seconds); held flat before the first and after the last sample.
     */
    public static double[] linear(double[] times, double[] values, double[] grid) {
        if (times.length != values.length) {
            throw new IllegalArgumentException(
                    "times.length : " + times.length + " (expected: values.length " + values.length + ")");
        }
        if (times.length == 0) {
            throw new IllegalArgumentException("times : empty (expected: at least one sample)");
        }
        double[] out = new double[grid.length];
        int j = 0;
        for (int i = 0; i < grid.length; i++) {
            double t = grid[i];
            if (i > 0 && t < grid[i - 1]) {
                j = 0; // an unsorted grid is allowed, just slower
            }
            while (j < times.length - 1 && times[j + 1] <= t) {
                j++;
            }
            if (t <= times[0]) {
                out[i] = values[0];
            } else if (j == times.length - 1) {
                out[i] = values[j];
            } else {
                double w = (t - times[j]) / (times[j + 1] - times[j]);
                out[i] = values[j] * (1 - w) + values[j + 1] * w;
            }
        }
        return out;
    }

    /** An even grid from {@code start} (inclusive) to {@code end} (inclusive when it falls on it), in seconds. */
    public static double[] grid(double start, double end, double rateHz) {
        if (!(rateHz > 0) || !Double.isFinite(rateHz)) {
            throw new IllegalArgumentException("rateHz : " + rateHz + " (expected: > 0)");
        }
        if (!(end >= start)) {
            throw new IllegalArgumentException("end : " + end + " (expected: >= start " + start + ")");
        }
        int n = (int) Math.floor((end - start) * rateHz + 1e-9) + 1;
        double[] grid = new double[n];
        for (int i = 0; i < n; i++) {
            grid[i] = start + i / rateHz;
        }
        return grid;
    }
}
