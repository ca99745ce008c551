package org.v2mzero.protocol;

import java.nio.file.Path;
import java.util.List;

/**
 * What v2m needs to know of a DAW project: its clock and its video.
 *
 * @param file        the project file
 * @param daw         {@code reaper} or {@code ardour}
 * @param sampleRate  the project's sample rate in Hz
 * @param bpm         the project's (first) tempo in quarter notes per minute
 * @param beatsPerBar the project's (first) metre numerator
 * @param videos      the video items, in timeline order; empty when the project has none
 */
public record DawProject(Path file, String daw, int sampleRate, double bpm, int beatsPerBar,
        List<VideoPlacement> videos) {
    public DawProject {
        videos = List.copyOf(videos);
    }
}
