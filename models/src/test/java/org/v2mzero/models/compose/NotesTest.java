package org.v2mzero.models.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NotesTest {
    @Test
    void clipsToTheCueAndDropsNotesAfterIt() {
        List<Note> clipped = Notes.clip(List.of(new Note(9.5, 2, 60, 90), new Note(10, 1, 62, 90),
                new Note(-0.5, 1, 64, 200)), 10);
        assertEquals(List.of(new Note(0, 0.5, 64, 127), new Note(9.5, 0.5, 60, 90)), clipped);
    }

    @Test
    void aHeldKeyIsReleasedBeforeItIsStruckAgain() {
        List<Note> clipped = Notes.clip(List.of(new Note(1.0, 1.0, 49, 110), new Note(1.4, 1.0, 49, 100),
                new Note(1.2, 1.0, 38, 90)), 10);
        assertEquals(3, clipped.size());
        assertEquals(0.399, clipped.get(0).durationSeconds(), 1e-9);
        assertEquals(new Note(1.2, 1.0, 38, 90), clipped.get(1));
        assertEquals(new Note(1.4, 1.0, 49, 100), clipped.get(2));
    }

    @Test
    void simultaneousStrikesOfOneKeyBecomeOne() {
        List<Note> clipped = Notes.clip(List.of(new Note(2, 0.5, 42, 80), new Note(2, 0.5, 42, 70)), 10);
        assertEquals(1, clipped.size());
    }
}
