package org.v2mzero.models.curve;

import org.v2mzero.models.video.GreyFrame;

/**
 * The default hand-made video feature (DESIGN.md §3.1): the frame's mean-removed luma thumbnail,
 * plus one constant component that regularises the cosine.
 *
 * <p>Mean removal makes the feature blind to overall brightness, so a fade (the whole picture
 * scaled towards black) keeps its direction and barely moves the cosine. But as a picture nears
 * flat black its mean-removed part shrinks to noise whose direction is random; the constant
 * component, worth {@link #FLAT_CONTRAST} grey levels of contrast on every pixel, then dominates,
 * so two near-flat frames read as similar instead of spiking. Pictures with real contrast (standard
 * deviation well above {@link #FLAT_CONTRAST}) are hardly affected.
 *
 * <p>Pure function; any thread.
 */
public final class FrameFeatures {
    /** Contrast (standard deviation, in 0..255 grey levels) below which a frame counts as flat. */
    public static final double FLAT_CONTRAST = 8.0;

    private FrameFeatures() {}

    /**
     * The feature vector of a frame: {@code width * height} mean-removed luma values (grey levels
     * divided by 255), then the constant component {@code FLAT_CONTRAST / 255 * sqrt(pixels)}.
     */
    public static double[] of(GreyFrame frame) {
        float[] luma = frame.luma();
        int n = luma.length;
        if (n == 0) {
            throw new IllegalArgumentException("frame at " + frame.timeSeconds() + " s : no pixels");
        }
        double mean = 0;
        for (float v : luma) {
            mean += v;
        }
        mean /= n;
        double[] f = new double[n + 1];
        for (int i = 0; i < n; i++) {
            f[i] = (luma[i] - mean) / 255.0;
        }
        // Its squared norm equals that of a picture with FLAT_CONTRAST standard deviation.
        f[n] = FLAT_CONTRAST / 255.0 * Math.sqrt(n);
        return f;
    }
}
