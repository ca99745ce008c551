package org.v2mzero.models.compose;

import java.util.List;
import org.v2mzero.protocol.TempoMap;

/**
 * A fitted grid written as a tempo map without moving beat 0 off 0 s: when the first downbeat of the
 * steady grid is not at 0 s, the cue opens with one intro bar, free in tempo, that spans exactly the
 * time to a downbeat of the steady grid (a tempo change at beat {@code beatsPerBar}). So every bar line
 * stays a multiple of the metre (one time signature in the MIDI file), the MIDI puts each note at its
 * second, and from bar 2 on the DAW's grid is the fitted one. Later changes, at section bar lines, are
 * {@link SectionTempo}'s. Stateless; any thread.
 */
final class GridTempo {
    /**
     * An intro bar is at most this much faster than the steady tempo; a shorter one takes an extra bar's
     * time. Generous because the intro is held, not grooved (its tempo is seen in the DAW, not heard),
     * and a short intro keeps the hits that set the phase on the steady grid rather than inside the intro.
     */
    static final double MAX_INTRO_SPEEDUP = 3;
    /** A downbeat closer than this to 0 s needs no intro, seconds (well under a MIDI tick's audibility). */
    static final double NO_INTRO_SECONDS = 0.002;

    private GridTempo() {}

    /** The tempo map of a fit: constant if its grid starts at 0 s, else an intro bar, then the fitted tempo. */
    static TempoMap of(TempoFitter.Fit fit, int beatsPerBar) {
        double bar = beatsPerBar * 60 / fit.bpm();
        double downbeat = fit.downbeatSeconds();
        if (downbeat < NO_INTRO_SECONDS || bar - downbeat < NO_INTRO_SECONDS) {
            return TempoMap.constant(fit.bpm(), beatsPerBar);
        }
        // The intro ends on the first or second fitted downbeat, whichever keeps it near the tempo.
        double intro = downbeat * MAX_INTRO_SPEEDUP >= bar ? downbeat : downbeat + bar;
        double introBpm = beatsPerBar * 60 / intro;
        return new TempoMap(beatsPerBar, List.of(new TempoMap.Change(0, 0, introBpm),
                new TempoMap.Change(beatsPerBar, intro, fit.bpm())));
    }

    /** Whether the map opens with an intro bar in its own tempo (bar 0 is then rubato, not groove). */
    static boolean hasIntro(TempoMap map) {
        return map.changes().size() > 1 && map.changes().get(1).beat() == map.beatsPerBar();
    }

    /**
     * The tempo the music moves in at a time, bpm: the map's tempo there, but in the intro bar the tempo
     * after it (the intro is held, its own tempo only fits the grid's phase).
     */
    static double grooveBpmAt(TempoMap map, double seconds) {
        double beat = Math.max(map.beatAt(seconds), hasIntro(map) ? map.beatsPerBar() : 0);
        TempoMap.Change in = map.changes().get(0);
        for (TempoMap.Change c : map.changes()) {
            if (c.beat() <= beat) {
                in = c;
            }
        }
        return in.bpm();
    }

    /** The steady tempo: after the intro bar, if any, until the first section's change, bpm. */
    static double steadyBpm(TempoMap map) {
        return grooveBpmAt(map, 0);
    }
}
