package org.v2mzero.models.music;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Tempo from the periodicity of an onset-strength envelope, scored as a comb and weighted by a
 * log-normal tempo prior (centre {@code priorBpm}, {@code priorOctaves} wide: Ellis 2007, librosa's
 * {@code tempo}). A candidate beat period {@code T} scores the mean autocorrelation of the envelope at
 * {@code T, 2T, 3T, …}: a beat correlates at all its multiples, a syncopated figure (a 3/4-beat
 * pattern) at its own lag but not at most multiples. Every metrical level above the beat also
 * correlates at all its multiples, so the comb alone cannot choose between a tempo and its half; the
 * prior does.
 *
 * <p>Two entry points:
 * <ul>
 *   <li>{@link #bpm} for any music: the (linear) autocorrelation of the envelope, periods on a grid of
 *       {@link #PERIOD_STEP} frames. Knows nothing of the signal's length.</li>
 *   <li>{@link #loopBpm} for a loop cut to a whole number of beats, whose envelope is taken of the loop
 *       played round ({@link OnsetStrength#ofLoop}). The loop is then exactly periodic, so its
 *       autocorrelation is circular (every lag averages the whole loop, which a 2-second loop needs), and
 *       the candidates are exactly the tempi {@code 60·n / length} for whole numbers {@code n} of beats.
 *       That rules out every non-octave error (4/3 or 2/3 of the tempo); between {@code n} and {@code 2n}
 *       the prior still decides, as it must: both fit the loop.</li>
 * </ul>
 *
 * <p>The prior's width was set on the Sonic Pi loops of {@code ../shared/data} (LoopTempoTest), with
 * the envelope {@link MusicCurveAnalyzer} gives it: all eight loops are right for any width from 0.6 to
 * 1.0 octaves, but at one octave (librosa's default) loop_breakbeat's 126 bpm beats its 63 bpm reading
 * by only 4 %; at 0.7 octaves by 62 %, and every loop's tempo beats its runner-up by at least 35 %
 * (loop_compus, against twice its tempo). LoopTempoTest checks 0.6 and 0.8 octaves too.
 *
 * <p>Immutable; any thread.
 *
 * @param minBpm       slowest tempo considered
 * @param maxBpm       fastest tempo considered
 * @param priorBpm     centre of the tempo prior
 * @param priorOctaves standard deviation of the tempo prior, octaves
 */
public record TempoEstimator(double minBpm, double maxBpm, double priorBpm, double priorOctaves) {
    /** 30–300 bpm, prior centred on 120 bpm, 0.7 octaves wide. */
    public static final TempoEstimator DEFAULT = new TempoEstimator(30, 300, 120, 0.7);

    /** Most multiples of a candidate period the comb of {@link #bpm} reads. */
    static final int COMB_TEETH = 16;
    /** Step of the candidate periods, frames: fine enough for 0.1 % at 120 bpm and 43 frames/s. */
    static final double PERIOD_STEP = 0.02;
    /**
     * Longest lag of {@link #bpm}, as a share of the signal: longer lags average too few products to be
     * trusted (the autocorrelation is divided by the overlap, so their noise is not damped).
     */
    static final double MAX_LAG_SHARE = 2.0 / 3;

    public TempoEstimator {
        if (!(minBpm > 0 && maxBpm > minBpm && Double.isFinite(maxBpm))) {
            throw new IllegalArgumentException("maxBpm : " + maxBpm + " (expected: > minBpm " + minBpm + " > 0)");
        }
        if (!(priorBpm > 0) || !Double.isFinite(priorBpm)) {
            throw new IllegalArgumentException("priorBpm : " + priorBpm + " (expected: > 0)");
        }
        if (!(priorOctaves > 0) || !Double.isFinite(priorOctaves)) {
            throw new IllegalArgumentException("priorOctaves : " + priorOctaves + " (expected: > 0)");
        }
    }

    /** This estimator with another prior width (octaves). */
    public TempoEstimator withPriorOctaves(double octaves) {
        return new TempoEstimator(minBpm, maxBpm, priorBpm, octaves);
    }

    /**
     * The tempo of any music in beats per minute, or NaN when the signal is too short or has no pulse.
     *
     * @param strength  onset strength on an even grid
     * @param frameRate samples of {@code strength} per second
     */
    public double bpm(double[] strength, double frameRate) {
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
            double score = comb(acf, period) * prior(frameRate * 60 / period);
            if (score > bestScore) {
                bestScore = score;
                best = period;
            }
        }
        return frameRate * 60 / best;
    }

    /**
     * The tempo of a loop of a whole number of beats: {@code 60·n / loopSeconds} for the best whole
     * {@code n} of {@link #loopCandidates}, or NaN when the envelope has no pulse or no whole number
     * of beats fits {@code [minBpm, maxBpm]}.
     *
     * @param loop        the envelope of one period of the loop played round ({@link OnsetStrength#ofLoop})
     * @param loopSeconds the loop's length, seconds
     */
    public double loopBpm(OnsetStrength.Envelope loop, double loopSeconds) {
        List<LoopCandidate> candidates = loopCandidates(loop, loopSeconds);
        return candidates.isEmpty() || !(candidates.get(0).score() > 0) ? Double.NaN : candidates.get(0).bpm();
    }

    /**
     * Every whole number of beats whose tempo lies in {@code [minBpm, maxBpm]}, scored, best first:
     * what {@link #loopBpm} chooses from, for reports and tests. None when the envelope has no pulse.
     */
    public List<LoopCandidate> loopCandidates(OnsetStrength.Envelope loop, double loopSeconds) {
        if (!(loopSeconds > 0) || !Double.isFinite(loopSeconds)) {
            throw new IllegalArgumentException("loopSeconds : " + loopSeconds + " (expected: > 0)");
        }
        LoopPeriodicity periodicity = LoopPeriodicity.of(loop, loopSeconds);
        if (!periodicity.hasPulse()) {
            return List.of();
        }
        List<LoopCandidate> candidates = new ArrayList<>();
        int last = (int) Math.floor(maxBpm * loopSeconds / 60);
        for (int n = (int) Math.max(1, Math.ceil(minBpm * loopSeconds / 60)); n <= last; n++) {
            double bpm = 60 * n / loopSeconds;
            double comb = periodicity.comb(n);
            candidates.add(new LoopCandidate(n, bpm, comb, comb * prior(bpm)));
        }
        candidates.sort(Comparator.comparingDouble(LoopCandidate::score).reversed());
        return candidates;
    }

    /**
     * One reading of a loop.
     *
     * @param beats whole beats in the loop
     * @param bpm   the tempo that makes, {@code 60·beats / length}
     * @param comb  the loop's periodicity at that many beats ({@link LoopPeriodicity#comb}), at most 1
     * @param score {@code comb} times the tempo prior
     */
    public record LoopCandidate(int beats, double bpm, double comb, double score) {}

    /** The log-normal tempo prior, 1 at {@code priorBpm}. */
    double prior(double bpm) {
        double octaves = Math.log(bpm / priorBpm) / Math.log(2) / priorOctaves;
        return Math.exp(-0.5 * octaves * octaves);
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
