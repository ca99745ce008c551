package org.v2mzero.models.neural;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.v2mzero.models.compose.Note;
import org.v2mzero.models.compose.StemPart;
import org.v2mzero.protocol.TempoMap;

/**
 * Seeded random pieces for the tokenizer tests. Times are whole ticks of {@code MidiFiles} (960 per
 * quarter, 80 per grid unit), so a piece written to MIDI reads back on the very same ticks.
 * <ul>
 * <li>on the grid: onsets on grid units, durations from the DUR table, velocities {@code 4b+3}, whole-bpm
 * tempo changes on the grid before the last onset, each changing the tempo: what tokens keep exactly;
 * <li>off the grid: any tick, any length, any velocity, fractional bpm; never exactly half-way between
 * two grid units or two bpm, where rounding a tick (the MIDI file) then a unit could differ from
 * rounding the beat (Java) once.
 * </ul>
 */
final class TokenFixtures {
    static final int TICKS_PER_UNIT = 80;

    private TokenFixtures() {}

    /**
     * A corpus of on-grid pieces of 12 bars of 4/4 for the corpus scripts' tests: {@code ids[i]} gets the
     * piece of seed {@code i}; id to tokens, in order.
     */
    static Map<String, int[]> corpus(String... ids) {
        Map<String, int[]> pieces = new LinkedHashMap<>();
        for (int seed = 0; seed < ids.length; seed++) {
            Random r = new Random(seed);
            TempoMap map = tempoMap(r, 4, 12, true);
            pieces.put(ids[seed], MidiTokenizer.encode(parts(r, map, 12, true), map));
        }
        return pieces;
    }

    /** The pieces as a corpus's {@code tokens.jsonl}: one {@code {"id", "tokens"}} object a line. */
    static String jsonl(Map<String, int[]> pieces) throws JsonProcessingException {
        ObjectMapper json = new ObjectMapper();
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, int[]> e : pieces.entrySet()) {
            out.append(json.writeValueAsString(Map.of("id", e.getKey(), "tokens", e.getValue()))).append('\n');
        }
        return out.toString();
    }

    /** A tempo map with 1..3 changes, in the first {@code bars / 2} bars of {@code beatsPerBar} quarters. */
    static TempoMap tempoMap(Random r, int beatsPerBar, int bars, boolean onGrid) {
        List<TempoMap.Change> changes = new ArrayList<>();
        double bpm = bpm(r, onGrid);
        changes.add(new TempoMap.Change(0, 0, bpm));
        int count = r.nextInt(3);
        long tick = 0;
        for (int i = 0; i < count; i++) {
            tick = awayFromTies(tick + ticks(r, 1 + r.nextInt(Math.max(1, bars / 2 * beatsPerBar * 12 / (count + 1))), onGrid));
            double next = bpm(r, onGrid);
            if (Math.round(next) == Math.round(bpm)) {
                continue;
            }
            TempoMap.Change prev = changes.get(changes.size() - 1);
            double beat = tick / 960.0;
            changes.add(new TempoMap.Change(beat, prev.seconds() + (beat - prev.beat()) * 60 / prev.bpm(), next));
            bpm = next;
        }
        return new TempoMap(beatsPerBar, changes);
    }

    /**
     * Drums and 1..4 melodic parts of distinct programs over {@code bars} bars; every bar starts with a
     * note so the last onset comes after every tempo change. No key sounds twice at once in a part.
     */
    static List<StemPart> parts(Random r, TempoMap map, int bars, boolean onGrid) {
        int barUnits = map.beatsPerBar() * 12;
        List<StemPart> parts = new ArrayList<>();
        parts.add(part(r, map, "drums", 0, true, bars, barUnits, onGrid));
        int melodic = 1 + r.nextInt(4);
        for (int i = 0; i < melodic; i++) {
            parts.add(part(r, map, "m" + i, i * 24 + r.nextInt(24), false, bars, barUnits, onGrid));
        }
        return parts;
    }

    private static StemPart part(Random r, TempoMap map, String name, int program, boolean drums, int bars,
            int barUnits, boolean onGrid) {
        List<Note> notes = new ArrayList<>();
        Map<Integer, Long> soundingUntil = new HashMap<>();
        int low = drums ? 35 : 24 + r.nextInt(40);
        for (int bar = 0; bar < bars; bar++) {
            long barTick = (long) bar * barUnits * TICKS_PER_UNIT;
            // Off the grid the last onset keeps more than a unit before the next bar's first, at its start.
            long end = barTick + (long) barUnits * TICKS_PER_UNIT - (onGrid ? 0 : TICKS_PER_UNIT + 1);
            for (long on = barTick; on < end; ) {
                int chord = 1 + r.nextInt(3);
                for (int c = 0; c < chord; c++) {
                    int key = bar == 0 && c == 0 && r.nextInt(8) == 0 ? 127 * r.nextInt(2) : low + r.nextInt(24);
                    if (soundingUntil.getOrDefault(key, -1L) > on) {
                        continue;
                    }
                    long length = onGrid
                            ? Vocabulary.durationUnits(r.nextInt(64)) * (long) TICKS_PER_UNIT
                            : ticks(r, 1 + r.nextInt(r.nextInt(10) == 0 ? 300 : 30), false);
                    int velocity = onGrid ? Vocabulary.velocity(r.nextInt(32)) : 1 + r.nextInt(127);
                    soundingUntil.put(key, on + length);
                    double start = map.secondsAt(on / 960.0);
                    notes.add(new Note(start, map.secondsAt((on + length) / 960.0) - start, key, velocity));
                }
                // Onsets more than a unit apart never round to one unit: notes stay distinct off the grid too.
                on = awayFromTies(on + ticks(r, 2 + r.nextInt(11), onGrid));
            }
        }
        return new StemPart(name, program, drums, notes);
    }

    /** About {@code units} grid units in ticks: exactly that on the grid, else any tick not half-way between units. */
    private static long ticks(Random r, int units, boolean onGrid) {
        long t = (long) units * TICKS_PER_UNIT;
        if (onGrid) {
            return t;
        }
        long off = t - TICKS_PER_UNIT / 2 + 1 + r.nextInt(TICKS_PER_UNIT - 1);
        return Math.max(1, awayFromTies(off));
    }

    /** A tick, moved on by one when it lies exactly half-way between two grid units. */
    private static long awayFromTies(long tick) {
        return tick % TICKS_PER_UNIT == TICKS_PER_UNIT / 2 ? tick + 1 : tick;
    }

    private static double bpm(Random r, boolean onGrid) {
        int whole = 40 + r.nextInt(180);
        return onGrid ? whole : whole + 0.05 + 0.4 * r.nextDouble() * (r.nextBoolean() ? 1 : -1);
    }
}
