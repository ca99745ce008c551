package org.v2mzero.models.compose;

import java.util.Comparator;
import java.util.List;
import org.v2mzero.protocol.Hit;
import org.v2mzero.protocol.TempoMap;

/**
 * The film composer's "find tempo": the constant tempo within a range <em>and</em> the phase of its bar
 * grid (where the first downbeat falls) that put the strongest hits on beats, and the strongest of them
 * on downbeats. A tempo alone anchors the grid at 0 s, so any grid that fits a few hits fits their
 * mirror image as well; the phase is what makes the grid this picture's grid. The phase is written into
 * the tempo map as an intro bar ({@link GridTempo}). Accents that still miss the grid are played at
 * their exact time by {@link AccentWriter}. Stateless; any thread.
 */
public final class TempoFitter {
    /** Hits considered: the strongest few decide, weaker ones would only add noise. */
    static final int MAX_HITS = 12;
    /** Tempo resolution of the search, bpm. */
    static final double STEP_BPM = 0.1;
    /** Phase resolution of the search: this many steps per beat. */
    static final int PHASE_STEPS_PER_BEAT = 24;
    /** Share of the score from landing on a downbeat rather than on any beat. */
    static final double DOWNBEAT_WEIGHT = 0.3;

    /**
     * @param bpm             the chosen tempo, quarter notes per minute
     * @param downbeatSeconds the first downbeat of the steady grid, seconds in [0, one bar): 0 means
     *                        the grid starts with the cue, otherwise an intro bar leads to it
     * @param score           strength-weighted alignment in [0, 1] (1: every considered hit on a downbeat)
     * @param gridOffsets     seconds from each considered hit (strongest first) to its nearest beat,
     *                        negative when the hit comes before the beat
     */
    public record Fit(double bpm, double downbeatSeconds, double score, List<Double> gridOffsets) {
        public Fit {
            gridOffsets = List.copyOf(gridOffsets);
        }
    }

    private TempoFitter() {}

    /**
     * @param hits        candidate hit points (any order); only positive strengths weigh
     * @param minBpm      slowest tempo allowed (&gt; 0)
     * @param maxBpm      fastest tempo allowed (&gt;= minBpm)
     * @param beatsPerBar the metre's beats per bar (&gt;= 1)
     */
    public static Fit fit(List<Hit> hits, double minBpm, double maxBpm, int beatsPerBar) {
        if (!(minBpm > 0) || !(maxBpm >= minBpm)) {
            throw new IllegalArgumentException("bpm range : " + minBpm + ".." + maxBpm + " (expected: 0 < min <= max)");
        }
        if (beatsPerBar < 1) {
            throw new IllegalArgumentException("beatsPerBar : " + beatsPerBar + " (expected: >= 1)");
        }
        List<Hit> strongest = strongest(hits);
        double centre = (minBpm + maxBpm) / 2;
        double bestBpm = centre;
        double bestPhase = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        int steps = (int) Math.round((maxBpm - minBpm) / STEP_BPM);
        int phases = strongest.isEmpty() ? 1 : PHASE_STEPS_PER_BEAT * beatsPerBar;
        for (int i = 0; i <= steps; i++) {
            // Rounded so a chosen tempo prints as 104.3, not 104.30000000000001.
            double bpm = Math.min(maxBpm, Math.round((minBpm + i * STEP_BPM) * 1e6) / 1e6);
            for (int p = 0; p < phases; p++) {
                double phaseBeats = p / (double) PHASE_STEPS_PER_BEAT;
                // Faint pulls to the range's centre and to no intro break ties (no hits, symmetric hits).
                double score = alignment(strongest, bpm, phaseBeats, beatsPerBar)
                        - 1e-6 * Math.abs(bpm - centre) / centre - 1e-7 * phaseBeats;
                if (score > bestScore) {
                    bestScore = score;
                    bestBpm = bpm;
                    bestPhase = phaseBeats;
                }
            }
        }
        double bpm = bestBpm;
        double downbeat = bestPhase * 60 / bpm;
        List<Double> offsets = strongest.stream().map(h -> gridOffset(h.time(), bpm, downbeat)).toList();
        return new Fit(bpm, downbeat, alignment(strongest, bpm, bestPhase, beatsPerBar), offsets);
    }

    /**
     * Weighted mean of how close each hit is to a beat, (1 + cos 2π·beat) / 2, and (with weight
     * {@link #DOWNBEAT_WEIGHT}) to a downbeat: 1 on a downbeat, 0 half-way between beats.
     *
     * @param phaseBeats where the first downbeat falls, beats after 0 s
     */
    static double alignment(List<Hit> hits, double bpm, double phaseBeats, int beatsPerBar) {
        double sum = 0;
        double weight = 0;
        for (Hit h : hits) {
            sum += h.strength() * closeness(h.time() * bpm / 60 - phaseBeats, beatsPerBar);
            weight += h.strength();
        }
        return weight > 0 ? sum / weight : 0;
    }

    /** {@link #alignment} of hits to the beats and bar lines of a whole tempo map (any number of changes). */
    static double alignment(List<Hit> hits, TempoMap map) {
        double sum = 0;
        double weight = 0;
        for (Hit h : hits) {
            sum += h.strength() * closeness(map.beatAt(h.time()), map.beatsPerBar());
            weight += h.strength();
        }
        return weight > 0 ? sum / weight : 0;
    }

    /** 1 on a downbeat, {@code 1 - DOWNBEAT_WEIGHT} on another beat, 0 half-way between beats. */
    private static double closeness(double beat, int beatsPerBar) {
        double onBeat = (1 + Math.cos(2 * Math.PI * beat)) / 2;
        double onBar = (1 + Math.cos(2 * Math.PI * beat / beatsPerBar)) / 2;
        return onBeat * ((1 - DOWNBEAT_WEIGHT) + DOWNBEAT_WEIGHT * onBar);
    }

    /** Seconds from a time to the nearest beat of a tempo map, negative when the time comes before the beat. */
    static double gridOffset(double seconds, TempoMap map) {
        return seconds - map.secondsAt(Math.rint(map.beatAt(seconds)));
    }

    /** The hits {@link #fit} weighs: positive strengths, strongest first, at most {@link #MAX_HITS}. */
    static List<Hit> strongest(List<Hit> hits) {
        return hits.stream().filter(h -> h.strength() > 0)
                .sorted(Comparator.comparingDouble(Hit::strength).reversed()).limit(MAX_HITS).toList();
    }

    /** Seconds from a time to the nearest beat of a constant tempo whose beats fall at {@code downbeat + n·beat}. */
    static double gridOffset(double seconds, double bpm, double downbeatSeconds) {
        double beat = (seconds - downbeatSeconds) * bpm / 60;
        return (beat - Math.rint(beat)) * 60 / bpm;
    }
}
