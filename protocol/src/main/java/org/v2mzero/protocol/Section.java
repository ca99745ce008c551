package org.v2mzero.protocol;

/**
 * A stretch of the source that reads as one part (a shot, a passage of music): where the composer
 * might start a new musical idea. Sections of one analysis are ascending and do not overlap.
 *
 * @param start seconds from the start of the source, >= 0
 * @param end   seconds from the start of the source, > start
 */
public record Section(double start, double end) {
    public Section {
        if (!Double.isFinite(start) || start < 0) {
            throw new IllegalArgumentException("start : " + start + " (expected: finite, >= 0)");
        }
        if (!Double.isFinite(end) || !(end > start)) {
            throw new IllegalArgumentException("end : " + end + " (expected: finite, > start " + start + ")");
        }
    }

    /** Length in seconds. */
    public double length() {
        return end - start;
    }
}
