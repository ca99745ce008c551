package org.v2mzero.models.music;

import java.util.Arrays;

/**
 * Beat times by dynamic programming over an onset envelope, seeded by a tempo (Ellis 2007, "Beat
 * tracking by dynamic programming", as librosa's {@code beat_track} implements it). The best beat
 * sequence maximises the onset strength at its beats minus a cost for every interval {@code Δ} that
 * strays from the tempo's period {@code T}: {@code tightness · ln(Δ/T)²}. Dynamic programming finds it
 * exactly: {@code C(t) = s(t) + max_{τ ∈ [t−2T, t−T/2]} (C(τ) − tightness · ln((t−τ)/T)²)}, remembering
 * the best {@code τ}; the last beat is the last strong local maximum of {@code C}, and the others follow
 * back along the remembered links.
 *
 * <p>Details, as librosa: {@code s} is the envelope divided by its standard deviation and smoothed by a
 * Gaussian of {@code T/32}; frames before the first one reaching 1 % of its maximum start no chain; the
 * last beat is the last local maximum of {@code C} reaching half the median of those maxima; weak beats
 * at either end (where the DP bridged silence) are trimmed. Added here: each beat moves to the envelope's
 * peak within a frame of it, refined between frames by a parabola, so beats are not quantised to the
 * 23 ms hop.
 *
 * <p>The single tempo is a target, not a grid: with the default tightness the beats follow a tempo that
 * changes by 20 % (BeatTrackerTest). Immutable; any thread.
 *
 * @param tightness weight of the tempo cost against the onset strength (librosa's default: 100)
 */
public record BeatTracker(double tightness) {
    /** librosa's tightness. */
    public static final BeatTracker DEFAULT = new BeatTracker(100);

    /** Width of the smoothing Gaussian, as a share of the period (librosa). */
    static final double SMOOTH_SHARE = 1.0 / 32;

    public BeatTracker {
        if (!(tightness >= 0) || !Double.isFinite(tightness)) {
            throw new IllegalArgumentException("tightness : " + tightness + " (expected: >= 0)");
        }
    }

    /**
     * The beat times, seconds, ascending; none when the envelope is flat, shorter than three samples or
     * {@code bpm} is not a tempo.
     *
     * @param envelope onset strength on an even grid of times
     * @param bpm      the tempo to seed the tracker with ({@link TempoEstimator})
     */
    public double[] beats(OnsetStrength.Envelope envelope, double bpm) {
        double[] times = envelope.times();
        double[] strength = envelope.values();
        int n = strength.length;
        if (n < 3 || !(bpm > 0) || !Double.isFinite(bpm)) {
            return new double[0];
        }
        double frameRate = (n - 1) / (times[n - 1] - times[0]);
        double period = frameRate * 60 / bpm;
        double[] score = localScore(strength, period);
        if (score == null || period < 1 || period * 2 > n) {
            return new double[0];
        }
        int[] beats = trim(score, track(score, period));
        double[] seconds = new double[beats.length];
        for (int b = 0; b < beats.length; b++) {
            seconds[b] = times[0] + peak(strength, beats[b]) / frameRate;
        }
        return seconds;
    }

    /** The envelope over its standard deviation, smoothed by a Gaussian of {@code period / 32}; null when flat. */
    static double[] localScore(double[] strength, double period) {
        double mean = Arrays.stream(strength).average().orElse(0);
        double var = Arrays.stream(strength).map(v -> (v - mean) * (v - mean)).sum() / strength.length;
        if (!(var > 0)) {
            return null;
        }
        double std = Math.sqrt(var);
        int half = (int) Math.round(period);
        double[] kernel = new double[2 * half + 1];
        for (int k = -half; k <= half; k++) {
            double z = k / (period * SMOOTH_SHARE);
            kernel[k + half] = Math.exp(-0.5 * z * z);
        }
        double[] score = new double[strength.length];
        for (int i = 0; i < score.length; i++) {
            double sum = 0;
            for (int k = -half; k <= half; k++) {
                int j = i + k;
                if (j >= 0 && j < strength.length) {
                    sum += kernel[k + half] * strength[j];
                }
            }
            score[i] = sum / std;
        }
        return score;
    }

    /** The DP and the backtrace: frames of the best beat sequence, ascending. */
    private int[] track(double[] score, double period) {
        int n = score.length;
        double[] cumulative = new double[n];
        int[] previous = new int[n];
        int far = (int) Math.round(2 * period);
        int near = Math.max(1, (int) Math.round(period / 2));
        double max = Arrays.stream(score).max().orElse(0);
        boolean started = false;
        for (int i = 0; i < n; i++) {
            // Predecessors before the first frame count as 0: a chain may start within 2T of the start.
            double best = Double.NEGATIVE_INFINITY;
            int link = -1;
            for (int d = near; d <= far; d++) {
                double log = Math.log(d / period);
                double candidate = (i - d >= 0 ? cumulative[i - d] : 0) - tightness * log * log;
                if (candidate > best) {
                    best = candidate;
                    link = Math.max(-1, i - d);
                }
            }
            started |= score[i] >= 0.01 * max;
            cumulative[i] = score[i] + best;
            previous[i] = started ? link : -1;
        }
        int last = lastBeat(cumulative);
        int count = 0;
        int[] reversed = new int[n];
        for (int b = last; b >= 0; b = previous[b]) {
            reversed[count++] = b;
        }
        int[] beats = new int[count];
        for (int k = 0; k < count; k++) {
            beats[k] = reversed[count - 1 - k];
        }
        return beats;
    }

    /** The last local maximum of {@code cumulative} reaching half the median of its local maxima. */
    private static int lastBeat(double[] cumulative) {
        int n = cumulative.length;
        double[] maxima = new double[n];
        int count = 0;
        for (int i = 1; i < n - 1; i++) {
            if (cumulative[i] > cumulative[i - 1] && cumulative[i] >= cumulative[i + 1]) {
                maxima[count++] = cumulative[i];
            }
        }
        if (count == 0) {
            return n - 1;
        }
        double[] sorted = Arrays.copyOf(maxima, count);
        Arrays.sort(sorted);
        double median = count % 2 == 1 ? sorted[count / 2] : 0.5 * (sorted[count / 2 - 1] + sorted[count / 2]);
        for (int i = n - 2; i >= 1; i--) {
            if (cumulative[i] > cumulative[i - 1] && cumulative[i] >= cumulative[i + 1] && cumulative[i] >= 0.5 * median) {
                return i;
            }
        }
        return n - 1;
    }

    /**
     * Drops leading and trailing beats whose (5-beat Hann-smoothed) local score is under half the RMS of
     * all beats' smoothed scores: the DP bridges an intro or a fade with beats on nothing.
     */
    private static int[] trim(double[] score, int[] beats) {
        double[] window = {0.25, 0.75, 1, 0.75, 0.25};
        double[] smooth = new double[beats.length];
        double squares = 0;
        for (int b = 0; b < beats.length; b++) {
            for (int k = -2; k <= 2; k++) {
                if (b + k >= 0 && b + k < beats.length) {
                    smooth[b] += window[k + 2] * score[beats[b + k]];
                }
            }
            squares += smooth[b] * smooth[b];
        }
        double threshold = 0.5 * Math.sqrt(squares / Math.max(1, beats.length));
        int first = 0;
        int last = beats.length - 1;
        while (first <= last && smooth[first] < threshold) {
            first++;
        }
        while (last >= first && smooth[last] < threshold) {
            last--;
        }
        return Arrays.copyOfRange(beats, first, last + 1);
    }

    /**
     * The fractional frame of the envelope's peak at or next to {@code frame} (a parabola through the
     * peak and its neighbours), or {@code frame} itself when no neighbour frame is a peak.
     */
    static double peak(double[] strength, int frame) {
        int best = -1;
        for (int i = Math.max(1, frame - 1); i <= Math.min(strength.length - 2, frame + 1); i++) {
            boolean isPeak = strength[i] >= strength[i - 1] && strength[i] >= strength[i + 1];
            if (isPeak && (best < 0 || strength[i] > strength[best])) {
                best = i;
            }
        }
        if (best < 0) {
            return frame;
        }
        double a = strength[best - 1];
        double b = strength[best];
        double c = strength[best + 1];
        double curvature = a - 2 * b + c;
        return curvature < 0 ? best + 0.5 * (a - c) / curvature : best;
    }
}
