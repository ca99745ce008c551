package org.v2mzero.models.compose;

import java.util.List;
import java.util.Optional;

/**
 * A described way of scoring: the paragraph a prompt is matched against, and the defaults the composer
 * uses unless the prompt says otherwise.
 *
 * @param name           e.g. {@code orchestral}
 * @param description    one paragraph on the style's sound and use, embedded for prompt matching
 * @param keywords       prompt words that select this style when no text encoder is available (lower case)
 * @param minBpm         slowest tempo the hit-point search may choose, beats per minute
 * @param maxBpm         fastest tempo, beats per minute
 * @param beatsPerBar    the metre's beats per bar (3 or 4, quarter-note beats)
 * @param key            default tonic and mode (the prompt's "in D minor" overrides it)
 * @param progressions   chord roots as 0-based scale degrees, one chord per bar; the seed picks one
 * @param harmonyProgram GM program of the sustained chords
 * @param bassProgram    GM program of the bass
 * @param melodyProgram  GM program of the motif
 * @param fxProgram      GM program of the accents on hits
 * @param fxOctave       MIDI octave of accent notes (C of that octave is 12 * (octave + 1))
 * @param drums          the bar pattern at full intensity, or {@code null} for a style without a kit
 * @param swing          the feel its grooving stems play in ({@link Swing#STRAIGHT} for most); "straight",
 *                       "swing" and "shuffle" in a prompt override it
 */
public record Style(String name, String description, List<String> keywords, double minBpm, double maxBpm,
        int beatsPerBar, Key key, List<List<Integer>> progressions, int harmonyProgram, int bassProgram,
        int melodyProgram, int fxProgram, int fxOctave, DrumPattern drums, Swing swing) {
    public Style {
        if (swing == null) {
            throw new IllegalArgumentException("swing of " + name + " : null (expected: a Swing, STRAIGHT for none)");
        }
        keywords = List.copyOf(keywords);
        progressions = progressions.stream().map(List::copyOf).toList();
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("description of " + name + " : blank (expected: a paragraph)");
        }
        if (!(minBpm > 0) || !(maxBpm >= minBpm)) {
            throw new IllegalArgumentException("bpm range : " + minBpm + ".." + maxBpm + " (expected: 0 < min <= max)");
        }
        if (beatsPerBar < 2 || beatsPerBar > 7) {
            throw new IllegalArgumentException("beatsPerBar : " + beatsPerBar + " (expected: 2..7)");
        }
        if (drums != null && drums.beats() != beatsPerBar) {
            throw new IllegalArgumentException("drums of " + name + " : " + drums.beats() + " beats (expected: "
                    + beatsPerBar + ", the metre)");
        }
        if (progressions.isEmpty()) {
            throw new IllegalArgumentException("progressions : empty (expected: at least one)");
        }
    }

    /** A style played straight. */
    public Style(String name, String description, List<String> keywords, double minBpm, double maxBpm,
            int beatsPerBar, Key key, List<List<Integer>> progressions, int harmonyProgram, int bassProgram,
            int melodyProgram, int fxProgram, int fxOctave, DrumPattern drums) {
        this(name, description, keywords, minBpm, maxBpm, beatsPerBar, key, progressions, harmonyProgram,
                bassProgram, melodyProgram, fxProgram, fxOctave, drums, Swing.STRAIGHT);
    }

    /** The kit pattern, empty for styles played without drums (solo piano, ambient). */
    public Optional<DrumPattern> drumPattern() {
        return Optional.ofNullable(drums);
    }
}
