package org.v2mzero.models.compose;

import java.util.ArrayList;
import java.util.List;

/**
 * The band's re-entry on a marked hit, after its {@link StopTime} breath: the harmony changes on the
 * hit (it strikes the next bar's chord early, a "push", unless the hit already sits on a bar line) and
 * the bass strikes that chord's root, both forte, held through the hit's ring ({@link HitForm}) or to
 * the next bar line, after which the written harmony goes on. A chord change and a dynamics jump on the same instant is what makes a hit read
 * as the music's event rather than one more beat. Stateless; any thread.
 */
final class HitChords {
    /** How much louder the re-entry is than its bar's own harmony (50..95 by intensity), MIDI velocity. */
    static final int JUMP = 30;
    /** A hit within this share of a beat after a bar line belongs to that bar's own chord. */
    static final double ON_BAR_BEATS = 0.25;
    /**
     * The harmony's re-entry is a stab this many beats long, not a chord held through the ring: a held
     * string or pad chord's vibrato and chorus read as a stream of small onsets (FluidR3's String
     * Ensemble alone: about six a second by the project's onset rule), so the ring is carried by the
     * bass's pedal and the tails of the crash and the fx accent, which only decay.
     */
    static final double STAB_BEATS = 1;
    /** Shortest re-entry chord, seconds; a hit just before a bar line re-enters on the bar's chord. */
    static final double MIN_SECONDS = 0.12;

    private HitChords() {}

    /**
     * The harmony's re-entry chords, voiced from {@link HarmonyWriter#LOW} in root position with the root
     * doubled an octave up: a tutti chord, wider than the bar's own three voices, so the hit also opens
     * the register, not only the volume; a stab of {@link #STAB_BEATS} on a hit that rings, else held to
     * the next bar line.
     */
    static List<Note> harmony(CuePlan plan, HitForm form) {
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < form.marks().size(); i++) {
            double mark = form.marks().get(i);
            int[] voicing = HarmonyWriter.inversion(chordAt(plan, mark), 0);
            boolean rings = form.ringEnds().get(i) > mark;
            double length = rings ? Math.min(ringing(form, i), STAB_BEATS * plan.beatSecondsAt(mark)) : ringing(form, i);
            for (int pitch : voicing) {
                notes.add(new Note(mark, length, pitch, velocity(plan, mark)));
            }
            notes.add(new Note(mark, length, voicing[0] + 12, velocity(plan, mark)));
        }
        return notes;
    }

    /**
     * The melody's stab on the hit: the chord's root and fifth above {@link MelodyWriter#LOW}, half a
     * beat long, the top of the tutti; the motif goes on after it as written.
     */
    static List<Note> melody(CuePlan plan, HitForm form) {
        List<Note> notes = new ArrayList<>();
        for (double mark : form.marks()) {
            int[] chord = chordAt(plan, mark);
            int root = Notes.atOrAbove(chord[0], MelodyWriter.LOW);
            double length = Math.max(MIN_SECONDS, 0.5 * plan.beatSecondsAt(mark));
            notes.add(new Note(mark, length, root, velocity(plan, mark)));
            notes.add(new Note(mark, length, Notes.atOrAbove(chord[2], root), velocity(plan, mark) - 10));
        }
        return notes;
    }

    /** The bass's re-entry: the root of the hit's chord, an octave doubled, held through the ring (a pedal). */
    static List<Note> bass(CuePlan plan, HitForm form) {
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < form.marks().size(); i++) {
            double mark = form.marks().get(i);
            int root = Notes.atOrAbove(chordAt(plan, mark)[0], BassWriter.LOW);
            double length = ringing(form, i);
            notes.add(new Note(mark, length, root, velocity(plan, mark)));
            notes.add(new Note(mark, length, root + 12, velocity(plan, mark) - 15));
        }
        return notes;
    }

    /**
     * The re-entry's velocity: {@link #JUMP} above the harmony dynamics of the hit's bar or of the bar
     * that swelled into it, whichever is louder, so a gentle cue's hit is still gentler than an
     * aggressive one's, but always a step up from what it interrupts.
     */
    static int velocity(CuePlan plan, double seconds) {
        double before = plan.tempoMap().secondsAt(plan.tempoMap().beatAt(seconds) - 1);
        double intensity = Math.max(intensityAt(plan, seconds), intensityAt(plan, before));
        return Notes.clamp((int) Math.round(50 + 45 * intensity) + JUMP, 1, 127);
    }

    /** The intensity (0..1) of the bar a time falls in. */
    static double intensityAt(CuePlan plan, double seconds) {
        int bar = (int) Math.floor(plan.tempoMap().beatAt(seconds) / plan.beatsPerBar());
        return plan.intensity()[Math.max(0, Math.min(plan.bars() - 1, bar))];
    }

    /**
     * The chord a hit re-enters on: its bar's, if it sits on the bar line, else the next bar's; but
     * never the chord the hit interrupts (the one sounding half a beat before it), which a progression
     * that repeats a chord would give: a hit on the chord already sounding is no change of harmony.
     * Then it re-enters a diatonic third lower (i to VI, IV to ii), the same chord's relative, which
     * keeps two of its tones and changes its colour.
     */
    static int[] chordAt(CuePlan plan, double seconds) {
        double beat = plan.tempoMap().beatAt(seconds);
        int bar = (int) Math.floor(beat / plan.beatsPerBar());
        double intoBar = beat - bar * plan.beatsPerBar();
        int chordBar = intoBar <= ON_BAR_BEATS ? bar : bar + 1;
        int[] chord = plan.chords()[Math.max(0, Math.min(plan.bars() - 1, chordBar))];
        int before = (int) Math.floor((beat - 0.5) / plan.beatsPerBar());
        if (before >= 0 && java.util.Arrays.equals(chord, plan.chords()[Math.min(plan.bars() - 1, before)])) {
            for (int degree = 0; degree < 7; degree++) {
                if (plan.key().triad(degree)[0] == chord[0]) {
                    return plan.key().triad(degree - 2 + 7);
                }
            }
        }
        return chord;
    }

    /** How long the re-entry of mark {@code i} holds: to just before its ring ends, or the next bar line. */
    private static double ringing(HitForm form, int i) {
        return Math.max(MIN_SECONDS, form.holdEnds().get(i) - form.marks().get(i) - 0.02);
    }
}
