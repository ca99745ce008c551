package org.v2mzero.models.compose;

import java.util.Comparator;
import java.util.List;
import org.v2mzero.protocol.Hit;

/**
 * The film composer's hit-point search: the constant tempo within a range that puts the strongest hits
 * closest to beats. Beat 0 stays at 0 s (no pickup): only the tempo moves the grid, so a take's MIDI
 * and its audio start together on the DAW timeline. Accents that still miss the grid are played at
 * their exact time by {@link AccentWriter}. Stateless; any thread.
 */
public final class TempoFitter {
    /** Hits considered: the strongest few decide, weaker ones would only add noise. */
    static final int MAX_HITS = 12;
    /** Tempo resolution of the search, bpm. */
    static final double STEP_BPM = 0.1;

    /**
     * @param bpm           the chosen tempo
     * @param score         strength-weighted alignment in [0, 1] (1: every considered hit on a beat)
     * @param gridOffsets   seconds from each considered hit (strongest first) to its nearest beat
     */
    public record Fit(double bpm, double score, List<Double> gridOffsets) {
        public Fit {
            gridOffsets = List.copyOf(gridOffsets);
        }
    }

    private TempoFitter() {}

    /**
     * @param hits   candidate hit points (any order); only positive strengths weigh
     * @param minBpm slowest tempo allowed (&gt; 0)
     * @param maxBpm fastest tempo allowed (&gt;= minBpm)
     */
    public static Fit fit(List<Hit> hits, double minBpm, double maxBpm) {
        if (!(minBpm > 0) || !(maxBpm >= minBpm)) {
            throw new IllegalArgumentException("bpm range : " + minBpm + ".." + maxBpm + " (expected: 0 < min <= max)");
        }
        List<Hit> strongest = hits.stream().filter(h -> h.strength() > 0)
                .sorted(Comparator.comparingDouble(Hit::strength).reversed()).limit(MAX_HITS).toList();
        double centre = (minBpm + maxBpm) / 2;
        double bestBpm = centre;
        double bestScore = Double.NEGATIVE_INFINITY;
        int steps = (int) Math.round((maxBpm - minBpm) / STEP_BPM);
        for (int i = 0; i <= steps; i++) {
            // Rounded so a chosen tempo prints as 104.3, not 104.30000000000001.
            double bpm = Math.min(maxBpm, Math.round((minBpm + i * STEP_BPM) * 1e6) / 1e6);
            // A faint pull to the range's centre breaks ties (no hits) towards the style's typical tempo.
            double score = alignment(strongest, bpm) - 1e-6 * Math.abs(bpm - centre) / centre;
            if (score > bestScore) {
                bestScore = score;
                bestBpm = bpm;
            }
        }
        double chosen = bestBpm;
        List<Double> offsets = strongest.stream().map(h -> gridOffset(h.time(), chosen)).toList();
        return new Fit(chosen, alignment(strongest, chosen), offsets);
    }

    /** Weighted mean of (1 + cos 2π·beat) / 2: 1 on a beat, 0 half-way between beats. */
    static double alignment(List<Hit> hits, double bpm) {
        double sum = 0;
        double weight = 0;
        for (Hit h : hits) {
            double beat = h.time() * bpm / 60;
            sum += h.strength() * (1 + Math.cos(2 * Math.PI * beat)) / 2;
            weight += h.strength();
        }
        return weight > 0 ? sum / weight : 0;
    }

    /** Seconds from a time to the nearest beat of a constant tempo starting at 0 s. */
    static double gridOffset(double seconds, double bpm) {
        double beat = seconds * bpm / 60;
        return (beat - Math.rint(beat)) * 60 / bpm;
    }
}
