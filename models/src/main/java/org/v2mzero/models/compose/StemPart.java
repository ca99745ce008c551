package org.v2mzero.models.compose;

import java.util.List;

/**
 * The notes of one stem and the General MIDI instrument that plays them.
 *
 * @param name       stem name, e.g. {@code drums}, {@code bass}, {@code harmony}
 * @param program    GM program 0..127; ignored for percussion
 * @param percussion played on the GM drum channel (10)
 * @param notes      in onset order
 */
public record StemPart(String name, int program, boolean percussion, List<Note> notes) {
    public StemPart {
        notes = List.copyOf(notes);
    }
}
