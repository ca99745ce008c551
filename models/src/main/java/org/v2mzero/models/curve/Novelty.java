package org.v2mzero.models.curve;

/**
 * The raw event curve (DESIGN.md §3.2): {@code e_t = 1 - cos(f_t, f_{t+1})}, how much changes
 * between consecutive feature frames, not what. 0 for identical directions, up to 2 for opposite
 * ones. Pure functions; any thread.
 */
public final class Novelty {
    private Novelty() {}

    /**
     * Cosine distance {@code 1 - cos(a, b)}. A zero vector has no direction; against it the distance
     * is 0 when both are zero and 1 otherwise (orthogonal), so it never yields NaN.
     */
    public static double cosineDistance(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("b.length : " + b.length + " (expected: a.length " + a.length + ")");
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        if (na == 0 || nb == 0) {
            return na == nb ? 0 : 1;
        }
        double cos = dot / Math.sqrt(na * nb);
        // Rounding can push |cos| a hair past 1; the distance stays in [0, 2].
        return 1 - Math.max(-1, Math.min(1, cos));
    }

    /**
     * The raw curve of a feature sequence: element {@code t} is the change from frame {@code t} to
     * frame {@code t + 1}, so it has one element fewer than {@code features}.
     */
    public static double[] raw(double[][] features) {
        if (features.length < 2) {
            return new double[0];
        }
        double[] e = new double[features.length - 1];
        for (int t = 0; t < e.length; t++) {
            e[t] = cosineDistance(features[t], features[t + 1]);
        }
        return e;
    }
}
