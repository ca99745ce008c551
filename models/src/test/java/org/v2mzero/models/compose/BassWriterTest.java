package org.v2mzero.models.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class BassWriterTest {
    /** A middling bar (two half notes) and a busy one (four quarters), 120 bpm: notes 1 s, then 0.5 s apart. */
    private static final CuePlan PLAN = HarmonyWriterTest.plan(new double[] {0.5, 0.9});

    @Test
    void withSticksOrNoKitTheBassIsDetachedAtFullLevel() {
        List<Note> notes = BassWriter.write(PLAN, 33).notes();
        assertEquals(6, notes.size(), notes.toString());
        assertEquals(0.92, notes.get(0).durationSeconds(), 1e-9, "a half note, detached: " + notes);
        assertEquals(90, notes.get(0).velocity(), notes.toString());
        assertEquals(106, notes.get(2).velocity(), notes.toString());
    }

    @Test
    void underBrushesTheBassPlaysAtTheKitsLevelAndLegato() {
        List<Note> notes = BassWriter.write(PLAN, 32, DrumPattern.BRUSHES).notes();
        assertEquals(6, notes.size(), notes.toString());
        assertEquals(Math.round(90 * DrumPattern.BRUSHES), notes.get(0).velocity(), notes.toString());
        assertEquals(Math.round(106 * DrumPattern.BRUSHES), notes.get(2).velocity(), notes.toString());
        for (int i = 0; i + 1 < notes.size(); i++) {
            Note n = notes.get(i);
            double next = notes.get(i + 1).startSeconds();
            // Held into the next note; a repeated key is released just before it is struck again (Notes.clip).
            assertEquals(next, n.startSeconds() + n.durationSeconds(), Notes.REPEAT_GAP + 1e-9, "legato: " + notes);
        }
    }
}
