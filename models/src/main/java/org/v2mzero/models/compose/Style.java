package org.v2mzero.models.compose;

import java.util.List;

/**
 * A described way of scoring: what the prompt's words select, and the defaults the composer uses
 * unless the prompt says otherwise.
 *
 * @param name           e.g. {@code orchestral}
 * @param keywords       prompt words that select this style (lower case)
 * @param minBpm         slowest tempo the hit-point search may choose
 * @param maxBpm         fastest tempo
 * @param key            default key
 * @param progressions   chord roots as 0-based scale degrees, one chord per bar; the seed picks one
 * @param harmonyProgram GM program of the sustained chords
 * @param bassProgram    GM program of the bass
 * @param melodyProgram  GM program of the motif
 * @param fxProgram      GM program of the accents on hits
 * @param fxOctave       MIDI octave of accent notes (C of that octave is 12 * (octave + 1))
 * @param drums          the bar pattern at full intensity
 */
public record Style(String name, List<String> keywords, double minBpm, double maxBpm, Key key,
        List<List<Integer>> progressions, int harmonyProgram, int bassProgram, int melodyProgram,
        int fxProgram, int fxOctave, DrumPattern drums) {
    public Style {
        keywords = List.copyOf(keywords);
        progressions = progressions.stream().map(List::copyOf).toList();
        if (!(minBpm > 0) || !(maxBpm >= minBpm)) {
            throw new IllegalArgumentException("bpm range : " + minBpm + ".." + maxBpm + " (expected: 0 < min <= max)");
        }
        if (progressions.isEmpty()) {
            throw new IllegalArgumentException("progressions : empty (expected: at least one)");
        }
    }
}
