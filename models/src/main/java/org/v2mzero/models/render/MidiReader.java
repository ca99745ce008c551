package org.v2mzero.models.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongToDoubleFunction;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.v2mzero.models.compose.Choke;
import org.v2mzero.models.compose.Note;
import org.v2mzero.models.compose.StemPart;
import org.v2mzero.protocol.BadInputException;
import org.v2mzero.protocol.TempoMap;

/**
 * Reads a Standard MIDI File back into stems, so any {@code .mid} (a take's {@code score.mid}) can be
 * rendered by a {@link StemRenderer}: one part per track that has notes, named by its track name, with
 * its first program change, percussion when it plays on channel 10; note times in seconds through the
 * file's tempo changes. Stateless; any thread.
 */
public final class MidiReader {
    private static final int META_TRACK_NAME = 0x03;
    private static final int META_TEMPO = 0x51;
    private static final int DEFAULT_MICROS_PER_QUARTER = 500_000;

    private MidiReader() {}

    /** @throws BadInputException when the file is not a readable PPQ-timed SMF */
    public static List<StemPart> parts(Path file) throws BadInputException {
        Sequence seq = sequence(file);
        TreeMap<Long, Integer> tempos = tempos(seq);
        return parts(seq, tick -> seconds(tick, tempos, seq.getResolution()));
    }

    /**
     * The parts of a file written on a known tempo map (a take's MIDI and its manifest's map): note times
     * go through the map itself rather than the file's whole-microsecond tempo events, so notes written
     * again with {@link MidiFiles} land on the very ticks they came from.
     *
     * @throws BadInputException when the file is not a readable PPQ-timed SMF
     */
    public static List<StemPart> parts(Path file, TempoMap tempoMap) throws BadInputException {
        Sequence seq = sequence(file);
        double ppq = seq.getResolution();
        return parts(seq, tick -> tempoMap.secondsAt(tick / ppq));
    }

    private static List<StemPart> parts(Sequence seq, LongToDoubleFunction seconds) {
        List<StemPart> parts = new ArrayList<>();
        Track[] tracks = seq.getTracks();
        for (int t = 0; t < tracks.length; t++) {
            StemPart part = part(tracks[t], "track" + t, seconds);
            if (!part.notes().isEmpty()) {
                parts.add(part);
            }
        }
        return parts;
    }

    private static Sequence sequence(Path file) throws BadInputException {
        Sequence seq;
        try {
            seq = MidiSystem.getSequence(file.toFile());
        } catch (IOException | InvalidMidiDataException e) {
            throw new BadInputException(file + ": not a readable MIDI file (" + e.getMessage() + ")", e);
        }
        if (seq.getDivisionType() != Sequence.PPQ) {
            throw new BadInputException(file + ": SMPTE-timed MIDI (expected: PPQ timing)");
        }
        return seq;
    }

    /** Tick → microseconds per quarter note, from every track (type 1 keeps them in the first). */
    private static TreeMap<Long, Integer> tempos(Sequence seq) {
        TreeMap<Long, Integer> tempos = new TreeMap<>(Map.of(0L, DEFAULT_MICROS_PER_QUARTER));
        for (Track track : seq.getTracks()) {
            for (int i = 0; i < track.size(); i++) {
                MidiEvent e = track.get(i);
                if (e.getMessage() instanceof MetaMessage m && m.getType() == META_TEMPO && m.getData().length == 3) {
                    byte[] d = m.getData();
                    tempos.put(e.getTick(), ((d[0] & 0xFF) << 16) | ((d[1] & 0xFF) << 8) | (d[2] & 0xFF));
                }
            }
        }
        return tempos;
    }

    private static StemPart part(Track track, String fallbackName, LongToDoubleFunction seconds) {
        String name = fallbackName;
        int program = 0;
        boolean programSeen = false;
        boolean percussion = false;
        Map<Integer, ArrayDeque<long[]>> open = new HashMap<>();
        List<Note> notes = new ArrayList<>();
        List<Choke> chokes = new ArrayList<>();
        double chokeStart = -1;
        boolean silent = false;
        for (int i = 0; i < track.size(); i++) {
            MidiEvent e = track.get(i);
            if (e.getMessage() instanceof MetaMessage m && m.getType() == META_TRACK_NAME) {
                name = new String(m.getData(), StandardCharsets.UTF_8);
            } else if (e.getMessage() instanceof ShortMessage s) {
                int cmd = s.getCommand();
                if (cmd == ShortMessage.PROGRAM_CHANGE && !programSeen) {
                    program = s.getData1();
                    programSeen = true;
                } else if (cmd == ShortMessage.CONTROL_CHANGE && s.getData1() == Choke.CONTROLLER) {
                    // A dip of Expression to 0 and back to full is a choke (what MidiFiles writes);
                    // other Expression moves are not modelled and are read as no choke.
                    double t = seconds.applyAsDouble(e.getTick());
                    if (s.getData2() < Choke.FULL && chokeStart < 0) {
                        chokeStart = t;
                    }
                    silent |= s.getData2() == 0;
                    if (s.getData2() == Choke.FULL && chokeStart >= 0) {
                        if (silent && t >= chokeStart + Choke.RAMP_SECONDS) {
                            chokes.add(new Choke(chokeStart, t));
                        }
                        chokeStart = -1;
                        silent = false;
                    }
                } else if (cmd == ShortMessage.NOTE_ON && s.getData2() > 0) {
                    percussion |= s.getChannel() == JavaSoundStemRenderer.DRUM_CHANNEL;
                    open.computeIfAbsent(s.getData1(), k -> new ArrayDeque<>()).add(new long[] {e.getTick(), s.getData2()});
                } else if (cmd == ShortMessage.NOTE_OFF || cmd == ShortMessage.NOTE_ON) {
                    long[] on = open.getOrDefault(s.getData1(), new ArrayDeque<>()).poll();
                    if (on != null) {
                        double start = seconds.applyAsDouble(on[0]);
                        notes.add(new Note(start, seconds.applyAsDouble(e.getTick()) - start, s.getData1(), (int) on[1]));
                    }
                }
            }
        }
        notes.sort(Comparator.comparingDouble(Note::startSeconds));
        return new StemPart(name, program, percussion, notes, chokes);
    }

    /** Seconds at a tick, integrating the tempo changes before it. */
    static double seconds(long tick, TreeMap<Long, Integer> tempos, int ppq) {
        double micros = 0;
        long from = 0;
        int tempo = DEFAULT_MICROS_PER_QUARTER;
        for (Map.Entry<Long, Integer> change : tempos.headMap(tick, true).entrySet()) {
            micros += (change.getKey() - from) * (double) tempo / ppq;
            from = change.getKey();
            tempo = change.getValue();
        }
        return (micros + (tick - from) * (double) tempo / ppq) / 1e6;
    }
}
