package org.v2mzero.models.compose;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.v2mzero.protocol.TempoMap;

/**
 * Plays a written stem with a {@link Swing} feel: each note's start and end are taken to beats through the
 * tempo map, warped, and brought back, so the swing is a share of the beat under every tempo of the map.
 * Applied once to the grooving stems instead of in each writer. What lands on the picture is left alone:
 * a note at a pinned time (an accent, a section change) keeps its time, and a note that swinging would
 * carry onto or past one stays straight, so no hit loses its note or gains an early one. The free-tempo
 * intro bar is held, not grooved, and is not swung. Stateless; any thread.
 */
final class Swung {
    /** A note this close to a pinned time is taken to be written for it, seconds. */
    static final double PIN_SECONDS = 0.002;

    private Swung() {}

    /**
     * @param pinned times that notes written for them must keep, seconds, any order
     */
    static StemPart apply(StemPart stem, Swing swing, TempoMap map, List<Double> pinned) {
        if (swing.isStraight()) {
            return stem;
        }
        double grooveFrom = GridTempo.hasIntro(map) ? map.beatsPerBar() : 0;
        List<Note> out = new ArrayList<>(stem.notes().size());
        for (Note n : stem.notes()) {
            out.add(swung(n, swing, map, grooveFrom, pinned));
        }
        // A note kept for a hit can now come before a swung one that was written earlier.
        out.sort(Comparator.comparingDouble(Note::startSeconds).thenComparingInt(Note::pitch));
        return stem.withNotes(out);
    }

    private static Note swung(Note n, Swing swing, TempoMap map, double grooveFrom, List<Double> pinned) {
        double startBeat = map.beatAt(n.startSeconds());
        if (startBeat < grooveFrom - 1e-9) {
            return n;
        }
        double start = map.secondsAt(swing.beat(startBeat));
        for (double p : pinned) {
            // Written for the hit, or would reach it: either way the hit keeps what it had.
            if (p > n.startSeconds() - PIN_SECONDS && p < start + PIN_SECONDS) {
                return n;
            }
        }
        double end = map.secondsAt(swing.beat(map.beatAt(n.startSeconds() + n.durationSeconds())));
        return new Note(start, end - start, n.pitch(), n.velocity());
    }
}
