package org.v2mzero.models.compose;

import java.util.List;

/**
 * The notes of one stem and the General MIDI instrument that plays them.
 *
 * @param name       stem name, e.g. {@code drums}, {@code bass}, {@code harmony}
 * @param program    GM program 0..127; ignored for percussion
 * @param percussion played on the GM drum channel (10)
 * @param notes      in onset order
 * @param chokes     where the stem is damped to silence ({@link Choke}), in time order; none for most parts
 */
public record StemPart(String name, int program, boolean percussion, List<Note> notes, List<Choke> chokes) {
    public StemPart {
        notes = List.copyOf(notes);
        chokes = List.copyOf(chokes);
    }

    /** A part without chokes. */
    public StemPart(String name, int program, boolean percussion, List<Note> notes) {
        this(name, program, percussion, notes, List.of());
    }

    /** The same part with other notes (its chokes kept). */
    public StemPart withNotes(List<Note> notes) {
        return new StemPart(name, program, percussion, notes, chokes);
    }
}
