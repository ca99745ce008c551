package org.v2mzero.models.music;

import java.util.ArrayList;
import java.util.List;
import org.v2mzero.models.curve.ZScore;

/**
 * Picks onsets from an onset-strength signal with a fixed rule (the one of Böck, Krebs and Schedl
 * 2012, as librosa's {@code peak_pick} implements it), applied to the z-scored signal {@code s}:
 * sample {@code i} is an onset when
 * <ol>
 *   <li>{@code s[i]} is the maximum of {@code s} within {@code [t_i − preMax, t_i + postMax]},</li>
 *   <li>{@code s[i] ≥ mean(s within [t_i − preAvg, t_i + postAvg]) + delta}, and</li>
 *   <li>at least {@code minGap} seconds have passed since the previous onset.</li>
 * </ol>
 * Windows are in seconds, so the rule does not depend on the frame rate. Immutable; any thread.
 *
 * @param preMax  seconds before a peak in which it must be the maximum
 * @param postMax seconds after a peak in which it must be the maximum
 * @param preAvg  seconds before a peak in the local mean
 * @param postAvg seconds after a peak in the local mean
 * @param delta   how far above the local mean, in standard deviations of the whole signal
 * @param minGap    minimum seconds between onsets
 */
public record OnsetDetector(double preMax, double postMax, double preAvg, double postAvg, double delta, double minGap) {
    /** The rule used for every take and test; see {@code OnsetDetectorTest} for how it was chosen. */
    public static final OnsetDetector DEFAULT = new OnsetDetector(0.03, 0.03, 0.10, 0.10, 0.5, 0.03);

    public OnsetDetector {
        check("preMax", preMax);
        check("postMax", postMax);
        check("preAvg", preAvg);
        check("postAvg", postAvg);
        check("minGap", minGap);
        if (!Double.isFinite(delta)) {
            throw new IllegalArgumentException("delta : " + delta + " (expected: finite)");
        }
    }

    private static void check(String name, double seconds) {
        if (!(seconds >= 0) || !Double.isFinite(seconds)) {
            throw new IllegalArgumentException(name + " : " + seconds + " (expected: >= 0)");
        }
    }

    /**
     * The onset times, ascending, in seconds.
     *
     * @param times    seconds of each sample, ascending
     * @param strength onset strength per time (any scale: it is z-scored here)
     */
    public List<Double> detect(double[] times, double[] strength) {
        if (times.length != strength.length) {
            throw new IllegalArgumentException(
                    "times.length : " + times.length + " (expected: strength.length " + strength.length + ")");
        }
        double[] s = ZScore.of(strength);
        List<Double> onsets = new ArrayList<>();
        double last = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < s.length; i++) {
            if (times[i] - last < minGap || !isLocalMax(times, s, i) || s[i] < localMean(times, s, i) + delta) {
                continue;
            }
            onsets.add(times[i]);
            last = times[i];
        }
        return onsets;
    }

    private boolean isLocalMax(double[] times, double[] s, int i) {
        for (int j = i - 1; j >= 0 && times[j] >= times[i] - preMax - 1e-9; j--) {
            if (s[j] > s[i]) {
                return false;
            }
        }
        for (int j = i + 1; j < s.length && times[j] <= times[i] + postMax + 1e-9; j++) {
            // A flat top passes on every sample; the minimum-gap rule keeps its first.
            if (s[j] > s[i]) {
                return false;
            }
        }
        return true;
    }

    private double localMean(double[] times, double[] s, int i) {
        double sum = 0;
        int n = 0;
        for (int j = i; j >= 0 && times[j] >= times[i] - preAvg - 1e-9; j--) {
            sum += s[j];
            n++;
        }
        for (int j = i + 1; j < s.length && times[j] <= times[i] + postAvg + 1e-9; j++) {
            sum += s[j];
            n++;
        }
        return sum / n;
    }
}
