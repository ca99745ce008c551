package org.v2mzero.bridge.jack;

import java.util.Arrays;

/**
 * The DAW stand-in's true position, sampled by the test thread as ({@link System#nanoTime()}, frame)
 * pairs while the recorder runs, so a recorded cycle can be compared with where the DAW really was at
 * that cycle's start. The truth is piecewise linear (rolling at the rate, standing, or jumping at a
 * locate); {@link #at} answers only between two samples that lie on one straight piece.
 */
final class TruthLog {
    private static final long MAX_GAP_NANOS = 10_000_000;
    private final long[] nanos;
    private final long[] frames;
    private final int rate;
    private int count;

    TruthLog(int capacity, int rate) {
        this.nanos = new long[capacity];
        this.frames = new long[capacity];
        this.rate = rate;
    }

    /** Test thread: one sample; ignored once full. */
    void add(long atNanos, long frame) {
        if (count < nanos.length) {
            nanos[count] = atNanos;
            frames[count] = frame;
            count++;
        }
    }

    /**
     * The true frame at {@code atNanos}, or -1 when it cannot be told exactly: outside the samples, or
     * within {@code guardNanos} of a locate, start or stop (the samples around it are more than 1 ms off
     * a straight line rolling at the rate), or next to a gap of over 10 ms in the sampling. The guard
     * keeps a cycle that began just before a locate but ran after its report arrived from counting as an
     * offset: its callback rightly played the new place.
     */
    long at(long atNanos, long guardNanos) {
        int before = index(atNanos - guardNanos) - 1;
        int after = index(atNanos + guardNanos);
        // A gap in the sampling means the test thread stood still (a GC pause stops every Java thread,
        // the player's callback and the OSC thread too): nothing around it can be timed exactly.
        if (before < 0 || after >= count || nanos[after] - nanos[before] > 2 * guardNanos + MAX_GAP_NANOS) {
            return -1;
        }
        long straight = frames[before] + Math.round((nanos[after] - nanos[before]) * (rate / 1e9));
        boolean standing = frames[before] == frames[after];
        if (!standing && Math.abs(straight - frames[after]) > rate / 1000) {
            return -1;
        }
        return standing ? frames[before] : frames[before] + Math.round((atNanos - nanos[before]) * (rate / 1e9));
    }

    /** Index of the first sample at or after {@code atNanos}. */
    private int index(long atNanos) {
        int found = Arrays.binarySearch(nanos, 0, count, atNanos);
        return found >= 0 ? found : -found - 1;
    }
}
