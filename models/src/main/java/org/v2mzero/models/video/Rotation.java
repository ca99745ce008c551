package org.v2mzero.models.video;

/**
 * Turns a grey picture upright according to its display rotation. Pure functions on row-major
 * arrays; any thread.
 */
final class Rotation {
    private Rotation() {}

    /**
     * The clockwise display rotation a stream asks for, from FFmpeg's display-matrix angle.
     *
     * @param counterClockwiseDegrees {@code av_display_rotation_get} of the stream's display matrix
     *                                (counter-clockwise, any real value; 0 when there is none)
     * @return 0, 90, 180 or 270: how far the coded picture must turn clockwise to be upright
     */
    static int clockwiseDegrees(double counterClockwiseDegrees) {
        if (!Double.isFinite(counterClockwiseDegrees)) {
            return 0;
        }
        // Players snap to quarter turns; so do we (a 1-degree matrix is rounding noise, not intent).
        long quarters = Math.round(-counterClockwiseDegrees / 90.0);
        return (int) Math.floorMod(quarters * 90, 360L);
    }

    /** Whether a rotation swaps width and height. */
    static boolean swapsAxes(int clockwiseDegrees) {
        return clockwiseDegrees == 90 || clockwiseDegrees == 270;
    }

    /**
     * Rotates {@code src} ({@code width x height}, row-major) clockwise by 0, 90, 180 or 270 degrees.
     * The result is {@code height x width} for 90 and 270. Returns {@code src} itself for 0.
     */
    static float[] rotate(float[] src, int width, int height, int clockwiseDegrees) {
        if (src.length != width * height) {
            throw new IllegalArgumentException(
                    "src.length : " + src.length + " (expected: width * height " + width * height + ")");
        }
        float[] dst = new float[src.length];
        switch (clockwiseDegrees) {
            case 0:
                return src;
            case 180:
                for (int i = 0; i < src.length; i++) {
                    dst[src.length - 1 - i] = src[i];
                }
                return dst;
            case 90:
                // Output is height wide: source row y becomes output column (height - 1 - y).
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        dst[x * height + (height - 1 - y)] = src[y * width + x];
                    }
                }
                return dst;
            case 270:
                // Source row y becomes output column y, read bottom-up.
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        dst[(width - 1 - x) * height + y] = src[y * width + x];
                    }
                }
                return dst;
            default:
                throw new IllegalArgumentException(
                        "clockwiseDegrees : " + clockwiseDegrees + " (expected: 0, 90, 180 or 270)");
        }
    }
}
