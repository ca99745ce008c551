package org.v2mzero.host.score;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.v2mzero.protocol.VideoPlacement;

/**
 * One {@code v2m score} job.
 *
 * @param placement the video to score and where it sits on the DAW timeline: for a plain video file
 *                  the whole video at 0 s; for a DAW project the item's window of the video at its position
 * @param project   the DAW project the placement was read from, or {@code null} for a plain video
 * @param prompt    the composer's text
 * @param seed      same inputs and seed give the same files
 * @param library   folder the take is written into (one sub-folder per take)
 * @param soundfont an explicit SF2, or {@code null} to search the standard places
 * @param stems     the stems the take keeps, e.g. {@code [drums, bass]}, or {@code null} for every stem the
 *                  generator writes (names it does not write are refused by the job, which lists them)
 */
public record ScoreRequest(
        VideoPlacement placement, Path project, String prompt, long seed, Path library, Path soundfont,
        List<String> stems) {
    public ScoreRequest {
        if (placement == null) {
            throw new IllegalArgumentException("placement : null (expected: a video and its timeline position)");
        }
        if (prompt == null || prompt.isBlank()) {
            throw new IllegalArgumentException("prompt : empty (expected: a few words of style)");
        }
        stems = checkedStems(stems);
    }

    /** Every stem the generator writes. */
    public ScoreRequest(VideoPlacement placement, Path project, String prompt, long seed, Path library, Path soundfont) {
        this(placement, project, prompt, seed, library, soundfont, null);
    }

    /** A plain video file: the whole video, at the start of the timeline, every stem. */
    public static ScoreRequest ofVideo(Path video, String prompt, long seed, Path library, Path soundfont) {
        return new ScoreRequest(new VideoPlacement(video, 0, 0, null), null, prompt, seed, library, soundfont, null);
    }

    public Path video() {
        return placement.video();
    }

    /** {@code null}, or a copy with at least one name, none blank or repeated. */
    static List<String> checkedStems(List<String> stems) {
        if (stems == null) {
            return null;
        }
        if (stems.isEmpty() || stems.stream().anyMatch(s -> s == null || s.isBlank())
                || new HashSet<>(stems).size() != stems.size()) {
            throw new IllegalArgumentException("stems : " + stems + " (expected: distinct stem names, or none for all)");
        }
        return List.copyOf(stems);
    }
}
