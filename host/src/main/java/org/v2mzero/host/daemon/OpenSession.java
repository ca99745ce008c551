package org.v2mzero.host.daemon;

/**
 * A request to open a session.
 *
 * @param path                  a DAW project ({@code .rpp}, {@code .ardour}) or a video file
 * @param item                  which video item of a project, 1-based; {@code null} for the first
 * @param timelineOffsetSeconds for a plain video, where it sits on the DAW timeline; {@code null} for 0
 * @param prompt                the session's starting prompt; {@code null} for the daemon's default
 */
public record OpenSession(String path, Integer item, Double timelineOffsetSeconds, String prompt) {}
