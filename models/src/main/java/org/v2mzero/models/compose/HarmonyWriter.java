package org.v2mzero.models.compose;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The harmony stem: one sustained three-voice chord per bar, voice-led (each chord takes the inversion
 * nearest to the previous one, so voices move by small steps). The seed picks the first inversion.
 * Stateless; any thread.
 */
final class HarmonyWriter {
    /** Lowest note of a voicing (E3); voicings stay roughly within E3..E5. */
    static final int LOW = 52;

    private HarmonyWriter() {}

    static StemPart write(CuePlan plan, int program, long seed) {
        List<Note> notes = new ArrayList<>();
        int[] previous = null;
        for (int bar = 0; bar < plan.bars(); bar++) {
            int[] voicing = previous == null
                    ? inversion(plan.chords()[bar], (int) Math.floorMod(seed, 3L))
                    : nearest(plan.chords()[bar], previous);
            double start = plan.barStart(bar);
            double length = plan.barStart(bar + 1) - start;
            int velocity = (int) Math.round(50 + 45 * plan.intensity()[bar]);
            for (int pitch : voicing) {
                // Released just before the next bar so a held common tone is struck again, not cut.
                notes.add(new Note(start, length - 0.02, pitch, velocity));
            }
            previous = voicing;
        }
        return new StemPart("harmony", program, false, Notes.clip(notes, plan.durationSeconds()));
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
