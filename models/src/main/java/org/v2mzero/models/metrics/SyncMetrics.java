package org.v2mzero.models.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.v2mzero.models.curve.HannSmoother;
import org.v2mzero.models.curve.Resample;
import org.v2mzero.protocol.EventCurve;

/**
 * The sync metrics of ../shared/metrics.md, exactly as defined there: how well a take's music
 * (its onsets {@code O} and its z-scored event curve) marks the video's hits {@code H}. Times are
 * seconds on the take's timeline. Pure; any thread.
 */
public final class SyncMetrics {
    /** Tolerance of hit recall, hit accent and the onset matching, seconds. */
    public static final double WINDOW = 0.05;
    /** BeatAlign's Gaussian width, seconds (AIST++). */
    public static final double SIGMA = 0.05;
    /** A music-curve peak this high (z-score) accents a hit. */
    public static final double ACCENT_PEAK = 1.5;
    /** Both curves' Hann window before correlating, seconds. */
    public static final double CORRELATION_SMOOTH = 1.0;
    /** The correlation's sampling rate, Hz. */
    public static final double CORRELATION_RATE = 10.0;

    private SyncMetrics() {}

    /**
     * All metrics of one take.
     *
     * @param hits        video hits {@code H} (cut times or curve hits), at least one
     * @param onsets      onsets {@code O} detected in the take's mix
     * @param musicCurve  the z-scored music event curve of the mix
     * @param videoCurve  the video event curve
     */
    public static SyncReport evaluate(List<Double> hits, List<Double> onsets, EventCurve musicCurve, EventCurve videoCurve) {
        if (hits.isEmpty()) {
            throw new IllegalArgumentException("hits : empty (expected: at least one video hit)");
        }
        double[] h = hits.stream().mapToDouble(Double::doubleValue).toArray();
        double[] o = onsets.stream().mapToDouble(Double::doubleValue).toArray();
        List<EventMatching.Pair> pairs = EventMatching.match(h, o, WINDOW);
        return new SyncReport(h.length, o.length, pairs.size() / (double) h.length, hitAccent(h, musicCurve),
                beatAlign(h, o), curveCorrelation(videoCurve, musicCurve), timingErrorMs(h, o, pairs),
                perHit(h, o, pairs, musicCurve));
    }

    /** Each hit's match, nearest onset and accent peak: the parts of the averages above. */
    static List<HitDetail> perHit(double[] h, double[] o, List<EventMatching.Pair> pairs, EventCurve curve) {
        boolean[] matched = new boolean[h.length];
        pairs.forEach(p -> matched[p.reference()] = true);
        double[] sorted = sorted(o);
        List<HitDetail> out = new ArrayList<>();
        for (int k = 0; k < h.length; k++) {
            out.add(new HitDetail(h[k], matched[k], nearestOffset(sorted, h[k]) * 1000, peakNear(curve, h[k])));
        }
        return out;
    }

    /** Share of {@code h} with a local peak of {@code curve} of at least {@link #ACCENT_PEAK} within ±{@link #WINDOW}. */
    public static double hitAccent(double[] h, EventCurve curve) {
        int accented = 0;
        for (double t : h) {
            if (peakNear(curve, t) >= ACCENT_PEAK) { // false for NaN: no peak at all
                accented++;
            }
        }
        return accented / (double) h.length;
    }

    /** The highest local peak of {@code curve} within ±{@link #WINDOW} of {@code t}; NaN if there is none. */
    private static double peakNear(EventCurve curve, double t) {
        double peak = Double.NaN;
        for (int i = 0; i < curve.size(); i++) {
            // !(v <= peak): true for the first peak, when peak is still NaN
            if (Math.abs(curve.time(i) - t) <= WINDOW && isPeak(curve, i) && !(curve.value(i) <= peak)) {
                peak = curve.value(i);
            }
        }
        return peak;
    }

    /** A local maximum: not below either neighbour (the ends count against their one neighbour). */
    private static boolean isPeak(EventCurve c, int i) {
        return (i == 0 || c.value(i) >= c.value(i - 1)) && (i == c.size() - 1 || c.value(i) >= c.value(i + 1));
    }

    /** Mean over {@code h} of {@code exp(−d²/(2σ²))}, {@code d} the distance to the nearest onset; 0 without onsets. */
    public static double beatAlign(double[] h, double[] o) {
        if (o.length == 0) {
            return 0;
        }
        double[] sorted = sorted(o);
        double sum = 0;
        for (double t : h) {
            double d = nearestOffset(sorted, t);
            sum += Math.exp(-d * d / (2 * SIGMA * SIGMA));
        }
        return sum / h.length;
    }

    private static double[] sorted(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    /** The nearest of the {@code sorted} onsets minus {@code t}, seconds; NaN without onsets. */
    private static double nearestOffset(double[] sorted, double t) {
        int i = Arrays.binarySearch(sorted, t);
        int at = i >= 0 ? i : -i - 1;
        double offset = Double.NaN;
        if (at < sorted.length) {
            offset = sorted[at] - t;
        }
        if (at > 0 && !(Math.abs(offset) <= t - sorted[at - 1])) {
            offset = sorted[at - 1] - t;
        }
        return offset;
    }

    /**
     * Pearson r of both curves, each Hann-smoothed over {@link #CORRELATION_SMOOTH} on its own times,
     * then sampled at {@link #CORRELATION_RATE} over the span both cover; NaN when they do not overlap
     * by two samples or one is flat there.
     */
    public static double curveCorrelation(EventCurve video, EventCurve music) {
        if (video.size() == 0 || music.size() == 0) {
            return Double.NaN;
        }
        double start = Math.max(video.time(0), music.time(0));
        double end = Math.min(video.time(video.size() - 1), music.time(music.size() - 1));
        if (!(end - start >= 1 / CORRELATION_RATE)) {
            return Double.NaN;
        }
        double[] grid = Resample.grid(start, end, CORRELATION_RATE);
        return pearson(sampled(video, grid), sampled(music, grid));
    }

    private static double[] sampled(EventCurve curve, double[] grid) {
        double[] times = curve.times();
        return Resample.linear(times, HannSmoother.smooth(times, curve.values(), CORRELATION_SMOOTH), grid);
    }

    static double pearson(double[] a, double[] b) {
        double ma = Arrays.stream(a).average().orElse(0);
        double mb = Arrays.stream(b).average().orElse(0);
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa == 0 || sbb == 0 ? Double.NaN : sab / Math.sqrt(saa * sbb);
    }

    /** Median {@code |o − h|} over the matched pairs, milliseconds; NaN without pairs. */
    static double timingErrorMs(double[] h, double[] o, List<EventMatching.Pair> pairs) {
        if (pairs.isEmpty()) {
            return Double.NaN;
        }
        double[] errors = pairs.stream().mapToDouble(p -> Math.abs(o[p.estimate()] - h[p.reference()])).sorted().toArray();
        int n = errors.length;
        double median = n % 2 == 1 ? errors[n / 2] : 0.5 * (errors[n / 2 - 1] + errors[n / 2]);
        return median * 1000;
    }
}
