package org.v2mzero.models.neural;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.v2mzero.models.compose.Note;
import org.v2mzero.models.compose.StemPart;
import org.v2mzero.models.neural.Vocabulary.Kind;
import org.v2mzero.protocol.TempoMap;

/** Tokens to a {@link TokenPiece}, walking the {@link TokenGrammar} so every token's place is known. */
final class TokenDecoder {
    /** GM program families, eight programs each: the names of decoded parts. */
    private static final String[] FAMILIES = {"piano", "chromatic", "organ", "guitar", "bass", "strings",
        "ensemble", "brass", "reed", "pipe", "lead", "pad", "synth-fx", "ethnic", "percussive", "sound-fx"};
    private static final int DEFAULT_BPM = 120;

    private TokenDecoder() {}

    static TokenPiece decode(int[] tokens, TempoMap forced) {
        TokenGrammar g = new TokenGrammar();
        List<Metre> metres = new ArrayList<>();
        TreeMap<Integer, Integer> bpmAt = new TreeMap<>();
        List<MidiTokenizer.GridNote> notes = new ArrayList<>();
        int key = -1;
        int duration = -1;
        for (int id : tokens) {
            g.accept(id);
            int v = Vocabulary.value(id);
            switch (Vocabulary.kind(id)) {
                case TIMESIG -> metres.add(new Metre(Math.max(0, g.bar()),
                        Vocabulary.metreNumerator(v), Vocabulary.metreDenominator(v)));
                case TEMPO -> bpmAt.put(g.unit(), Vocabulary.bpm(v));
                case PITCH, DRUM -> key = v;
                case DUR -> duration = v;
                case VEL -> notes.add(new MidiTokenizer.GridNote(g.unit(), g.program(), key, duration, v));
                default -> { }
            }
        }
        if (metres.isEmpty()) {
            metres.add(new Metre(0, 4, 4));
        }
        bpmAt.putIfAbsent(0, DEFAULT_BPM);
        TempoMap map = forced != null ? forced : tempoMap(metres.get(0), bpmAt);
        return new TokenPiece(metres, map, parts(notes, map));
    }

    /** Tempo changes at their grid beats, each change's time integrated from the ones before. */
    private static TempoMap tempoMap(Metre first, TreeMap<Integer, Integer> bpmAt) {
        List<TempoMap.Change> changes = new ArrayList<>();
        for (Map.Entry<Integer, Integer> e : bpmAt.entrySet()) {
            double beat = e.getKey() / (double) Vocabulary.UNITS_PER_QUARTER;
            TempoMap.Change prev = changes.isEmpty() ? null : changes.get(changes.size() - 1);
            double seconds = prev == null ? 0 : prev.seconds() + (beat - prev.beat()) * 60 / prev.bpm();
            changes.add(new TempoMap.Change(beat, seconds, e.getValue()));
        }
        double quarters = first.numerator() * 4.0 / first.denominator();
        return new TempoMap(Math.max(1, (int) Math.floor(quarters + 0.5)), changes);
    }

    /** One part per program in token order (the drum kit first), named by GM family. */
    private static List<StemPart> parts(List<MidiTokenizer.GridNote> notes, TempoMap map) {
        TreeMap<Integer, List<Note>> byProgram = new TreeMap<>();
        for (MidiTokenizer.GridNote n : notes) {
            double start = map.secondsAt(n.unit() / (double) Vocabulary.UNITS_PER_QUARTER);
            int units = Vocabulary.durationUnits(n.duration());
            double end = map.secondsAt((n.unit() + units) / (double) Vocabulary.UNITS_PER_QUARTER);
            byProgram.computeIfAbsent(n.program(), p -> new ArrayList<>())
                    .add(new Note(start, end - start, n.key(), Vocabulary.velocity(n.velocity())));
        }
        Map<String, Integer> named = new HashMap<>();
        List<StemPart> parts = new ArrayList<>();
        byProgram.forEach((program, list) -> {
            boolean drums = program == Vocabulary.DRUM_KIT;
            String family = drums ? "drums" : FAMILIES[(program - 1) / 8];
            int n = named.merge(family, 1, Integer::sum);
            parts.add(new StemPart(n == 1 ? family : family + "-" + n, drums ? 0 : program - 1, drums, list));
        });
        return parts;
    }
}
