package org.v2mzero.models.compose;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.v2mzero.protocol.Hit;
import org.v2mzero.protocol.TempoMap;

/**
 * The hit-point tempo map: the film composer's "find tempo" ({@link TempoFitter}) per section of the
 * picture. The cue keeps one tempo ({@link GridTempo}) unless a section's strongest hits sit clearly
 * nearer the beats and downbeats of another: then the tempo changes on the bar line at (or just
 * after) the section's start, so bars stay whole. Sections too short or too sparse to fit a tempo
 * join a neighbour ({@link #merged}). Each change must earn {@link #MIN_GAIN} of alignment
 * in its section and moves the tempo by at most {@link #MAX_JUMP}, so the music does not lurch; the
 * whole map must then beat the one-tempo map by {@link #MIN_TOTAL_GAIN} on all the hits. Deterministic;
 * stateless; any thread.
 */
public final class SectionTempo {
    /** A section shorter than this (bars of the one fitted tempo) is too short for its own tempo: merged. */
    static final double MIN_SECTION_BARS = 2;
    /** Largest tempo change at one bar line, as a ratio above 1 (up) or below 1 (down): 120 → 100 is 20 %. */
    static final double MAX_JUMP = 0.2;
    /**
     * Alignment (0..1, {@link TempoFitter#alignment}) a change must add to its section's hits over the
     * running tempo: about one hit in five moving from half-way between beats onto a beat. Less is left to
     * {@link AccentWriter}, which plays every accent at its time anyway; a change costs the groove.
     */
    static final double MIN_GAIN = 0.15;
    /** Alignment the changed map must add on all the considered hits over the one-tempo map. */
    static final double MIN_TOTAL_GAIN = 0.05;
    /** Hits a section needs for a tempo of its own: one hit fits any tempo. */
    static final int MIN_HITS = 2;

    /**
     * @param map         the tempo map: an optional intro bar ({@link GridTempo}), then one tempo, changed
     *                    at bar lines where sections ask for it
     * @param score       strength-weighted alignment of the considered hits to the map, in [0, 1]
     * @param gridOffsets seconds from each considered hit (each section's strongest, strongest first) to its
     *                    nearest beat of the map, negative when the hit comes before the beat
     */
    public record Fit(TempoMap map, double score, List<Double> gridOffsets) {
        public Fit {
            gridOffsets = List.copyOf(gridOffsets);
        }
    }

    private SectionTempo() {}

    /**
     * @param hits            candidate hit points (any order); only positive strengths weigh
     * @param sectionStarts   where the picture's sections start, seconds (any order; 0 is ignored)
     * @param durationSeconds the cue's length
     * @param minBpm          slowest tempo allowed (&gt; 0)
     * @param maxBpm          fastest tempo allowed (&gt;= minBpm); equal to minBpm holds one tempo
     * @param beatsPerBar     the metre's beats per bar
     */
    public static Fit fit(List<Hit> hits, List<Double> sectionStarts, double durationSeconds, double minBpm,
            double maxBpm, int beatsPerBar) {
        TempoFitter.Fit one = TempoFitter.fit(hits, minBpm, maxBpm, beatsPerBar);
        TempoMap steady = GridTempo.of(one, beatsPerBar);
        double bar = beatsPerBar * 60 / one.bpm();
        List<Double> starts = merged(sectionStarts, hits, durationSeconds, MIN_SECTION_BARS * bar);
        List<List<Hit>> sections = new ArrayList<>();
        for (int i = 0; i <= starts.size(); i++) {
            double from = i == 0 ? 0 : starts.get(i - 1);
            double to = i == starts.size() ? Double.POSITIVE_INFINITY : starts.get(i);
            sections.add(TempoFitter.strongest(hits.stream().filter(h -> h.time() >= from && h.time() < to).toList()));
        }
        List<Hit> considered = sections.stream().flatMap(List::stream)
                .sorted(Comparator.comparingDouble(Hit::strength).reversed()).toList();
        TempoMap changed = starts.isEmpty() ? steady : changed(sections, starts, minBpm, maxBpm, beatsPerBar);
        boolean pays = changes(changed) > 0 && TempoFitter.alignment(considered, changed)
                >= TempoFitter.alignment(considered, steady) + MIN_TOTAL_GAIN;
        TempoMap map = pays ? changed : steady;
        return new Fit(map, TempoFitter.alignment(considered, map),
                considered.stream().map(h -> TempoFitter.gridOffset(h.time(), map)).toList());
    }

    /** How many tempo changes a map has at sections: those after the first tempo and any intro bar. */
    static int changes(TempoMap map) {
        return map.changes().size() - (GridTempo.hasIntro(map) ? 2 : 1);
    }

    /**
     * Section starts that leave at least {@code minSeconds} and {@link #MIN_HITS} hits to the previous
     * kept start (or the cue's start), and {@code minSeconds} to the end of the cue, ascending: a short
     * section joins the one before it, a section with too few hits to fit a tempo the one after it (an
     * opening without hits would otherwise set the tempo the later sections must change from).
     */
    static List<Double> merged(List<Double> sectionStarts, List<Hit> hits, double durationSeconds,
            double minSeconds) {
        List<Double> out = new ArrayList<>();
        double last = 0;
        for (double start : sectionStarts.stream().sorted().toList()) {
            double from = last;
            long before = hits.stream().filter(h -> h.strength() > 0 && h.time() >= from && h.time() < start).count();
            if (start - last >= minSeconds && before >= MIN_HITS && durationSeconds - start >= minSeconds) {
                out.add(start);
                last = start;
            }
        }
        return out;
    }

    /**
     * The first section's own fit, then, section by section, a tempo change where it pays.
     *
     * @param sections each section's considered hits; one more than {@code starts}
     */
    private static TempoMap changed(List<List<Hit>> sections, List<Double> starts, double minBpm, double maxBpm,
            int beatsPerBar) {
        TempoMap map = GridTempo.of(TempoFitter.fit(sections.get(0), minBpm, maxBpm, beatsPerBar), beatsPerBar);
        for (int i = 0; i < starts.size(); i++) {
            if (sections.get(i + 1).size() >= MIN_HITS) {
                map = changedAt(map, sections.get(i + 1), starts.get(i), minBpm, maxBpm);
            }
        }
        return map;
    }

    /**
     * The map with the tempo from a bar line next to {@code sectionStart} on (the last bar line before it
     * or the first after it, at least {@link #MIN_SECTION_BARS} after the last change) that aligns the
     * section's hits best, within {@link #MAX_JUMP} and the range; the map itself unless that gains
     * {@link #MIN_GAIN}.
     */
    static TempoMap changedAt(TempoMap map, List<Hit> hits, double sectionStart, double minBpm, double maxBpm) {
        int perBar = map.beatsPerBar();
        TempoMap.Change last = map.changes().get(map.changes().size() - 1);
        double bpm = last.bpm();
        double earliestBar = Math.ceil(last.beat() / perBar - 1e-9) + MIN_SECTION_BARS;
        double keep = TempoFitter.alignment(hits, map);
        TempoMap best = map;
        double bestScore = keep + MIN_GAIN;
        // On the 0.1 bpm grid of the whole-cue search, so a tempo prints as 104.3.
        long lo = (long) Math.ceil(Math.max(minBpm, bpm / (1 + MAX_JUMP)) / TempoFitter.STEP_BPM - 1e-6);
        long hi = (long) Math.floor(Math.min(maxBpm, bpm * (1 + MAX_JUMP)) / TempoFitter.STEP_BPM + 1e-6);
        double sectionBar = map.beatAt(sectionStart) / perBar;
        for (double bar : new double[] {Math.floor(sectionBar + 1e-9), Math.ceil(sectionBar - 1e-9)}) {
            if (bar < earliestBar) {
                continue;
            }
            double beat = bar * perBar;
            List<TempoMap.Change> before = map.changes().stream().filter(c -> c.beat() < beat).toList();
            for (long k = lo; k <= hi; k++) {
                double next = Math.round(k * TempoFitter.STEP_BPM * 1e6) / 1e6;
                List<TempoMap.Change> changes = new ArrayList<>(before);
                changes.add(new TempoMap.Change(beat, map.secondsAt(beat), next));
                TempoMap candidate = new TempoMap(perBar, changes);
                // A faint pull to the smaller jump breaks ties (hits that fit two tempi equally).
                double score = TempoFitter.alignment(hits, candidate) - 1e-6 * Math.abs(next - bpm) / bpm;
                if (score > bestScore) {
                    bestScore = score;
                    best = candidate;
                }
            }
        }
        return best;
    }
}
