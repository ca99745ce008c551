package org.v2mzero.models.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.v2mzero.protocol.TempoMap;

/** The splice rules, note by note, on a 4/4 map at 120 bpm (a bar is 2 s) and a 16 s cue. */
class ArrangementSpliceTest {
    private static final TempoMap MAP = TempoMap.constant(120, 4);
    private static final Key D_MINOR = new Key(2, true);

    private final Arrangement parent = arrangement("orchestral, D minor", D_MINOR,
            new StemPart("bass", 43, false, List.of(
                    note(0.0, 1.0, 38),     // before the range, ends before it: as it is
                    note(3.0, 2.0, 41),     // before, held into the range: ends at 4.0
                    note(4.0, 1.0, 45),     // at the range's start: inside, dropped
                    note(6.5, 3.0, 40),     // inside and held past the end: dropped
                    note(8.0, 1.0, 38),     // at the range's end: kept as it is
                    note(9.0, 0.5, 45))),   // after: kept
            new StemPart("harmony", 48, false, List.of(note(1.0, 9.0, 62), note(6.0, 1.0, 65))),
            new StemPart("fx", 47, false, List.of(note(2.0, 1.5, 26), note(5.0, 1.5, 26))));

    private final Arrangement fresh = arrangement("rock, D minor", D_MINOR,
            new StemPart("drums", 0, true, List.of(note(0.0, 0.1, 36), note(4.0, 0.1, 36), note(7.9, 0.1, 38),
                    note(8.0, 0.1, 36))),
            new StemPart("bass", 33, false, List.of(
                    note(2.0, 1.0, 50),     // before the range: not taken
                    note(4.0, 1.0, 50),     // at the start: taken
                    note(7.5, 2.0, 53),     // inside, held past the end: ends at 8.0
                    note(8.0, 1.0, 50))),   // at the end: not taken
            new StemPart("harmony", 29, false, List.of(note(4.0, 4.0, 57))),
            new StemPart("melody", 30, false, List.of(note(1.0, 1.0, 74), note(12.0, 1.0, 74))));

    @Test
    void parentNotesEndAtTheStartNewNotesFillTheRangeAndParentNotesResumeAtTheEnd() {
        Arrangement child = ArrangementSplice.splice(parent, fresh, 4.0, 8.0, null);

        assertEquals(List.of(note(0.0, 1.0, 38), note(3.0, 1.0, 41), note(4.0, 1.0, 50), note(7.5, 0.5, 53),
                note(8.0, 1.0, 38), note(9.0, 0.5, 45)), stem(child, "bass").notes());
        assertEquals(List.of(note(1.0, 3.0, 62), note(4.0, 4.0, 57)), stem(child, "harmony").notes());
    }

    @Test
    void chokesOutsideTheRangeStayAndTheNewOnesInsideItAreTaken() {
        Arrangement choked = arrangement("orchestral, D minor", D_MINOR, new StemPart("bass", 43, false,
                List.of(note(0.0, 1.0, 38)), List.of(new Choke(1.0, 1.5), new Choke(3.8, 4.2), new Choke(9.0, 9.5))));
        Arrangement next = arrangement("rock, D minor", D_MINOR, new StemPart("bass", 33, false,
                List.of(note(4.0, 1.0, 50)), List.of(new Choke(2.0, 2.5), new Choke(6.0, 6.4), new Choke(7.8, 8.2))));

        Arrangement child = ArrangementSplice.splice(choked, next, 4.0, 8.0, null);

        assertEquals(List.of(new Choke(1.0, 1.5), new Choke(6.0, 6.4), new Choke(9.0, 9.5)), stem(child, "bass").chokes(),
                "one across each edge of the range belongs to neither take's music there");
    }

    @Test
    void stemsKeepTheParentsInstrumentAndOrderAndNewStemsFollow() {
        Arrangement child = ArrangementSplice.splice(parent, fresh, 4.0, 8.0, null);

        assertEquals(List.of("bass", "harmony", "fx", "drums"), child.stemNames());
        assertEquals(43, stem(child, "bass").program(), "a stem plays one instrument for its whole length");
        assertEquals(48, stem(child, "harmony").program());
    }

    @Test
    void aStemOnlyTheParentHasLosesItsNotesInsideTheRange() {
        Arrangement child = ArrangementSplice.splice(parent, fresh, 4.0, 8.0, null);

        assertEquals(List.of(note(2.0, 1.5, 26)), stem(child, "fx").notes(), "5.0 starts inside; 2.0 ends at 3.5 anyway");
    }

    @Test
    void aStemOnlyTheNewArrangementHasKeepsOnlyItsNotesInsideTheRange() {
        Arrangement child = ArrangementSplice.splice(parent, fresh, 4.0, 8.0, null);

        assertEquals(List.of(note(4.0, 0.1, 36), note(7.9, 0.1, 38)), stem(child, "drums").notes());
        assertNull(child.stem("melody"), "no melody note starts inside the range: no melody stem");
    }

    @Test
    void onlyTheNamedStemsAreRegenerated() {
        Arrangement child = ArrangementSplice.splice(parent, fresh, 4.0, 8.0, List.of("harmony", "melody"));

        assertEquals(stem(parent, "bass"), stem(child, "bass"), "bass is not named: every parent note, as it was");
        assertEquals(stem(parent, "fx"), stem(child, "fx"));
        assertEquals(List.of(note(1.0, 3.0, 62), note(4.0, 4.0, 57)), stem(child, "harmony").notes());
        assertNull(child.stem("drums"), "a new stem that is not named is not added");
        assertNull(child.stem("melody"), "named, but silent inside the range");
        assertEquals(List.of("bass", "harmony", "fx"), child.stemNames());
    }

    @Test
    void aRangeToTheEndKeepsNothingAfterItAndARangeFromZeroNothingBefore() {
        Arrangement toEnd = ArrangementSplice.splice(parent, fresh, 8.0, 16.0, List.of("bass", "melody"));
        assertEquals(List.of(note(0.0, 1.0, 38), note(3.0, 2.0, 41), note(4.0, 1.0, 45), note(6.5, 1.5, 40),
                note(8.0, 1.0, 50)), stem(toEnd, "bass").notes());
        assertEquals(List.of(note(12.0, 1.0, 74)), stem(toEnd, "melody").notes());

        Arrangement fromZero = ArrangementSplice.splice(parent, fresh, 0.0, 2.0, List.of("bass"));
        assertEquals(List.of(note(3.0, 2.0, 41), note(4.0, 1.0, 45), note(6.5, 3.0, 40), note(8.0, 1.0, 38),
                note(9.0, 0.5, 45)), stem(fromZero, "bass").notes(), "the fresh bass has no note in [0, 2)");
    }

    @Test
    void keepsTheParentsTimingAndKeyAndTheFreshStyle() {
        Arrangement child = ArrangementSplice.splice(parent, fresh, 4.0, 8.0, null);

        assertEquals(MAP, child.tempoMap());
        assertEquals(16.0, child.durationSeconds());
        assertEquals(D_MINOR, child.key());
        assertEquals("rock, D minor", child.style());
    }

    @Test
    void refusesAnotherTempoMapARangeOutsideTheTakeAndAnUnknownStem() {
        Arrangement faster = new Arrangement("rock, D minor", TempoMap.constant(121, 4), 16, fresh.stems(), null, D_MINOR);
        assertThrows(IllegalArgumentException.class, () -> ArrangementSplice.splice(parent, faster, 4, 8, null));
        assertThrows(IllegalArgumentException.class, () -> ArrangementSplice.splice(parent, fresh, 8, 8, null));
        assertThrows(IllegalArgumentException.class, () -> ArrangementSplice.splice(parent, fresh, -1, 8, null));
        assertThrows(IllegalArgumentException.class, () -> ArrangementSplice.splice(parent, fresh, 4, 16.5, null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ArrangementSplice.splice(parent, fresh, 4, 8, List.of("choir")));
        assertEquals("stems : choir (expected: one of bass, harmony, fx, drums, melody)", e.getMessage());
    }

    private static Arrangement arrangement(String style, Key key, StemPart... stems) {
        return new Arrangement(style, MAP, 16, List.of(stems), null, key);
    }

    private static StemPart stem(Arrangement a, String name) {
        return a.stems().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static Note note(double start, double duration, int pitch) {
        return new Note(start, duration, pitch, 90);
    }
}
