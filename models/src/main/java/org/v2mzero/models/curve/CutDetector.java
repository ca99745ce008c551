package org.v2mzero.models.curve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds hard shot boundaries in a raw novelty curve ({@link Novelty#raw}): a cut is one transition
 * whose change is large in absolute terms and much larger than the transitions around it.
 *
 * <p>Three tests together separate a cut from what is not one: a fade or a slow camera move
 * spreads its change over many transitions, so no single one is large ({@code minNovelty}); fast
 * motion makes large changes, but its neighbours are large too, so the ratio to the local median
 * stays small ({@code minRatio}); and a cut holds its change in one transition, so neither
 * immediate neighbour may exceed half of it (fixed, not a parameter: it is what "hard" means).
 * Immutable; {@link #detect} is pure, any thread.
 *
 * @param minNovelty minimum raw novelty {@code 1 - cos} of the cut transition itself
 * @param minRatio   minimum ratio of the cut transition's novelty to the median novelty of the
 *                   {@code radius} transitions on each side of it
 * @param radius     neighbourhood half-width in transitions (frames)
 */
public record CutDetector(double minNovelty, double minRatio, int radius) {
    /**
     * Defaults measured on the shared clips (see SharedClipCutsTest and CutDetectorTest):
     * cuts there score 0.8 to 1.1 raw novelty with neighbours near 0; fades stay below 0.01 per
     * transition; the largest motion spike (a falling bird in Big Buck Bunny, 0.44) has a neighbour
     * of 0.28 and a local median near 0.1.
     */
    public static final CutDetector DEFAULT = new CutDetector(0.25, 4.0, 6);

    public CutDetector {
        if (!(minNovelty > 0) || !(minNovelty < 2)) {
            throw new IllegalArgumentException("minNovelty : " + minNovelty + " (expected: > 0 and < 2)");
        }
        if (!(minRatio >= 1) || !Double.isFinite(minRatio)) {
            throw new IllegalArgumentException("minRatio : " + minRatio + " (expected: >= 1)");
        }
        if (radius < 1) {
            throw new IllegalArgumentException("radius : " + radius + " (expected: >= 1)");
        }
    }

    /**
     * The cut times, ascending.
     *
     * @param times seconds of each transition: the time of the first frame after it (the first frame
     *              of the new shot), as {@link EventCurveRecipe} assigns them
     * @param raw   raw novelty per transition
     */
    public List<Double> detect(double[] times, double[] raw) {
        if (times.length != raw.length) {
            throw new IllegalArgumentException(
                    "times.length : " + times.length + " (expected: raw.length " + raw.length + ")");
        }
        List<Double> cuts = new ArrayList<>();
        for (int t = 0; t < raw.length; t++) {
            if (isCut(raw, t)) {
                cuts.add(times[t]);
            }
        }
        return cuts;
    }

    /** Whether transition {@code t} is a cut; package-private for the tests. */
    boolean isCut(double[] raw, int t) {
        double e = raw[t];
        if (e < minNovelty) {
            return false;
        }
        // A cut happens in one transition: fast motion (a falling object, a whip pan) ramps up and
        // down over several, so a neighbour holding more than half the change rules a cut out.
        double left = t > 0 ? raw[t - 1] : 0;
        double right = t + 1 < raw.length ? raw[t + 1] : 0;
        if (Math.max(left, right) > e / 2) {
            return false;
        }
        return e >= minRatio * neighbourhoodMedian(raw, t);
    }

    private double neighbourhoodMedian(double[] raw, int t) {
        int from = Math.max(0, t - radius);
        int to = Math.min(raw.length - 1, t + radius);
        double[] around = new double[to - from];
        int k = 0;
        for (int i = from; i <= to; i++) {
            if (i != t) {
                around[k++] = raw[i];
            }
        }
        if (around.length == 0) {
            return 0;
        }
        Arrays.sort(around);
        int mid = around.length / 2;
        return around.length % 2 == 1 ? around[mid] : (around[mid - 1] + around[mid]) / 2;
    }
}
