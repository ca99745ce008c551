package org.v2mzero.models.curve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.v2mzero.protocol.EventCurve;
import org.v2mzero.protocol.Hit;

/**
 * Picks hits (DESIGN.md §3: moments the music should mark) from a z-scored event curve: local peaks
 * above a threshold, at least a minimum spacing apart, the stronger winning. Immutable; any thread.
 *
 * @param threshold         minimum curve value (z-score) of a hit
 * @param minSpacingSeconds minimum time between two hits, seconds; of two closer peaks the weaker
 *                          is dropped
 */
public record HitPicker(double threshold, double minSpacingSeconds) {
    /** One standard deviation above the clip's typical change, at most four hits a second. */
    public static final HitPicker DEFAULT = new HitPicker(1.0, 0.25);

    public HitPicker {
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold : " + threshold + " (expected: finite)");
        }
        if (!(minSpacingSeconds >= 0) || !Double.isFinite(minSpacingSeconds)) {
            throw new IllegalArgumentException("minSpacingSeconds : " + minSpacingSeconds + " (expected: >= 0)");
        }
    }

    /** The hits of {@code curve}, strongest first; equal strengths keep time order. */
    public List<Hit> pick(EventCurve curve) {
        List<Hit> peaks = new ArrayList<>();
        int n = curve.size();
        for (int i = 0; i < n; i++) {
            double v = curve.value(i);
            // Strictly above the left neighbour, at least the right: a plateau yields its first sample.
            boolean peak = (i == 0 || v > curve.value(i - 1)) && (i == n - 1 || v >= curve.value(i + 1));
            if (peak && v > threshold) {
                peaks.add(new Hit(Math.max(0, curve.time(i)), v));
            }
        }
        peaks.sort(Comparator.comparingDouble(Hit::strength).reversed().thenComparingDouble(Hit::time));
        List<Hit> kept = new ArrayList<>();
        for (Hit candidate : peaks) {
            if (kept.stream().allMatch(h -> Math.abs(h.time() - candidate.time()) >= minSpacingSeconds)) {
                kept.add(candidate);
            }
        }
        return kept;
    }
}
