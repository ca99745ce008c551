package org.v2mzero.models.music;

/**
 * Tempo from the autocorrelation of an onset-strength signal. The lag with the highest
 * autocorrelation, weighted by a log-normal tempo prior (centre {@code priorBpm}, one octave wide,
 * as in Ellis 2007 and librosa's {@code tempo}), is the beat period; the prior is what makes the
 * choice octave-aware, since a pulse at {@code T} also correlates at {@code 2T} and {@code T/2}.
 * The period is then refined to a fraction of a frame by parabolic interpolation at its largest
 * multiple that still fits in the signal. Immutable; any thread.
 *
 * @param minBpm   slowest tempo considered
 * @param maxBpm   fastest tempo considered
 * @param priorBpm centre of the tempo prior
 */
public record TempoEstimator(double minBpm, double maxBpm, double priorBpm) {
    /** 30–300 bpm, prior centred on 120 bpm. */
    public static final TempoEstimator DEFAULT = new TempoEstimator(30, 300, 120);

    /** Width (standard deviation) of the log-normal tempo prior, octaves. */
    static final double PRIOR_OCTAVES = 1.0;

    public TempoEstimator {
        if (!(minBpm > 0 && maxBpm > minBpm && Double.isFinite(maxBpm))) {
            throw new IllegalArgumentException("maxBpm : " + maxBpm + " (expected: > minBpm " + minBpm + " > 0)");
        }
        if (!(priorBpm > 0) || !Double.isFinite(priorBpm)) {
            throw new IllegalArgumentException("priorBpm : " + priorBpm + " (expected: > 0)");
        }
    }

    /**
     * The tempo in beats per minute, or NaN when the signal is too short or has no pulse.
     *
     * @param strength  onset strength on an even grid
     * @param frameRate samples of {@code strength} per second
     */
    public double bpm(double[] strength, double frameRate) {
        // Lags up to 8 s: enough multiples of any period to refine it, cheap on a whole song.
        double[] acf = autocorrelation(strength, (int) Math.ceil(frameRate * 8));
        int minLag = Math.max(1, (int) Math.floor(frameRate * 60 / maxBpm));
        int maxLag = Math.min(acf.length - 2, (int) Math.ceil(frameRate * 60 / minBpm));
        int best = -1;
        double bestScore = 0;
        for (int lag = minLag; lag <= maxLag; lag++) {
            if (!(acf[lag] > acf[lag - 1] && acf[lag] >= acf[lag + 1])) {
                continue;
            }
            double octaves = Math.log(frameRate * 60 / lag / priorBpm) / Math.log(2);
            double score = acf[lag] * Math.exp(-0.5 * octaves * octaves / (PRIOR_OCTAVES * PRIOR_OCTAVES));
            if (score > bestScore) {
                bestScore = score;
                best = lag;
            }
        }
        if (best < 0) {
            return Double.NaN;
        }
        return frameRate * 60 / refine(acf, best);
    }

    /** The period in fractional frames, from the peak near the largest multiple of {@code lag} that fits. */
    private static double refine(double[] acf, int lag) {
        int multiple = Math.max(1, (acf.length * 2 / 3) / lag);
        int centre = lag * multiple;
        int peak = centre;
        for (int j = Math.max(1, centre - multiple); j <= Math.min(acf.length - 2, centre + multiple); j++) {
            if (acf[j] > acf[peak]) {
                peak = j;
            }
        }
        if (peak < 1 || peak > acf.length - 2) {
            return lag;
        }
        double a = acf[peak - 1];
        double b = acf[peak];
        double c = acf[peak + 1];
        double denom = a - 2 * b + c;
        double offset = denom < 0 ? 0.5 * (a - c) / denom : 0;
        return (peak + offset) / multiple;
    }

    /** Unbiased autocorrelation of the mean-removed signal, lags {@code 0 .. min(n, maxLags) - 1}. */
    static double[] autocorrelation(double[] x, int maxLags) {
        int n = x.length;
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= Math.max(1, n);
        double[] acf = new double[Math.min(n, maxLags)];
        for (int lag = 0; lag < acf.length; lag++) {
            double sum = 0;
            for (int i = 0; i + lag < n; i++) {
                sum += (x[i] - mean) * (x[i + lag] - mean);
            }
            acf[lag] = sum / (n - lag); // divided by the overlap, so long lags are not penalised
        }
        return acf;
    }
}
