package org.v2mzero.models.music;

/**
 * Triangular mel filters on the HTK mel scale ({@code mel = 2595 log10(1 + f / 700)}), each with
 * peak weight 1 (no area normalisation: the features are compared by cosine, so a per-band gain
 * only reweights bands, and equal peaks keep the low bands, where kick and bass live, audible).
 * Immutable; any thread.
 */
final class MelFilterbank {
    private final int bands;
    private final int[] first;
    private final float[][] weights;

    /**
     * @param bands      number of mel bands
     * @param fftSize    FFT length in samples (bins {@code 0 .. fftSize / 2})
     * @param sampleRate Hz
     * @param minHz      lower edge of the first filter
     * @param maxHz      upper edge of the last filter, at most {@code sampleRate / 2}
     */
    MelFilterbank(int bands, int fftSize, int sampleRate, double minHz, double maxHz) {
        if (bands < 1) {
            throw new IllegalArgumentException("bands : " + bands + " (expected: >= 1)");
        }
        if (!(minHz >= 0 && maxHz > minHz && maxHz <= sampleRate / 2.0)) {
            throw new IllegalArgumentException("maxHz : " + maxHz + " (expected: > minHz " + minHz
                    + " and <= sampleRate / 2 " + sampleRate / 2.0 + ")");
        }
        this.bands = bands;
        this.first = new int[bands];
        this.weights = new float[bands][];
        double lo = mel(minHz);
        double hi = mel(maxHz);
        double binHz = sampleRate / (double) fftSize;
        int bins = fftSize / 2 + 1;
        for (int b = 0; b < bands; b++) {
            double left = hz(lo + (hi - lo) * b / (bands + 1));
            double centre = centreHz(b, bands, minHz, maxHz);
            double right = hz(lo + (hi - lo) * (b + 2) / (bands + 1));
            int start = Math.max(0, (int) Math.ceil(left / binHz));
            int end = Math.min(bins - 1, (int) Math.floor(right / binHz));
            float[] w = new float[Math.max(0, end - start + 1)];
            for (int k = start; k <= end; k++) {
                double f = k * binHz;
                w[k - start] = (float) Math.max(0, f <= centre ? (f - left) / (centre - left) : (right - f) / (right - centre));
            }
            first[b] = start;
            weights[b] = w;
        }
    }

    int bands() {
        return bands;
    }

    /** Applies the filters to a power spectrum ({@code fftSize / 2 + 1} bins) into {@code out}. */
    void apply(double[] power, double[] out) {
        for (int b = 0; b < bands; b++) {
            float[] w = weights[b];
            int start = first[b];
            double sum = 0;
            for (int k = 0; k < w.length; k++) {
                sum += w[k] * power[start + k];
            }
            out[b] = sum;
        }
    }

    /** Centre frequency of filter {@code band} of {@code bands} spanning {@code [minHz, maxHz]}, Hz. */
    static double centreHz(int band, int bands, double minHz, double maxHz) {
        double lo = mel(minHz);
        double hi = mel(maxHz);
        return hz(lo + (hi - lo) * (band + 1) / (bands + 1));
    }

    static double mel(double hz) {
        return 2595 * Math.log10(1 + hz / 700);
    }

    static double hz(double mel) {
        return 700 * (Math.pow(10, mel / 2595) - 1);
    }
}
