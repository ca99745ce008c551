package org.v2mzero.models.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.models.compose.Choke;
import org.v2mzero.models.compose.Note;
import org.v2mzero.models.compose.StemPart;
import org.v2mzero.protocol.BadInputException;
import org.v2mzero.protocol.TempoMap;

class MidiReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsBackWhatMidiFilesWrites() throws Exception {
        StemPart drums = new StemPart("drums", 0, true, List.of(new Note(0, 0.1, 36, 100), new Note(1.25, 0.1, 38, 90)));
        StemPart bass = new StemPart("bass", 33, false, List.of(new Note(0.5, 1.0, 40, 80), new Note(2.0, 0.75, 43, 70)));
        Path file = dir.resolve("score.mid");
        // 93.7 bpm: note times fall between beats, so the tick-to-seconds conversion is exercised.
        MidiFiles.writeType1(file, TempoMap.constant(93.7, 4), List.of(drums, bass));

        List<StemPart> parts = MidiReader.parts(file);

        assertEquals(List.of("drums", "bass"), parts.stream().map(StemPart::name).toList());
        assertTrue(parts.get(0).percussion());
        assertFalse(parts.get(1).percussion());
        assertEquals(33, parts.get(1).program());
        assertNotesEqual(drums.notes(), parts.get(0).notes());
        assertNotesEqual(bass.notes(), parts.get(1).notes());
    }

    /** A take's notes read through its own tempo map are written back to the very same ticks and bytes. */
    @Test
    void partsReadThroughTheirTempoMapWriteBackToTheSameFile() throws Exception {
        // An intro bar at an odd tempo, then a tempo whose quarter is no whole number of microseconds.
        TempoMap map = new TempoMap(4, List.of(new TempoMap.Change(0, 0, 151.3),
                new TempoMap.Change(4, 4 * 60 / 151.3, 93.7)));
        StemPart bass = new StemPart("bass", 33, false, List.of(new Note(0.31, 1.0, 40, 80), new Note(200.123, 0.75, 43, 70),
                new Note(400.9, 2.5, 45, 60)));
        Path first = dir.resolve("first.mid");
        Path second = dir.resolve("second.mid");
        MidiFiles.writeType1(first, map, List.of(bass));

        List<StemPart> parts = MidiReader.parts(first, map);
        MidiFiles.writeType1(second, map, parts);

        assertEquals(-1, Files.mismatch(first, second));
        assertEquals(parts, MidiReader.parts(second, map));
        assertNotesEqual(bass.notes(), parts.get(0).notes());
    }

    @Test
    void chokesAreWrittenAsExpressionAndReadBack() throws Exception {
        TempoMap map = TempoMap.constant(93.7, 4);
        StemPart bass = new StemPart("bass", 33, false, List.of(new Note(0.5, 1.0, 40, 80), new Note(2.0, 0.75, 43, 70)),
                List.of(new Choke(1.5, 2.0), new Choke(3.1, 3.6)));
        Path file = dir.resolve("choked.mid");
        MidiFiles.writeType1(file, map, List.of(bass));

        List<Choke> read = MidiReader.parts(file, map).get(0).chokes();

        assertEquals(2, read.size());
        for (int i = 0; i < read.size(); i++) {
            assertEquals(bass.chokes().get(i).start(), read.get(i).start(), 7e-4, "within a tick");
            assertEquals(bass.chokes().get(i).end(), read.get(i).end(), 7e-4);
        }
    }

    @Test
    void expressionThatNeverReachesSilenceIsNoChoke() throws Exception {
        Sequence seq = new Sequence(Sequence.PPQ, 480);
        Track track = seq.createTrack();
        track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 0, 60, 90), 0));
        track.add(new MidiEvent(new ShortMessage(ShortMessage.CONTROL_CHANGE, 0, Choke.CONTROLLER, 64), 480));
        track.add(new MidiEvent(new ShortMessage(ShortMessage.CONTROL_CHANGE, 0, Choke.CONTROLLER, 127), 960));
        track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 0, 60, 0), 1920));
        Path file = dir.resolve("swell.mid");
        MidiSystem.write(seq, 1, file.toFile());

        StemPart part = MidiReader.parts(file).get(0);

        assertEquals(1, part.notes().size());
        assertEquals(List.of(), part.chokes(), "a swell to half and back is expression, not a stop");
    }

    @Test
    void refusesAFileThatIsNotMidi() throws Exception {
        Path file = Files.writeString(dir.resolve("not.mid"), "hello");
        BadInputException e = assertThrows(BadInputException.class, () -> MidiReader.parts(file));
        assertTrue(e.getMessage().startsWith(file + ": not a readable MIDI file"), e.getMessage());
    }

    /** Within one tick at 960 PPQ and 93.7 bpm (0.67 ms). */
    private static void assertNotesEqual(List<Note> expected, List<Note> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            Note e = expected.get(i);
            Note a = actual.get(i);
            assertEquals(e.startSeconds(), a.startSeconds(), 7e-4);
            assertEquals(e.durationSeconds(), a.durationSeconds(), 1.4e-3);
            assertEquals(e.pitch(), a.pitch());
            assertEquals(e.velocity(), a.velocity());
        }
    }
}
