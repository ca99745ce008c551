package org.v2mzero.models.curve;

/**
 * Centred, normalised Hann smoothing (DESIGN.md §3.3) with the window given in seconds, so it works
 * on uneven (variable-frame-rate) sample times as well as on a regular grid. Pure; any thread.
 */
public final class HannSmoother {
    private HannSmoother() {}

    /**
     * Each output sample is the weighted mean of the inputs within {@code windowSeconds / 2} of it,
     * with Hann weights {@code cos²(π Δt / windowSeconds)}; the weights are normalised per sample,
     * so a constant curve stays constant and the ends are not pulled towards zero.
     *
     * @param times         sample times in seconds, ascending
     * @param values        one value per time
     * @param windowSeconds full width of the window; 0 returns a copy (no smoothing)
     */
    public static double[] smooth(double[] times, double[] values, double windowSeconds) {
        if (times.length != values.length) {
            throw new IllegalArgumentException(
                    "times.length : " + times.length + " (expected: values.length " + values.length + ")");
        }
        if (!(windowSeconds >= 0) || !Double.isFinite(windowSeconds)) {
            throw new IllegalArgumentException("windowSeconds : " + windowSeconds + " (expected: >= 0)");
        }
        if (windowSeconds == 0) {
            return values.clone();
        }
        double half = windowSeconds / 2;
        double[] out = new double[values.length];
        int lo = 0;
        for (int i = 0; i < values.length; i++) {
            while (times[lo] < times[i] - half) {
                lo++;
            }
            double sum = 0;
            double weights = 0;
            for (int j = lo; j < values.length && times[j] <= times[i] + half; j++) {
                double c = Math.cos(Math.PI * (times[j] - times[i]) / windowSeconds);
                sum += c * c * values[j];
                weights += c * c;
            }
            // The centre sample always has weight 1, so weights > 0.
            out[i] = sum / weights;
        }
        return out;
    }
}
