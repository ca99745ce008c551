package org.v2mzero.models.neural;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import org.v2mzero.models.compose.Note;
import org.v2mzero.models.compose.StemPart;
import org.v2mzero.protocol.TempoMap;

/**
 * Stems and a tempo map to tokens and back, by TOKENS.md (the Python twin {@code training/v2m_tokens.py}
 * encodes MIDI files into the same ids). Encoding quantises to the grid; decoding a grammatical sequence
 * never fails, and encoding the decoded piece gives back the same tokens. Stateless; any thread.
 */
public final class MidiTokenizer {
    private MidiTokenizer() {}

    /** A note on the grid: values of the PROGRAM, PITCH or DRUM, DUR and VEL tokens at a grid unit. */
    record GridNote(int unit, int program, int key, int duration, int velocity) {}

    /** Tokens of stems in one n/4 metre of {@code tempoMap.beatsPerBar()} quarters (at most 16). */
    public static int[] encode(List<StemPart> parts, TempoMap tempoMap) {
        return encode(TokenPiece.of(tempoMap, parts));
    }

    /** @throws IllegalArgumentException a note before 0 s or a key or program outside 0..127, naming it */
    public static int[] encode(TokenPiece piece) {
        TempoMap map = piece.tempoMap();
        List<GridNote> notes = gridNotes(piece.parts(), map);
        int lastOnset = notes.isEmpty() ? -1 : notes.get(notes.size() - 1).unit();
        TreeMap<Integer, Integer> perUnit = new TreeMap<>();
        for (TempoMap.Change c : map.changes()) {
            perUnit.put(unit(c.beat()), Vocabulary.tempo(c.bpm()));
        }
        int headerTempo = perUnit.get(0);
        return TokenWriter.write(piece.metres(), headerTempo, changes(perUnit, headerTempo, lastOnset), notes);
    }

    /**
     * The piece a token sequence describes: one part per program, note times through the tokens' tempos.
     * A prefix of a grammatical sequence (generation stopped at a bar) decodes too: a note still without
     * its VEL is left out, a missing header means 4/4 at 120 bpm.
     *
     * @throws UngrammaticalTokensException at the first token the grammar does not allow, naming it
     */
    public static TokenPiece decode(int[] tokens) {
        return TokenDecoder.decode(tokens, null);
    }

    /** As {@link #decode(int[])}, but beats become seconds through {@code tempoMap}: the tokens' tempos are ignored. */
    public static TokenPiece decode(int[] tokens, TempoMap tempoMap) {
        return TokenDecoder.decode(tokens, tempoMap);
    }

    /** Grid unit of a beat, rounded half up as in TOKENS.md. */
    static int unit(double beat) {
        return (int) Math.floor(beat * Vocabulary.UNITS_PER_QUARTER + 0.5);
    }

    /** The tempo changes after unit 0 up to the last onset that change the tempo in force. */
    private static TreeMap<Integer, Integer> changes(TreeMap<Integer, Integer> perUnit, int headerTempo, int lastOnset) {
        TreeMap<Integer, Integer> kept = new TreeMap<>();
        if (lastOnset <= 0) {
            return kept;
        }
        int current = headerTempo;
        for (var e : perUnit.subMap(0, false, lastOnset, true).entrySet()) {
            if (e.getValue() != current) {
                current = e.getValue();
                kept.put(e.getKey(), current);
            }
        }
        return kept;
    }

    /** Every note on the grid, in token order, equal (unit, program, key) merged: longest, then loudest. */
    private static List<GridNote> gridNotes(List<StemPart> parts, TempoMap map) {
        List<GridNote> all = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            StemPart part = parts.get(p);
            if (!part.percussion() && (part.program() < 0 || part.program() > 127)) {
                throw new IllegalArgumentException("parts[" + p + "].program : " + part.program() + " (expected: 0..127)");
            }
            int program = part.percussion() ? Vocabulary.DRUM_KIT : part.program() + 1;
            for (int k = 0; k < part.notes().size(); k++) {
                Note n = part.notes().get(k);
                double start = map.beatAt(n.startSeconds());
                double end = map.beatAt(n.startSeconds() + n.durationSeconds());
                int unit = unit(start);
                if (unit < 0 || n.pitch() < 0 || n.pitch() > 127) {
                    throw new IllegalArgumentException("parts[" + p + "].notes[" + k + "] : " + n
                            + " (expected: start >= 0 s, pitch 0..127)");
                }
                int units = (int) Math.floor((end - start) * Vocabulary.UNITS_PER_QUARTER + 0.5);
                all.add(new GridNote(unit, program, n.pitch(), Vocabulary.duration(units), Vocabulary.velocityBin(n.velocity())));
            }
        }
        all.sort(Comparator.comparingInt(GridNote::unit).thenComparingInt(GridNote::program)
                .thenComparingInt(GridNote::key).thenComparing(Comparator.comparingInt(GridNote::duration).reversed())
                .thenComparing(Comparator.comparingInt(GridNote::velocity).reversed()));
        List<GridNote> merged = new ArrayList<>();
        for (GridNote n : all) {
            GridNote prev = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (prev == null || prev.unit() != n.unit() || prev.program() != n.program() || prev.key() != n.key()) {
                merged.add(n);
            }
        }
        return merged;
    }
}
