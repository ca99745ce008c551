package org.v2mzero.models.video;

import org.v2mzero.protocol.BadInputException;

/**
 * The video opened and decoded part way, then FFmpeg failed (a damaged or cut-short file). Distinct from
 * the {@link BadInputException} of a file that cannot be opened at all, so a caller may keep the frames
 * it already has (the event curve does, and says the analysis is partial).
 */
public final class MidStreamDecodeException extends BadInputException {
    private final int framesDecoded;
    private final double reachedSeconds;

    /**
     * @param framesDecoded  frames returned before the failure
     * @param reachedSeconds presentation time of the last frame returned, seconds; NaN when none was
     */
    public MidStreamDecodeException(String message, int framesDecoded, double reachedSeconds, Throwable cause) {
        super(message, cause);
        this.framesDecoded = framesDecoded;
        this.reachedSeconds = reachedSeconds;
    }

    /** Frames returned before the failure. */
    public int framesDecoded() {
        return framesDecoded;
    }

    /** Presentation time of the last frame returned, seconds; NaN when none was. */
    public double reachedSeconds() {
        return reachedSeconds;
    }
}
