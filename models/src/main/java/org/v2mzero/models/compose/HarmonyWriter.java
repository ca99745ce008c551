package org.v2mzero.models.compose;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The harmony stem: one chord per bar, voice-led (each triad takes the inversion nearest to the previous
 * one, so voices move by small steps; the seed picks the first inversion), layered by the bar's
 * intensity: two voices (the triad's outer ones) in a thin bar, three in a middling one, four (the
 * root doubled above) in a full one. In the bar that swells into a hit ({@link #swells}) the chord is
 * struck on every beat, in crescendo, up to the hit's breath. Stateless; any thread.
 */
final class HarmonyWriter {
    /** Lowest note of a voicing (E3); voicings stay roughly within E3..E5. */
    static final int LOW = 52;
    /** Below this intensity a bar's chord has two voices. */
    static final double THIN = 0.35;
    /** From this intensity on a bar's chord has four voices. */
    static final double FULL = 0.7;
    /** A bar whose arc ({@link HitForm#arc}) reaches this leads into the next hit: it swells. */
    static final double SWELL_ARC = 0.7;
    /** Velocity added per beat of a swelling bar. */
    static final int SWELL_STEP = 5;

    private HarmonyWriter() {}

    static StemPart write(CuePlan plan, int program, long seed, HitForm form) {
        double[] arc = form.arc(plan);
        List<Note> notes = new ArrayList<>();
        int[] previous = null;
        for (int bar = 0; bar < plan.bars(); bar++) {
            int[] triad = previous == null
                    ? inversion(plan.chords()[bar], (int) Math.floorMod(seed, 3L))
                    : nearest(plan.chords()[bar], previous);
            previous = triad;
            int[] voices = layered(triad, plan.intensity()[bar]);
            int velocity = (int) Math.round(50 + 45 * plan.intensity()[bar]);
            int strikes = swells(plan, bar, arc) ? plan.beatsPerBar() : 1;
            double beats = plan.beatsPerBar() / (double) strikes;
            for (int k = 0; k < strikes; k++) {
                double start = plan.secondsAt(bar * plan.beatsPerBar() + k * beats);
                double end = plan.secondsAt(bar * plan.beatsPerBar() + (k + 1) * beats);
                for (int pitch : voices) {
                    // Released just before the next strike so a held common tone is struck again, not cut.
                    notes.add(new Note(start, end - start - 0.02, pitch, velocity + k * SWELL_STEP));
                }
            }
        }
        return new StemPart("harmony", program, false, Notes.clip(notes, plan.durationSeconds()));
    }

    /** Whether a bar swells into a hit: in the last stretch of the way to it ({@link #SWELL_ARC}), and not the intro. */
    static boolean swells(CuePlan plan, int bar, double[] arc) {
        return arc[bar] >= SWELL_ARC && !plan.isIntro(bar);
    }

    /** The voices of a triad at an intensity: its outer two, all three, or all three and the bottom an octave up. */
    static int[] layered(int[] triad, double intensity) {
        if (intensity < THIN) {
            return new int[] {triad[0], triad[triad.length - 1]};
        }
        if (intensity < FULL) {
            return triad;
        }
        int[] four = Arrays.copyOf(triad, triad.length + 1);
        four[triad.length] = triad[0] + 12;
        return four;
    }

    /** The chord's inversion {@code n} (0 root position) with its lowest note at or above {@link #LOW}. */
    static int[] inversion(int[] pitchClasses, int n) {
        int[] voicing = new int[pitchClasses.length];
        int low = LOW;
        for (int i = 0; i < pitchClasses.length; i++) {
            voicing[i] = Notes.atOrAbove(pitchClasses[(i + n) % pitchClasses.length], low);
            low = voicing[i] + 1;
        }
        return voicing;
    }

    /** Of all inversions, the one whose voices move least (sum of semitones) from {@code previous}. */
    static int[] nearest(int[] pitchClasses, int[] previous) {
        int[] best = null;
        int bestCost = Integer.MAX_VALUE;
        for (int n = 0; n < pitchClasses.length; n++) {
            int[] candidate = inversion(pitchClasses, n);
            int cost = 0;
            for (int i = 0; i < candidate.length; i++) {
                cost += Math.abs(candidate[i] - previous[i]);
            }
            if (cost < bestCost) {
                best = candidate;
                bestCost = cost;
            }
        }
        return Arrays.copyOf(best, best.length);
    }
}
