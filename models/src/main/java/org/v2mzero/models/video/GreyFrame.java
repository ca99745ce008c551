package org.v2mzero.models.video;

/**
 * One decoded picture, grey and downscaled, upright (display rotation applied).
 *
 * @param timeSeconds presentation time of the frame, seconds from the start of the stream
 * @param width       pixels per row
 * @param height      rows
 * @param luma        {@code width * height} luma values in 0..255, row-major, top row first
 */
public record GreyFrame(double timeSeconds, int width, int height, float[] luma) {}
