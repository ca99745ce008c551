package org.v2mzero.models.music;

/**
 * Onset strength: log-mel spectral flux, the summed increase of every band from one frame to the
 * next ({@code Σ_b max(0, X[t+1][b] − X[t][b])}). Rising energy in any band is what a listener hears
 * as a new note or hit; falling energy (decays) is ignored. Pure; any thread.
 *
 * <p>Element {@code t} is placed at the time of frame {@code t + 1}, the first frame that contains
 * the change, exactly like the event curve ({@code EventCurveRecipe}).
 */
public final class OnsetStrength {
    private OnsetStrength() {}

    /** The flux of {@code frames}: one element fewer than frames. */
    public static double[] flux(double[][] frames) {
        if (frames.length < 2) {
            return new double[0];
        }
        double[] flux = new double[frames.length - 1];
        for (int t = 0; t < flux.length; t++) {
            double[] a = frames[t];
            double[] b = frames[t + 1];
            double sum = 0;
            for (int k = 0; k < a.length; k++) {
                sum += Math.max(0, b[k] - a[k]);
            }
            flux[t] = sum;
        }
        return flux;
    }
}
