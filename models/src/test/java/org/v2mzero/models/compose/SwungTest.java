package org.v2mzero.models.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.v2mzero.protocol.TempoMap;

class SwungTest {
    /** 120 bpm for two bars, then 90 bpm: beat 8 at 4 s. */
    private static final TempoMap TWO_TEMPOS = new TempoMap(4,
            List.of(new TempoMap.Change(0, 0, 120), new TempoMap.Change(8, 4, 90)));

    @Test
    void offBeatEighthsLandOnTwoThirdsOfTheBeatInEveryTempoAndBeatsStay() {
        List<Note> eighths = new java.util.ArrayList<>();
        for (int i = 0; i < 32; i++) {
            double at = TWO_TEMPOS.secondsAt(i * 0.5);
            eighths.add(new Note(at, (TWO_TEMPOS.secondsAt(i * 0.5 + 0.5) - at) * 0.9, 51, 90));
        }
        StemPart swung = Swung.apply(new StemPart("drums", 0, true, eighths), Swing.TRIPLET_EIGHTHS, TWO_TEMPOS,
                List.of());
        for (int i = 0; i < 32; i++) {
            Note n = swung.notes().get(i);
            double beat = TWO_TEMPOS.beatAt(n.startSeconds());
            double expected = Math.floor(i / 2.0) + (i % 2 == 0 ? 0 : 2 / 3.0);
            assertEquals(expected, beat, 1e-9, "note " + i);
            // The long note of the pair is released before the off-beat, the short one before the next beat.
            double end = TWO_TEMPOS.beatAt(n.startSeconds() + n.durationSeconds());
            assertTrue(end < Math.floor(i / 2.0) + (i % 2 == 0 ? 2 / 3.0 : 1), "note " + i + " ends at beat " + end);
        }
        assertEquals(4 + 60 / 90.0 * 2 / 3, swung.notes().get(17).startSeconds(), 1e-9, "in the 90 bpm section");
    }

    @Test
    void aNoteOnAHitKeepsItsTimeAndNoNoteIsSwungOntoOrPastOne() {
        TempoMap map = TempoMap.constant(120, 4);
        double onHit = map.secondsAt(2.5);
        double pastHit = map.secondsAt(4.5);
        double hit = map.secondsAt(4.6);
        List<Note> notes = List.of(new Note(onHit, 0.2, 38, 100), new Note(pastHit, 0.02, 42, 80),
                new Note(map.secondsAt(6.5), 0.2, 42, 80));
        StemPart swung = Swung.apply(new StemPart("drums", 0, true, notes), Swing.TRIPLET_EIGHTHS, map,
                List.of(onHit, hit));
        assertEquals(notes.get(0), swung.notes().get(0));
        assertEquals(notes.get(1), swung.notes().get(1), "4.5 would swing to 4.67, past the hit at 4.6");
        assertEquals(6 + 2 / 3.0, map.beatAt(swung.notes().get(2).startSeconds()), 1e-9);
    }

    @Test
    void theIntroBarIsHeldNotSwung() {
        // An intro bar of 1.5 s, then 100 bpm.
        TempoMap intro = new TempoMap(4, List.of(new TempoMap.Change(0, 0, 160), new TempoMap.Change(4, 1.5, 100)));
        Note inIntro = new Note(intro.secondsAt(2.5), 0.1, 60, 80);
        Note after = new Note(intro.secondsAt(4.5), 0.1, 60, 80);
        StemPart swung = Swung.apply(new StemPart("melody", 66, false, List.of(inIntro, after)),
                Swing.TRIPLET_EIGHTHS, intro, List.of());
        assertEquals(inIntro, swung.notes().get(0));
        assertEquals(4 + 2 / 3.0, intro.beatAt(swung.notes().get(1).startSeconds()), 1e-9);
    }

    @Test
    void straightLeavesTheStemAsItIs() {
        StemPart stem = new StemPart("bass", 32, false, List.of(new Note(0.25, 0.2, 40, 90)));
        assertSame(stem, Swung.apply(stem, Swing.STRAIGHT, TempoMap.constant(120, 4), List.of()));
    }
}
