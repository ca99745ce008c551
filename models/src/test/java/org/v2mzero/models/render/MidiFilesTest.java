package org.v2mzero.models.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiFileFormat;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.models.compose.Note;
import org.v2mzero.models.compose.StemPart;
import org.v2mzero.protocol.TempoMap;

class MidiFilesTest {
    @TempDir
    Path dir;

    /** 120 bpm for 8 beats (4 s), then 90 bpm. */
    private static final TempoMap MAP = new TempoMap(4, List.of(
            new TempoMap.Change(0, 0, 120), new TempoMap.Change(8, 4, 90)));

    @Test
    void writesType1WithTempoTrackAndOneTrackPerStem() throws Exception {
        StemPart drums = new StemPart("drums", 0, true, List.of(new Note(1.0, 0.1, 36, 100)));
        StemPart bass = new StemPart("bass", 33, false, List.of(new Note(0.5, 0.5, 40, 90)));
        StemPart strings = new StemPart("strings", 48, false, List.of(new Note(5.0, 1.0, 60, 80)));
        Path file = dir.resolve("score.mid");

        MidiFiles.writeType1(file, MAP, List.of(drums, bass, strings));

        MidiFileFormat format = MidiSystem.getMidiFileFormat(file.toFile());
        assertEquals(1, format.getType());
        Sequence seq = MidiSystem.getSequence(file.toFile());
        assertEquals(960, seq.getResolution());
        assertEquals(4, seq.getTracks().length);
        assertEquals(List.of(500_000, 666_667), tempos(seq.getTracks()[0]));
        assertEquals(List.of(9, 0, 1), List.of(channel(seq.getTracks()[1]), channel(seq.getTracks()[2]),
                channel(seq.getTracks()[3])));
        assertEquals("bass", trackName(seq.getTracks()[2]));
        // 1.0 s at 120 bpm = beat 2; 5.0 s = beat 8 + 1 s at 90 bpm = beat 9.5
        assertEquals(2 * 960, firstNoteOn(seq.getTracks()[1]).getTick());
        assertEquals(9.5 * 960, firstNoteOn(seq.getTracks()[3]).getTick());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void melodicChannelsSkipTheDrumChannel() {
        assertEquals(8, MidiFiles.melodicChannel(8));
        assertEquals(10, MidiFiles.melodicChannel(9));
        assertEquals(15, MidiFiles.melodicChannel(14));
        var e = assertThrows(IllegalArgumentException.class, () -> MidiFiles.melodicChannel(15));
        assertEquals("melodic parts : 16 (expected: <= 15)", e.getMessage());
    }

    private static List<Integer> tempos(Track track) {
        List<Integer> tempos = new ArrayList<>();
        for (int i = 0; i < track.size(); i++) {
            if (track.get(i).getMessage() instanceof MetaMessage m && m.getType() == 0x51) {
                byte[] d = m.getData();
                tempos.add((d[0] & 0xff) << 16 | (d[1] & 0xff) << 8 | (d[2] & 0xff));
            }
        }
        return tempos;
    }

    private static String trackName(Track track) {
        for (int i = 0; i < track.size(); i++) {
            if (track.get(i).getMessage() instanceof MetaMessage m && m.getType() == 0x03) {
                return new String(m.getData());
            }
        }
        return null;
    }

    private static MidiEvent firstNoteOn(Track track) {
        for (int i = 0; i < track.size(); i++) {
            if (track.get(i).getMessage() instanceof ShortMessage m && m.getCommand() == ShortMessage.NOTE_ON) {
                return track.get(i);
            }
        }
        throw new AssertionError("no note on");
    }

    private static int channel(Track track) {
        return ((ShortMessage) firstNoteOn(track).getMessage()).getChannel();
    }
}
