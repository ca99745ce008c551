package org.v2mzero.host.daemon;

/**
 * An open session, as clients see it.
 *
 * @param id                    stable for the same path while the daemon runs, e.g. {@code s1}
 * @param path                  the project or video the session was opened with (absolute)
 * @param video                 the video scored (absolute)
 * @param timelineOffsetSeconds where the video window starts on the DAW timeline
 * @param sourceOffsetSeconds   where in the video the window starts
 * @param durationSeconds       length of the window
 * @param prompt                the prompt new takes use when their request names none
 * @param currentTakeId         the take the player plays, or {@code null}
 */
public record SessionInfo(String id, String path, String video, double timelineOffsetSeconds,
        double sourceOffsetSeconds, double durationSeconds, String prompt, String currentTakeId) {}
