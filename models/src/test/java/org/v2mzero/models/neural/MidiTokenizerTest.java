package org.v2mzero.models.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.models.compose.Note;
import org.v2mzero.models.compose.StemPart;
import org.v2mzero.models.render.MidiFiles;
import org.v2mzero.models.render.MidiReader;
import org.v2mzero.protocol.TempoMap;

class MidiTokenizerTest {
    @TempDir
    Path dir;

    /** MIDI → tokens → MIDI on the grid: the same notes, tempo events and metre, tick for tick. */
    @Test
    void midiFileRoundTripIsExactOnTheGrid() throws Exception {
        for (int seed = 0; seed < 25; seed++) {
            Random r = new Random(seed);
            int bars = 2 + r.nextInt(6);
            TempoMap map = TokenFixtures.tempoMap(r, 2 + r.nextInt(6), bars, true);
            Path original = dir.resolve("original" + seed + ".mid");
            MidiFiles.writeType1(original, map, TokenFixtures.parts(r, map, bars, true));

            int[] tokens = MidiTokenizer.encode(MidiReader.parts(original, map), map);
            TokenGrammar.check(tokens);
            TokenPiece decoded = MidiTokenizer.decode(tokens);
            Path back = dir.resolve("back" + seed + ".mid");
            MidiFiles.writeType1(back, decoded.tempoMap(), decoded.parts());

            assertEquals(events(original), events(back), "seed " + seed);
            assertEquals(map, decoded.tempoMap(), "seed " + seed);
        }
    }

    /** Off the grid, exactly what TOKENS.md says is lost: onsets to the unit, lengths to DUR, velocities to VEL. */
    @Test
    void offTheGridNotesMoveOnlyByTheQuantisation() {
        for (int seed = 0; seed < 25; seed++) {
            Random r = new Random(seed);
            TempoMap map = TokenFixtures.tempoMap(r, 3 + r.nextInt(3), 4, false);
            List<StemPart> parts = TokenFixtures.parts(r, map, 4, false);
            TokenPiece decoded = MidiTokenizer.decode(MidiTokenizer.encode(parts, map));

            assertEquals(parts.size(), decoded.parts().size());
            for (int p = 0; p < parts.size(); p++) {
                List<Note> in = byOnsetAndKey(parts.get(p).notes());
                List<Note> out = byOnsetAndKey(decoded.parts().get(p).notes());
                assertEquals(parts.get(p).program(), decoded.parts().get(p).program());
                assertEquals(in.size(), out.size(), "seed " + seed + " part " + p);
                for (int i = 0; i < in.size(); i++) {
                    assertQuantised(in.get(i), map, out.get(i), decoded.tempoMap(), "seed " + seed + " part " + p + " note " + i);
                }
            }
        }
    }

    @Test
    void partsOfOneProgramMergeAndEqualNotesBecomeOne() {
        TempoMap map = TempoMap.constant(120, 4);
        StemPart a = new StemPart("a", 33, false, List.of(new Note(0, 0.25, 40, 100), new Note(0.5, 0.25, 43, 90)));
        StemPart b = new StemPart("b", 33, false, List.of(new Note(0, 0.5, 40, 60)));
        StemPart c = new StemPart("c", 34, false, List.of(new Note(0, 0.5, 45, 60)));
        StemPart kit = new StemPart("kit", 5, true, List.of(new Note(0, 0.125, 36, 127)));

        TokenPiece decoded = MidiTokenizer.decode(MidiTokenizer.encode(List.of(a, b, c, kit), map));

        assertEquals(List.of("drums", "bass", "bass-2"), decoded.parts().stream().map(StemPart::name).toList());
        // The longer of the two equal notes wins; its velocity is the one of the longer note's bin.
        assertEquals(List.of(new Note(0, 0.5, 40, 59), new Note(0.5, 0.25, 43, 91)), decoded.parts().get(1).notes());
        assertEquals(new Note(0, 0.125, 36, 127), decoded.parts().get(0).notes().get(0));
    }

    @Test
    void metresChangeAtBarsAndSurviveTheRoundTrip() {
        TempoMap map = TempoMap.constant(90, 3);
        List<Metre> metres = List.of(new Metre(0, 6, 8), new Metre(2, 7, 8), new Metre(3, 4, 4));
        // 6/8 bars are 3 quarters, 7/8 is 3.5: bar 1 starts at beat 3, bar 3 at beat 9.5.
        double beat = 60 / 90.0;
        List<Note> notes = List.of(new Note(0, beat, 60, 80), new Note(map.secondsAt(3), beat, 62, 80),
                new Note(map.secondsAt(9.5), beat, 64, 80));
        TokenPiece piece = new TokenPiece(metres, map, List.of(new StemPart("p", 0, false, notes)));

        int[] tokens = MidiTokenizer.encode(piece);
        TokenPiece decoded = MidiTokenizer.decode(tokens);

        assertEquals("BOS TIMESIG_6/8 TEMPO_90 BAR POS_0 PROGRAM_0 PITCH_60 DUR_12 VEL_79 BAR POS_0 PROGRAM_0 PITCH_62"
                + " DUR_12 VEL_79 BAR TIMESIG_7/8 BAR TIMESIG_4/4 POS_0 PROGRAM_0 PITCH_64 DUR_12 VEL_79 EOS", names(tokens));
        assertEquals(metres, decoded.metres());
        assertEquals(3, decoded.tempoMap().beatsPerBar());
        assertArrayEquals(tokens, MidiTokenizer.encode(decoded));
    }

    @Test
    void tempoChangesThatChangeNothingOrComeAfterTheLastOnsetAreDropped() {
        // 120.2 bpm rounds to the 120 in force; 100 bpm at beat 8 comes after the last onset (beat 4).
        double two = 0.5 + 60 / 120.2;
        TempoMap map = new TempoMap(4, List.of(new TempoMap.Change(0, 0, 120), new TempoMap.Change(1, 0.5, 120.2),
                new TempoMap.Change(2, two, 60), new TempoMap.Change(8, two + 6, 100)));
        List<StemPart> parts = List.of(new StemPart("p", 0, false,
                List.of(new Note(two, 1, 60, 80), new Note(two + 2, 1, 62, 80))));

        assertEquals("BOS TIMESIG_4/4 TEMPO_120 BAR POS_24 TEMPO_60 PROGRAM_0 PITCH_60 DUR_12 VEL_79"
                + " BAR POS_0 PROGRAM_0 PITCH_62 DUR_12 VEL_79 EOS", names(MidiTokenizer.encode(parts, map)));
    }

    @Test
    void anEmptyPieceIsItsHeader() {
        int[] tokens = MidiTokenizer.encode(List.of(), TempoMap.constant(133.4, 5));
        assertEquals("BOS TIMESIG_5/4 TEMPO_133 EOS", names(tokens));
        assertEquals(List.of(), MidiTokenizer.decode(tokens).parts());
    }

    @Test
    void aForcedTempoMapPlacesTheBeats() {
        int[] tokens = MidiTokenizer.encode(List.of(new StemPart("p", 0, false, List.of(new Note(1.0, 0.5, 60, 80)))),
                TempoMap.constant(120, 4));
        TokenPiece decoded = MidiTokenizer.decode(tokens, TempoMap.constant(60, 4));
        assertEquals(List.of(new Note(2.0, 1.0, 60, 79)), decoded.parts().get(0).notes());
    }

    @Test
    void aCutPrefixDecodesTheNotesItCompletes() {
        int[] tokens = MidiTokenizer.encode(List.of(new StemPart("p", 0, false,
                List.of(new Note(0, 0.5, 60, 80), new Note(0, 0.5, 64, 80)))), TempoMap.constant(120, 4));
        int cut = tokens.length - 3; // ... PITCH_64 | DUR_12 VEL_79 EOS
        assertEquals(1, MidiTokenizer.decode(Arrays.copyOf(tokens, cut)).parts().get(0).notes().size());
        assertEquals(0, MidiTokenizer.decode(new int[0]).parts().size());
    }

    @Test
    void badInputIsRefusedNamingIt() {
        TempoMap map = TempoMap.constant(120, 4);
        var early = assertThrows(IllegalArgumentException.class, () -> MidiTokenizer.encode(
                List.of(new StemPart("p", 0, false, List.of(new Note(0, 1, 60, 80), new Note(-0.1, 1, 60, 80)))), map));
        assertTrue(early.getMessage().startsWith("parts[0].notes[1] : Note[startSeconds=-0.1"), early.getMessage());
        var key = assertThrows(IllegalArgumentException.class, () -> MidiTokenizer.encode(
                List.of(new StemPart("p", 0, false, List.of(new Note(0, 1, 128, 80)))), map));
        assertTrue(key.getMessage().contains("expected: start >= 0 s, pitch 0..127"), key.getMessage());
        var program = assertThrows(IllegalArgumentException.class, () -> MidiTokenizer.encode(
                List.of(new StemPart("p", 128, false, List.of())), map));
        assertEquals("parts[0].program : 128 (expected: 0..127)", program.getMessage());
        var metre = assertThrows(IllegalArgumentException.class, () -> MidiTokenizer.encode(List.of(), TempoMap.constant(120, 17)));
        assertEquals("metre : 17/4 (expected: n/2 with n <= 8, or n/4, n/8, n/16 with n <= 16)", metre.getMessage());
    }

    private static void assertQuantised(Note in, TempoMap map, Note out, TempoMap outMap, String where) {
        double beat = map.beatAt(in.startSeconds());
        double outBeat = outMap.beatAt(out.startSeconds());
        assertEquals(Math.floor(beat * 12 + 0.5) / 12, outBeat, 1e-9, where);
        assertTrue(Math.abs(outBeat - beat) <= 1 / 24.0 + 1e-9, where);
        double units = (map.beatAt(in.startSeconds() + in.durationSeconds()) - beat) * 12;
        int expectedUnits = Vocabulary.durationUnits(Vocabulary.duration((int) Math.floor(units + 0.5)));
        assertEquals(expectedUnits / 12.0, outMap.beatAt(out.startSeconds() + out.durationSeconds()) - outBeat, 1e-9, where);
        assertEquals(in.pitch(), out.pitch(), where);
        assertEquals((in.velocity() - 1) / 4, (out.velocity() - 1) / 4, where);
    }

    private static List<Note> byOnsetAndKey(List<Note> notes) {
        return notes.stream().sorted(java.util.Comparator.comparingDouble(Note::startSeconds).thenComparingInt(Note::pitch)).toList();
    }

    static String names(int[] tokens) {
        return String.join(" ", Arrays.stream(tokens).mapToObj(Vocabulary::name).toList());
    }

    /** Every note (on, off, channel's program or drums, key, velocity), tempo and metre event of a file, sorted. */
    static List<String> events(Path file) throws Exception {
        Sequence seq = MidiSystem.getSequence(file.toFile());
        List<String> events = new ArrayList<>();
        for (Track track : seq.getTracks()) {
            String program = "drums";
            List<long[]> open = new ArrayList<>();
            for (int i = 0; i < track.size(); i++) {
                MidiEvent e = track.get(i);
                if (e.getMessage() instanceof ShortMessage s) {
                    if (s.getCommand() == ShortMessage.PROGRAM_CHANGE) {
                        program = "program " + s.getData1();
                    } else if (s.getCommand() == ShortMessage.NOTE_ON && s.getData2() > 0) {
                        open.add(new long[] {e.getTick(), s.getData1(), s.getData2()});
                    } else if (s.getCommand() == ShortMessage.NOTE_OFF || s.getCommand() == ShortMessage.NOTE_ON) {
                        long[] on = open.stream().filter(o -> o[1] == s.getData1()).findFirst().orElseThrow();
                        open.remove(on);
                        events.add("note " + on[0] + ".." + e.getTick() + " " + program + " key " + on[1] + " vel " + on[2]);
                    }
                } else if (e.getMessage() instanceof MetaMessage m && (m.getType() == 0x51 || m.getType() == 0x58)) {
                    events.add("meta " + m.getType() + " at " + e.getTick() + " " + Arrays.toString(m.getData()));
                }
            }
        }
        Collections.sort(events);
        return events;
    }
}
