package org.v2mzero.host.score;

import java.nio.file.Path;
import java.util.List;

/**
 * One regeneration: a time range of a take written again with a new prompt and seed, keeping the take's
 * tempo map and key, into a new take beside it (DESIGN.md §4, "time range"). The range is widened to bar
 * lines by the job; whether it lies inside the take is checked there too, against the take's length.
 *
 * @param parentTakeDir the take folder to regenerate from; it is only read
 * @param prompt        the composer's text for the range
 * @param seed          same parent, request and seed give the same files
 * @param stems         the stems to regenerate, e.g. {@code [drums]}; the others keep every note and sample of
 *                      the parent; {@code null} regenerates every stem
 * @param startSeconds  start of the range, seconds of take time (from the take's first sample)
 * @param endSeconds    end of the range (exclusive), or {@link Double#POSITIVE_INFINITY} for the take's end
 * @param library       folder the new take is written into
 * @param soundfont     an explicit SF2, or {@code null} for the parent's own soundfont
 */
public record RegenerateRequest(Path parentTakeDir, String prompt, long seed, List<String> stems,
        double startSeconds, double endSeconds, Path library, Path soundfont) {
    public RegenerateRequest {
        if (parentTakeDir == null || library == null) {
            throw new IllegalArgumentException("parentTakeDir, library : " + parentTakeDir + ", " + library
                    + " (expected: both)");
        }
        if (prompt == null || prompt.isBlank()) {
            throw new IllegalArgumentException("prompt : empty (expected: a few words of style)");
        }
        stems = ScoreRequest.checkedStems(stems);
    }
}
