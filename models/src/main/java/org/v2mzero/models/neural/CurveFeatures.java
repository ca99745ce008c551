package org.v2mzero.models.neural;

import org.v2mzero.protocol.EventCurve;

/**
 * The curve features a token carries (training/MODEL.md, "Conditioning"): the event curve at the token's
 * time and around it, so the model sees a change coming a second ahead and one just past. The same
 * sampling for the music curve in training and the video curve when generating. Immutable; any thread.
 */
public final class CurveFeatures {
    /** Seconds from the token's time at which the curve is sampled. */
    private static final double[] OFFSETS = {-0.5, -0.25, 0, 0.25, 0.5, 1.0};
    /** Features per token. */
    public static final int SIZE = OFFSETS.length;

    private final EventCurve curve;
    private final double start;
    private final double end;

    private CurveFeatures(EventCurve curve) {
        this.curve = curve;
        this.start = curve.size() == 0 ? 0 : curve.time(0);
        this.end = curve.size() == 0 ? 0 : curve.time(curve.size() - 1);
    }

    public static CurveFeatures of(EventCurve curve) {
        return new CurveFeatures(curve);
    }

    /** The offsets, seconds; a copy. */
    public static double[] offsets() {
        return OFFSETS.clone();
    }

    /** Writes the {@link #SIZE} features at {@code seconds} into {@code into[offset..]}; allocation-free. */
    public void sample(double seconds, float[] into, int offset) {
        for (int i = 0; i < SIZE; i++) {
            double t = seconds + OFFSETS[i];
            // Outside the curve there is no change to tell: 0 is the z-scored curve's mean.
            into[offset + i] = t < start || t > end || curve.size() == 0 ? 0f : (float) curve.valueAt(t);
        }
    }
}
