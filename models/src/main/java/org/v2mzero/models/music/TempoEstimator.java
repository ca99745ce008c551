package org.v2mzero.models.music;

/**
 * Tempo from the autocorrelation of an onset-strength signal, scored as a comb: a candidate beat
 * period {@code T} (fractional frames) scores the mean autocorrelation at {@code T, 2T, … 16T}, as
 * far as the lags reach, weighted by a log-normal tempo prior (centre {@code priorBpm}, one octave
 * wide, as in Ellis 2007 and librosa's {@code tempo}). The comb is what tells a beat from a
 * syncopation: a 3/4-beat figure correlates strongly at its own lag but not at most of its
 * multiples, while the beat correlates at all of them; reading many multiples also gives the period
 * to a fiftieth of a frame without interpolation tricks. The prior settles the octave, since a pulse
 * at {@code T} also correlates at every multiple of {@code 2T}.
 *
 * <p>On the Sonic Pi loops of {@code ../shared/data} the comb fixed loop_mika (114.3 → 120.0 bpm)
 * and turned two half-tempo readings into the right tempo, but it reads the 2.5 s loops
 * loop_electric and loop_mehackit2 as 4/3 of their 97 bpm. With {@code wholeBeats} on, which is
 * only true of a loop cut to a whole number of beats, all eight are right up to an octave.
 *
 * <p>Immutable; any thread.
 *
 * @param minBpm     slowest tempo considered
 * @param maxBpm     fastest tempo considered
 * @param priorBpm   centre of the tempo prior
 * @param wholeBeats the signal is one loop of a whole number of beats: a candidate period is weighted
 *                   by how close the loop's length is to a whole number of periods (Gaussian,
 *                   {@link #WHOLE_BEATS_TOLERANCE} beats wide). Off by default: no prior for songs.
 */
public record TempoEstimator(double minBpm, double maxBpm, double priorBpm, boolean wholeBeats) {
    /** 30–300 bpm, prior centred on 120 bpm, any length. */
    public static final TempoEstimator DEFAULT = new TempoEstimator(30, 300, 120, false);

    /** Width (standard deviation) of the log-normal tempo prior, octaves. */
    static final double PRIOR_OCTAVES = 1.0;
    /** Most multiples of a candidate period the comb reads. */
    static final int COMB_TEETH = 16;
    /** Step of the candidate periods, frames: fine enough for 0.1 % at 120 bpm and 43 frames/s. */
    static final double PERIOD_STEP = 0.02;
    /**
     * Longest lag, as a share of the signal: longer lags average too few products to be trusted
     * (the autocorrelation is divided by the overlap, so their noise is not damped).
     */
    static final double MAX_LAG_SHARE = 2.0 / 3;
    /** Standard deviation, in beats, of the whole-beats weight. */
    static final double WHOLE_BEATS_TOLERANCE = 0.1;

    public TempoEstimator {
        if (!(minBpm > 0 && maxBpm > minBpm && Double.isFinite(maxBpm))) {
            throw new IllegalArgumentException("maxBpm : " + maxBpm + " (expected: > minBpm " + minBpm + " > 0)");
        }
        if (!(priorBpm > 0) || !Double.isFinite(priorBpm)) {
            throw new IllegalArgumentException("priorBpm : " + priorBpm + " (expected: > 0)");
        }
    }

    /** This estimator for loops cut to a whole number of beats (see {@code wholeBeats}). */
    public TempoEstimator forLoops() {
        return new TempoEstimator(minBpm, maxBpm, priorBpm, true);
    }

    /**
     * The tempo in beats per minute, or NaN when the signal is too short or has no pulse.
     *
     * @param strength        onset strength on an even grid
     * @param frameRate       samples of {@code strength} per second
     * @param durationSeconds length of the audio, seconds; read only when {@code wholeBeats}
     */
    public double bpm(double[] strength, double frameRate, double durationSeconds) {
        // Lags up to 8 s: enough multiples of any period, cheap on a whole song.
        int lags = (int) Math.min(Math.ceil(frameRate * 8), Math.floor(strength.length * MAX_LAG_SHARE));
        double[] acf = autocorrelation(strength, lags + 1);
        double minPeriod = Math.max(1, frameRate * 60 / maxBpm);
        double maxPeriod = Math.min(acf.length - 1, frameRate * 60 / minBpm);
        if (acf.length < 2 || !(acf[0] > 0) || maxPeriod < minPeriod) {
            return Double.NaN;
        }
        double best = Double.NaN;
        double bestScore = 0;
        for (double period = minPeriod; period <= maxPeriod; period += PERIOD_STEP) {
            double score = comb(acf, period) * tempoPrior(frameRate * 60 / period);
            if (wholeBeats) {
                double beats = durationSeconds * frameRate / period;
                double off = (beats - Math.rint(beats)) / WHOLE_BEATS_TOLERANCE;
                score *= Math.exp(-0.5 * off * off);
            }
            if (score > bestScore) {
                bestScore = score;
                best = period;
            }
        }
        return frameRate * 60 / best;
    }

    private double tempoPrior(double bpm) {
        double octaves = Math.log(bpm / priorBpm) / Math.log(2);
        return Math.exp(-0.5 * octaves * octaves / (PRIOR_OCTAVES * PRIOR_OCTAVES));
    }

    /** Mean of the autocorrelation (linearly interpolated) at the multiples of {@code period} that fit. */
    private static double comb(double[] acf, double period) {
        double sum = 0;
        int teeth = 0;
        for (int k = 1; k <= COMB_TEETH && k * period <= acf.length - 1; k++) {
            double lag = k * period;
            int i = (int) lag;
            double w = lag - i;
            sum += i + 1 < acf.length ? acf[i] * (1 - w) + acf[i + 1] * w : acf[i];
            teeth++;
        }
        return sum / teeth;
    }

    /** Unbiased autocorrelation of the mean-removed signal, lags {@code 0 .. min(n, maxLags) - 1}. */
    static double[] autocorrelation(double[] x, int maxLags) {
        int n = x.length;
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= Math.max(1, n);
        double[] acf = new double[Math.max(0, Math.min(n, maxLags))];
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
