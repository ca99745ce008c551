package org.v2mzero.host.daemon;

import java.util.List;

/**
 * A request for a new take. Without a range it scores the whole window from scratch; with one (or
 * {@code fromPlayhead}) it regenerates that range of a parent take, keeping the parent's tempo map and
 * key, and the new take becomes current as soon as it is ready.
 *
 * @param prompt        {@code null} for the session's prompt
 * @param seed          {@code null} for a fresh seed
 * @param stems         stems to write, e.g. {@code ["drums","bass"]}; {@code null} for the default set
 * @param startSeconds  start of the range to regenerate (take time), or {@code null}
 * @param endSeconds    end of that range, or {@code null} for the take's end
 * @param fromPlayhead  regenerate from the first bar line the renderer can still reach ahead of the playhead
 * @param parentTakeId  the take to regenerate; {@code null} for the session's current take
 */
public record TakeRequest(String prompt, Long seed, List<String> stems, Double startSeconds, Double endSeconds,
        Boolean fromPlayhead, String parentTakeId) {

    /** Whether this asks to regenerate part of a take rather than score from scratch. */
    public boolean regenerates() {
        return startSeconds != null || endSeconds != null || Boolean.TRUE.equals(fromPlayhead)
                || parentTakeId != null;
    }
}
