package org.v2mzero.protocol;

/**
 * A moment the music should mark: a peak of the event curve.
 *
 * @param time     seconds from the start of the source
 * @param strength the curve's z-score at the peak (how far above the clip's typical change)
 */
public record Hit(double time, double strength) {
    public Hit {
        if (!Double.isFinite(time) || time < 0) {
            throw new IllegalArgumentException("time : " + time + " (expected: finite, >= 0)");
        }
        if (!Double.isFinite(strength)) {
            throw new IllegalArgumentException("strength : " + strength + " (expected: finite)");
        }
    }
}
