package org.v2mzero.models.render;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.v2mzero.models.compose.Choke;
import org.v2mzero.models.compose.Note;
import org.v2mzero.models.compose.StemPart;
import org.v2mzero.protocol.AtomicFiles;
import org.v2mzero.protocol.TempoMap;

/**
 * Writes Standard MIDI Files for composers to re-orchestrate (DESIGN.md §4): type 1, 960 ticks per
 * quarter, track 0 the tempo map, then one track per stem. The same writer makes the full score and the
 * per-stem files (a list of one part). Writes are atomic. Stateless; any thread.
 */
public final class MidiFiles {
    /** Ticks per quarter note. */
    public static final int PPQ = 960;
    static final int DRUM_CHANNEL = 9;
    private static final int META_TRACK_NAME = 0x03;
    private static final int META_TEMPO = 0x51;
    private static final int META_TIME_SIGNATURE = 0x58;

    private MidiFiles() {}

    /**
     * @param file     the {@code .mid} to create or replace
     * @param tempoMap tempo changes and metre; note times in seconds are converted through it
     * @param parts    one track each; percussion on channel 10 (index 9), the others on 1..9, 11..16 in order
     * @throws IllegalArgumentException more than 15 melodic parts (GM has 15 melodic channels)
     */
    public static void writeType1(Path file, TempoMap tempoMap, List<StemPart> parts) throws IOException {
        Sequence sequence = sequence(tempoMap, parts);
        AtomicFiles.write(file, out -> MidiSystem.write(sequence, 1, out));
    }

    /** The sequence {@link #writeType1} writes; visible for callers that play it instead. */
    public static Sequence sequence(TempoMap tempoMap, List<StemPart> parts) {
        try {
            Sequence seq = new Sequence(Sequence.PPQ, PPQ);
            writeTempoTrack(seq.createTrack(), tempoMap);
            int melodic = 0;
            for (StemPart part : parts) {
                int channel = part.percussion() ? DRUM_CHANNEL : melodicChannel(melodic++);
                writePart(seq.createTrack(), part, channel, tempoMap);
            }
            return seq;
        } catch (InvalidMidiDataException e) {
            throw new IllegalArgumentException("cannot build MIDI: " + e.getMessage(), e);
        }
    }

    /** The n-th melodic part's channel index: 0..8, then 10..15 (9 is the drum channel). */
    static int melodicChannel(int n) {
        if (n > 14) {
            throw new IllegalArgumentException("melodic parts : " + (n + 1) + " (expected: <= 15)");
        }
        return n < DRUM_CHANNEL ? n : n + 1;
    }

    /** Seconds to the nearest tick through the tempo map. */
    static long tick(TempoMap tempoMap, double seconds) {
        return Math.round(tempoMap.beatAt(seconds) * PPQ);
    }

    private static void writeTempoTrack(Track track, TempoMap map) throws InvalidMidiDataException {
        track.add(new MidiEvent(meta(META_TRACK_NAME, "tempo".getBytes(StandardCharsets.US_ASCII)), 0));
        track.add(new MidiEvent(meta(META_TIME_SIGNATURE,
                new byte[] {(byte) map.beatsPerBar(), 2, 24, 8}), 0));
        for (TempoMap.Change change : map.changes()) {
            long microsPerQuarter = Math.round(60_000_000.0 / change.bpm());
            byte[] data = ByteBuffer.allocate(4).putInt((int) Math.min(microsPerQuarter, 0xFF_FFFF)).array();
            track.add(new MidiEvent(meta(META_TEMPO, new byte[] {data[1], data[2], data[3]}),
                    Math.round(change.beat() * PPQ)));
        }
    }

    private static void writePart(Track track, StemPart part, int channel, TempoMap map)
            throws InvalidMidiDataException {
        track.add(new MidiEvent(meta(META_TRACK_NAME, part.name().getBytes(StandardCharsets.UTF_8)), 0));
        if (!part.percussion()) {
            track.add(new MidiEvent(new ShortMessage(ShortMessage.PROGRAM_CHANGE, channel, part.program(), 0), 0));
        }
        // Chokes first: a track keeps events of one tick in the order added, so Expression is back to
        // full before the note that re-enters at the choke's end.
        for (Choke c : part.chokes()) {
            for (Choke.Level level : c.levels()) {
                track.add(new MidiEvent(new ShortMessage(ShortMessage.CONTROL_CHANGE, channel, Choke.CONTROLLER,
                        level.value()), tick(map, level.seconds())));
            }
        }
        for (Note n : part.notes()) {
            long on = tick(map, n.startSeconds());
            long off = Math.max(on + 1, tick(map, n.startSeconds() + n.durationSeconds()));
            track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, channel, n.pitch(), n.velocity()), on));
            track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, channel, n.pitch(), 0), off));
        }
    }

    private static MidiMessage meta(int type, byte[] data) throws InvalidMidiDataException {
        return new MetaMessage(type, data, data.length);
    }
}
