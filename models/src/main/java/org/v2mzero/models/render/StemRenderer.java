package org.v2mzero.models.render;

import org.v2mzero.models.compose.StemPart;
import org.v2mzero.protocol.BadInputException;

/**
 * Turns the notes of one stem into audio, offline (not in real time).
 * Implementations are deterministic: the same part and duration give identical samples.
 */
public interface StemRenderer {
    /** The sample rate of every rendered stem, frames per second. */
    int sampleRate();

    /**
     * Renders one stem. The result is exactly {@code round(durationSeconds * sampleRate())} frames long,
     * so stems of one cue line up sample for sample; sound ringing past the end is cut (the cue's
     * duration is the take's duration; implementations may fade the last few milliseconds to avoid a click).
     *
     * @param part            the notes, times in seconds from the start of the take
     * @param durationSeconds length of the audio to render, seconds (&gt; 0)
     * @return stereo samples {@code [channel][frame]}, channel 0 left, nominally within [-1, 1]
     * @throws BadInputException the synthesizer cannot be opened with this soundfont
     */
    float[][] render(StemPart part, double durationSeconds) throws BadInputException;
}
