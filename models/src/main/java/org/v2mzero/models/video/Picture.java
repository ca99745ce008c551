package org.v2mzero.models.video;

/**
 * One decoded picture at an exact size, upright (display rotation applied), one plane per channel:
 * what an image encoder takes in, where {@link GreyFrame} is what the hand-made features take.
 *
 * @param timeSeconds presentation time of the frame, seconds from the start of the stream
 * @param width       pixels per row
 * @param height      rows
 * @param planes      one array of {@code width * height} values in 0..255 per channel, row-major, top
 *                    row first: {@code [luma]} for grey, {@code [red, green, blue]} for colour
 */
public record Picture(double timeSeconds, int width, int height, float[][] planes) {
    public Picture {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("width x height : " + width + " x " + height + " (expected: >= 1 x 1)");
        }
        if (planes.length == 0) {
            throw new IllegalArgumentException("planes : none (expected: 1 or more)");
        }
        for (float[] plane : planes) {
            if (plane.length != width * height) {
                throw new IllegalArgumentException(
                        "plane length : " + plane.length + " (expected: width * height " + width * height + ")");
            }
        }
    }

    /** Number of channels: 1 for grey, 3 for RGB. */
    public int channels() {
        return planes.length;
    }
}
