package org.v2mzero.models.curve;

import java.util.ArrayList;
import java.util.List;
import org.v2mzero.protocol.EventCurve;
import org.v2mzero.protocol.Section;

/**
 * Sections (DESIGN.md §3, a derived view): the source split at its hard cuts, each part split again
 * where the event curve's level changes a lot, and parts shorter than {@code minSeconds} merged into a
 * neighbour. Deterministic and pure; immutable; any thread.
 *
 * <p>The level rule is binary segmentation on the mean: inside a part, the split point is the curve
 * sample that maximises {@code |mean(before) − mean(after)|} with at least {@code minSeconds} on each
 * side; the part is split there when that difference is at least {@code minLevelChange} (curve units,
 * z-scores), and both halves are tried again. Samples within {@link #EDGE_SECONDS} of a cut are left
 * out of the means, because the cut's own spike would otherwise decide the level of a short shot.
 *
 * <p>The merge rule: while some part is shorter than {@code minSeconds} (and there are at least two),
 * the shortest (the earliest of equals) is joined to its shorter neighbour (the earlier one on a tie),
 * so a flurry of quick cuts becomes one section rather than being glued onto a long calm shot.
 *
 * @param minSeconds     shortest section, seconds, > 0
 * @param minLevelChange smallest change of the mean curve level that splits a part, z-score units, > 0
 */
public record SectionFinder(double minSeconds, double minLevelChange) {
    /**
     * Video: 1.5 s is about the shortest shot a composer scores as its own moment (two beats at
     * 80 bpm); a level change of 1 z is a calm stretch turning into sustained action or the reverse.
     */
    public static final SectionFinder VIDEO = new SectionFinder(1.5, 1.0);
    /**
     * Music has no cuts, so sections come from the level alone: at least 4 s (two bars at 120 bpm),
     * and a level change of 0.5 z. Music's curve is a train of attack spikes, and z-scoring over the
     * clip caps a mean shift of such a train near 0.6–0.7 z (a steady tone turning into 4 clicks a
     * second reads as 0.5–0.7 z), so the video's 1 z would never split a song. On the shared sectoid
     * songs this finds the intro and the ending; the Sonic Pi loops stay one section each.
     */
    public static final SectionFinder MUSIC = new SectionFinder(4.0, 0.5);

    /** Seconds after and before a cut whose curve samples the level leaves out (the 0.2 s Hann spike). */
    static final double EDGE_SECONDS = 0.25;

    public SectionFinder {
        if (!(minSeconds > 0) || !Double.isFinite(minSeconds)) {
            throw new IllegalArgumentException("minSeconds : " + minSeconds + " (expected: > 0)");
        }
        if (!(minLevelChange > 0) || !Double.isFinite(minLevelChange)) {
            throw new IllegalArgumentException("minLevelChange : " + minLevelChange + " (expected: > 0)");
        }
    }

    /**
     * The sections of a source.
     *
     * @param curve    the event curve (z-scored, smoothed)
     * @param duration the source's length in seconds, > 0
     * @param cuts     hard cuts in seconds, ascending (empty for music)
     * @return sections covering {@code 0 .. duration}, ascending, each ending where the next starts
     */
    public List<Section> find(EventCurve curve, double duration, List<Double> cuts) {
        if (!(duration > 0) || !Double.isFinite(duration)) {
            throw new IllegalArgumentException("duration : " + duration + " (expected: > 0)");
        }
        List<Double> bounds = new ArrayList<>();
        bounds.add(0.0);
        for (double cut : cuts) {
            if (cut > bounds.get(bounds.size() - 1) && cut < duration) {
                bounds.add(cut);
            }
        }
        bounds.add(duration);
        List<Double> splits = new ArrayList<>();
        splits.add(0.0);
        for (int i = 0; i + 1 < bounds.size(); i++) {
            splitByLevel(curve, bounds.get(i), bounds.get(i + 1), splits);
            splits.add(bounds.get(i + 1));
        }
        return SectionMerge.mergeShort(splits, minSeconds);
    }

    /** Adds to {@code out} the level-change split points strictly inside the shot {@code start .. end}. */
    private void splitByLevel(EventCurve curve, double start, double end, List<Double> out) {
        double lo = start + EDGE_SECONDS;
        double hi = end - EDGE_SECONDS;
        int first = firstAtOrAfter(curve, lo);
        int last = firstAtOrAfter(curve, hi); // exclusive
        double[] prefix = new double[last - first + 1];
        for (int i = first; i < last; i++) {
            prefix[i - first + 1] = prefix[i - first] + curve.value(i);
        }
        bisect(curve, first, prefix, 0, last - first, start, end, out);
    }

    /** Binary segmentation of the samples {@code from .. to} (relative to {@code offset}), part {@code start .. end}. */
    private void bisect(EventCurve curve, int offset, double[] prefix, int from, int to, double start, double end,
            List<Double> out) {
        int best = -1;
        double bestChange = 0;
        for (int k = from + 1; k < to; k++) {
            double t = curve.time(offset + k);
            if (t - start < minSeconds || end - t < minSeconds) {
                continue;
            }
            double before = (prefix[k] - prefix[from]) / (k - from);
            double after = (prefix[to] - prefix[k]) / (to - k);
            double change = Math.abs(after - before);
            if (change > bestChange) {
                bestChange = change;
                best = k;
            }
        }
        if (best < 0 || bestChange < minLevelChange) {
            return;
        }
        double at = curve.time(offset + best);
        bisect(curve, offset, prefix, from, best, start, at, out);
        out.add(at);
        bisect(curve, offset, prefix, best, to, at, end, out);
    }

    private static int firstAtOrAfter(EventCurve curve, double seconds) {
        int i = 0;
        while (i < curve.size() && curve.time(i) < seconds) {
            i++;
        }
        return i;
    }
}
