package org.v2mzero.models.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Maximum one-to-one matching of two event lists within a tolerance, as mir_eval's
 * {@code util.match_events}: reference {@code r} and estimate {@code e} may pair when
 * {@code |r − e| ≤ window}, each event pairs at most once, and the number of pairs is maximal.
 *
 * <p>mir_eval finds it with Hopcroft–Karp on the general bipartite graph. Events on a line form an
 * interval graph: the estimates a reference may take are a contiguous run of the sorted estimates,
 * and both ends of that run move right as the reference does. On such a graph the sweep used here
 * (references in time order, each taking the earliest still-free estimate in its window) is maximum
 * by the usual exchange argument, so the count, and every score built on it, equals mir_eval's.
 * Which pairs are chosen may differ where several maximum matchings exist. Pure; any thread.
 */
public final class EventMatching {
    private EventMatching() {}

    /** A matched pair: indices into the caller's (unsorted) arrays. */
    public record Pair(int reference, int estimate) {}

    /**
     * The pairs of a maximum matching, in reference-time order.
     *
     * @param reference event times, seconds, any order
     * @param estimate  event times, seconds, any order
     * @param window    tolerance, seconds, inclusive
     */
    public static List<Pair> match(double[] reference, double[] estimate, double window) {
        if (!(window >= 0) || !Double.isFinite(window)) {
            throw new IllegalArgumentException("window : " + window + " (expected: >= 0)");
        }
        Integer[] refOrder = order(reference);
        Integer[] estOrder = order(estimate);
        List<Pair> pairs = new ArrayList<>();
        int next = 0; // first estimate (in time order) not yet used or passed
        for (int ri : refOrder) {
            double r = reference[ri];
            // Estimates too early for this reference are too early for every later one.
            while (next < estOrder.length && estimate[estOrder[next]] + window < r) {
                next++;
            }
            // The hit test mir_eval's _fast_hit_windows makes, in the same floating-point form.
            if (next < estOrder.length && estimate[estOrder[next]] - window <= r) {
                pairs.add(new Pair(ri, estOrder[next]));
                next++;
            }
        }
        return pairs;
    }

    private static Integer[] order(double[] times) {
        Integer[] idx = new Integer[times.length];
        for (int i = 0; i < idx.length; i++) {
            if (!Double.isFinite(times[i])) {
                throw new IllegalArgumentException("times[" + i + "] : " + times[i] + " (expected: finite)");
            }
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(times[a], times[b]));
        return idx;
    }
}
