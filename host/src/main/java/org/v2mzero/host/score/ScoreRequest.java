package org.v2mzero.host.score;

import java.nio.file.Path;

/**
 * One {@code v2m score} job.
 *
 * @param video                 the video to score
 * @param prompt                the composer's text
 * @param seed                  same inputs and seed give the same files
 * @param library               folder the take is written into (one sub-folder per take)
 * @param soundfont             an explicit SF2, or {@code null} to search the standard places
 * @param timelineOffsetSeconds where the video starts on the DAW timeline; 0 for a plain video
 */
public record ScoreRequest(
        Path video, String prompt, long seed, Path library, Path soundfont, double timelineOffsetSeconds) {
    public ScoreRequest {
        if (prompt == null || prompt.isBlank()) {
            throw new IllegalArgumentException("prompt : empty (expected: a few words of style)");
        }
        if (!(timelineOffsetSeconds >= 0)) {
            throw new IllegalArgumentException("timelineOffsetSeconds : " + timelineOffsetSeconds + " (expected: >= 0)");
        }
    }
}
