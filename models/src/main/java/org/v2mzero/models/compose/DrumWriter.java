package org.v2mzero.models.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The drum stem (GM kit): the style's bar pattern thinned by each bar's intensity (calm bars keep only
 * the downbeats, busy bars the whole pattern), velocities following intensity, and a crash at the exact
 * time of each accent. Stateless; any thread.
 */
final class DrumWriter {
    static final int CRASH = 49;
    private static final double HIT_SECONDS = 0.12;
    private static final long SALT = 0xD7D7_0001L;

    private DrumWriter() {}

    static StemPart write(CuePlan plan, DrumPattern pattern, List<AccentWriter.Accent> accents, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ SALT);
        List<Note> notes = new ArrayList<>();
        double stepBeats = 1.0 / DrumPattern.STEPS_PER_BEAT;
        for (int bar = 0; bar < plan.bars(); bar++) {
            double intensity = plan.intensity()[bar];
            // The intro bar is out of the groove's tempo: one stroke on its downbeat, the groove starts on the grid.
            int steps = plan.isIntro(bar) ? 1 : pattern.steps();
            for (int step = 0; step < steps; step++) {
                double time = plan.secondsAt(bar * plan.beatsPerBar() + step * stepBeats);
                addStep(notes, pattern.kickPitch(), pattern.kick().charAt(step), step, intensity, time, random);
                addStep(notes, pattern.snarePitch(), pattern.snare().charAt(step), step, intensity, time, random);
                addStep(notes, pattern.hatPitch(), pattern.hat().charAt(step), step, intensity, time, random);
            }
        }
        for (AccentWriter.Accent a : accents) {
            notes.add(new Note(a.time(), 1.0, CRASH, Notes.clamp((int) (95 + 10 * a.strength()), 95, 127)));
        }
        return new StemPart("drums", 0, true, Notes.clip(notes, plan.durationSeconds()));
    }

    /**
     * Adds one pattern step if the bar is intense enough for it: below 1/3 only steps on every other beat,
     * below 2/3 only eighth-note steps, above that everything.
     */
    private static void addStep(List<Note> notes, int pitch, char mark, int step, double intensity,
            double time, SplittableRandom random) {
        if (mark == '.') {
            return;
        }
        int grid = intensity < 1 / 3.0 ? 8 : intensity < 2 / 3.0 ? 2 : 1;
        if (step % grid != 0) {
            return;
        }
        double base = mark == 'x' ? 100 : 70;
        // A little seeded variation keeps repeated bars from sounding machine-gunned.
        int velocity = (int) Math.round(base * (0.6 + 0.4 * intensity)) + random.nextInt(-4, 5);
        notes.add(new Note(time, HIT_SECONDS, pitch, velocity));
    }
}
