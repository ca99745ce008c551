package org.v2mzero.models.video;

import java.nio.file.Path;

/**
 * What the container says about a video stream.
 *
 * @param file            the file
 * @param width           coded width in pixels (before rotation)
 * @param height          coded height in pixels (before rotation)
 * @param rotationDegrees display rotation, one of 0, 90, 180, 270 (clockwise)
 * @param nominalFps      the stream's nominal frame rate; frames of a variable-rate file do not follow it
 * @param durationSeconds the container's duration
 * @param videoEndSeconds where the video stream's declared length ends, seconds on the frames' clock;
 *                        NaN when the container declares no length for the stream (Matroska, WebM)
 * @param codec           codec name, e.g. {@code h264}
 * @param declaredFrames  how many frames the container's index lists for the stream (MP4); 0 when it lists
 *                        none (Matroska, WebM)
 */
public record VideoInfo(Path file, int width, int height, int rotationDegrees, double nominalFps,
        double durationSeconds, double videoEndSeconds, String codec, long declaredFrames) {}
