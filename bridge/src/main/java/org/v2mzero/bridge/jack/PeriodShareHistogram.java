package org.v2mzero.bridge.jack;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Callback durations as a share of the JACK period, in fixed buckets of 0.01 % of the period (0.53 µs at
 * 256 frames and 48 kHz) up to 100 %, plus one overflow bucket for callbacks that took a whole period
 * or more (those are xruns in the making).
 *
 * <p>Single writer: only the audio thread calls {@link #record}; it allocates nothing and takes no lock
 * (a plain read and an ordered {@code lazySet} per call, like HdrHistogram's single-writer recorder).
 * Any thread may read {@link #percentile}: counts only grow, so a reader sees a consistent-enough
 * cumulative picture without stopping the writer.
 */
final class PeriodShareHistogram {
    /** Buckets per whole period: 10 000, so one bucket is 0.01 %. */
    static final int BUCKETS_PER_PERIOD = 10_000;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS_PER_PERIOD + 1);

    /**
     * Audio thread only. Records one callback.
     *
     * @param durationNanos how long the callback ran, nanoseconds
     * @param periodNanos   how long the period lasts, nanoseconds ({@code > 0})
     */
    void record(long durationNanos, long periodNanos) {
        long bucket = Math.max(0, durationNanos) * BUCKETS_PER_PERIOD / periodNanos;
        int index = (int) Math.min(bucket, BUCKETS_PER_PERIOD);
        counts.lazySet(index, counts.get(index) + 1);
    }

    /**
     * Any thread. The duration, as a share of the period (0.5 = half a period), below which the fraction
     * {@code quantile} of recorded callbacks fall; the upper edge of that bucket, so it never under-reports.
     * 1.0 means "a whole period or more". NaN before the first callback.
     *
     * @param quantile in {@code (0, 1]}, e.g. 0.99 for p99
     */
    double percentile(double quantile) {
        if (!(quantile > 0 && quantile <= 1)) {
            throw new IllegalArgumentException("quantile : " + quantile + " (expected: in (0, 1])");
        }
        long[] snapshot = new long[counts.length()];
        long total = 0;
        for (int i = 0; i < snapshot.length; i++) {
            snapshot[i] = counts.get(i);
            total += snapshot[i];
        }
        if (total == 0) {
            return Double.NaN;
        }
        long rank = (long) Math.ceil(quantile * total);
        long seen = 0;
        for (int i = 0; i < snapshot.length; i++) {
            seen += snapshot[i];
            if (seen >= rank) {
                return Math.min(i + 1, BUCKETS_PER_PERIOD) / (double) BUCKETS_PER_PERIOD;
            }
        }
        return 1.0;
    }
}
