package org.v2mzero.models.curve;

/**
 * Per-clip standardisation (DESIGN.md §3.3): {@code (x - mean) / std}, so a curve says how far each
 * moment is above the clip's typical change, whatever the features' scale. Pure; any thread.
 */
public final class ZScore {
    private ZScore() {}

    /**
     * The z-scores of {@code values} (population standard deviation). A constant or empty input
     * gives all zeros: nothing stands out.
     */
    public static double[] of(double[] values) {
        int n = values.length;
        double[] z = new double[n];
        if (n == 0) {
            return z;
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        double var = 0;
        for (double v : values) {
            var += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(var / n);
        // Relative guard: a curve flat up to rounding must not blow rounding up to unit size.
        if (!(std > 1e-12 * Math.max(1, Math.abs(mean)))) {
            return z;
        }
        for (int i = 0; i < n; i++) {
            z[i] = (values[i] - mean) / std;
        }
        return z;
    }
}
