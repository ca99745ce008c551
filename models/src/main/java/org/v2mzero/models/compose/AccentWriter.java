package org.v2mzero.models.compose;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.v2mzero.protocol.CurveAnalysis;
import org.v2mzero.protocol.Hit;

/**
 * The fx stem: a loud accent at the exact time of each strong hit and each cut, on or off the grid.
 * This is what makes the music answer the picture, so it never moves a hit to the beat.
 * Stateless; any thread.
 */
final class AccentWriter {
    /** Hits at least this strong (z-score) are accented. */
    static final double MIN_STRENGTH = 1.0;
    /** At most this many hits per minute of cue are accented (cuts always are). */
    static final double MAX_PER_MINUTE = 20;
    /** Hits closer than this to a stronger accent merge into it, seconds. */
    static final double MERGE_SECONDS = 0.025;
    static final double ACCENT_SECONDS = 1.5;

    /** A moment to accent and how strong it is (z-score; cuts count as {@link #CUT_STRENGTH}). */
    record Accent(double time, double strength) {}

    static final double CUT_STRENGTH = 2.0;
    /** GM programs that are drums tuned to the key: timpani, agogo, woodblock, taiko, melodic tom, synth drum, reverse cymbal. */
    static final java.util.Set<Integer> DRUM_PROGRAMS = java.util.Set.of(47, 113, 115, 116, 117, 118, 119);

    private AccentWriter() {}

    /**
     * The moments to accent: every cut and the strongest hits (at least {@link #MIN_STRENGTH}, at most
     * {@link #MAX_PER_MINUTE} per minute), strongest first, inside [0, duration), merged within 25 ms.
     */
    static List<Accent> accents(CurveAnalysis analysis, double durationSeconds) {
        List<Accent> candidates = new ArrayList<>();
        analysis.cuts().forEach(t -> candidates.add(new Accent(t, CUT_STRENGTH)));
        int maxHits = (int) Math.max(1, Math.ceil(MAX_PER_MINUTE * durationSeconds / 60));
        analysis.hits().stream().filter(h -> h.strength() >= MIN_STRENGTH)
                .sorted(Comparator.comparingDouble(Hit::strength).reversed()).limit(maxHits)
                .forEach(h -> candidates.add(new Accent(h.time(), h.strength())));
        candidates.sort(Comparator.comparingDouble(Accent::strength).reversed().thenComparingDouble(Accent::time));
        List<Accent> kept = new ArrayList<>();
        for (Accent a : candidates) {
            boolean inside = a.time() >= 0 && a.time() < durationSeconds - Notes.MIN_SECONDS;
            boolean merged = kept.stream().anyMatch(k -> Math.abs(k.time() - a.time()) < MERGE_SECONDS);
            if (inside && !merged) {
                kept.add(a);
            }
        }
        return kept;
    }

    /**
     * The fx part: one note per accent, velocity 100..127 by strength, on the root of the chord the
     * band re-enters with there ({@link HitChords#chordAt}) in the style's fx octave ({@link #pitch}). The impact doubles
     * the hit's new harmony: an accent always on the tonic would repeat what was sounding before the hit
     * whenever the chord it interrupts holds the tonic (a held tonic pad under an fx on the same note:
     * synthwave on big_buck_bunny, seed 2, lost its first cut's accent to exactly that).
     */
    static StemPart write(List<Accent> accents, Style style, CuePlan plan) {
        List<Note> notes = new ArrayList<>();
        for (Accent a : accents) {
            int velocity = Notes.clamp((int) Math.round(100 + 9 * (a.strength() - MIN_STRENGTH)), 100, 127);
            notes.add(new Note(a.time(), ACCENT_SECONDS, pitch(style, plan, a.time()), velocity));
        }
        return new StemPart("fx", style.fxProgram(), false, Notes.clip(notes, plan.durationSeconds()));
    }

    /**
     * The fx accent's key at a time, in the fx octave: the root of the chord the band re-enters with;
     * the key's tonic for a drum ({@link #DRUM_PROGRAMS}), which is tuned once, not per chord (a taiko
     * or timpani played up the octave to the chord's root is a thinner, weaker drum: trailer's taiko
     * on A flat instead of C lost testvideo's second cut its accent in every seed tried).
     */
    static int pitch(Style style, CuePlan plan, double seconds) {
        boolean drum = DRUM_PROGRAMS.contains(style.fxProgram());
        int pitchClass = drum ? plan.key().tonic() : HitChords.chordAt(plan, seconds)[0];
        return Notes.clamp(Notes.atOrAbove(pitchClass, 12 * (style.fxOctave() + 1)), 0, 115);
    }
}
