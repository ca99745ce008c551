package org.v2mzero.protocol;

import java.nio.file.Path;

/**
 * Where a DAW project puts a video on its timeline.
 *
 * @param video               the video file, resolved against the project's folder
 * @param timelineSeconds     where the item starts on the DAW timeline
 * @param sourceOffsetSeconds how far into the video the item starts (Reaper's {@code SOFFS}; 0 for Ardour)
 * @param lengthSeconds       the item's length on the timeline, or {@code null} when the DAW shows the
 *                            whole video (Ardour's video timeline)
 */
public record VideoPlacement(Path video, double timelineSeconds, double sourceOffsetSeconds, Double lengthSeconds) {
    public VideoPlacement {
        if (!(timelineSeconds >= 0) || !(sourceOffsetSeconds >= 0)) {
            throw new IllegalArgumentException("timelineSeconds : " + timelineSeconds + ", sourceOffsetSeconds : "
                    + sourceOffsetSeconds + " (expected: both >= 0)");
        }
        if (lengthSeconds != null && !(lengthSeconds > 0)) {
            throw new IllegalArgumentException("lengthSeconds : " + lengthSeconds + " (expected: > 0 or absent)");
        }
    }
}
