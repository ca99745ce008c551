package org.v2mzero.models.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The drum stem (GM kit): the style's bar pattern thinned by each bar's intensity (calm bars keep only
 * the downbeats, busy bars the whole pattern), velocities following intensity, and a crash at the exact
 * time of each accent. Away from the picture's accents the groove plays in a simpler feel (kick and
 * back-beat on eighths, time on the beats); the bar leading into an accent and the accent's own bar
 * get the whole pattern. So the kit builds into the hits the grid was fitted to, and a moment with no
 * hit is less likely to get a stroke of its own. Stateless; any thread.
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
        boolean[] full = nearAccent(plan, accents);
        for (int bar = 0; bar < plan.bars(); bar++) {
            double intensity = plan.intensity()[bar];
            int kickGrid = full[bar] ? 1 : 2;
            int timeGrid = full[bar] ? 1 : DrumPattern.STEPS_PER_BEAT;
            // The intro bar is out of the groove's tempo: one stroke on its downbeat, the groove starts on the grid.
            int steps = plan.isIntro(bar) ? 1 : pattern.steps();
            for (int step = 0; step < steps; step++) {
                double time = plan.secondsAt(bar * plan.beatsPerBar() + step * stepBeats);
                addStep(notes, pattern.kickPitch(), pattern.kick().charAt(step), step, intensity, kickGrid, time, random);
                addStep(notes, pattern.snarePitch(), pattern.snare().charAt(step), step, intensity, kickGrid, time,
                        random);
                addStep(notes, pattern.hatPitch(), pattern.hat().charAt(step), step, intensity, timeGrid, time, random);
            }
        }
        for (AccentWriter.Accent a : accents) {
            notes.add(new Note(a.time(), 1.0, CRASH, Notes.clamp((int) (95 + 10 * a.strength()), 95, 127)));
        }
        return new StemPart("drums", 0, true, Notes.clip(notes, plan.durationSeconds()));
    }

    /** A fill's crescendo, MIDI velocity in a busy bar: up to forte, below the hit that follows (see {@link Risers#TO_VELOCITY}). */
    static final int FILL_FROM = 64;
    static final int FILL_TO = 88;
    /** Toms of the GM kit, high to low: a fill runs down them. */
    static final int[] TOMS = {50, 48, 47, 45, 43, 41};

    /**
     * The kit with a fill leading into each section change: the groove gives way, over the lead's last
     * beat (two in a busy bar), to sixteenths that start on the kit's back-beat voice and run down the
     * toms ({@link DrumPattern.Fill#TOMS}) or stay on it ({@link DrumPattern.Fill#SNARE}), in crescendo,
     * up to the change (or its breath). Crashes stay.
     */
    static StemPart fill(StemPart drums, List<SectionLeads> leads, CuePlan plan, DrumPattern pattern) {
        List<Note> notes = new ArrayList<>(drums.notes());
        for (SectionLeads lead : leads) {
            double toBeat = plan.tempoMap().beatAt(lead.to());
            double busy = HitChords.intensityAt(plan, plan.secondsAt(toBeat - 0.5));
            double fromBeat = Math.max(plan.tempoMap().beatAt(lead.from()), toBeat - (busy >= 2 / 3.0 ? 2 : 1));
            double from = plan.secondsAt(fromBeat);
            notes.removeIf(n -> n.pitch() != CRASH && n.startSeconds() >= from - 1e-9 && n.startSeconds() < lead.to());
            double first = Math.ceil(fromBeat * DrumPattern.STEPS_PER_BEAT - 1e-6) / DrumPattern.STEPS_PER_BEAT;
            int steps = (int) Math.ceil((toBeat - first) * DrumPattern.STEPS_PER_BEAT - 1e-6);
            for (int k = 0; k < steps; k++) {
                double start = plan.secondsAt(first + k / (double) DrumPattern.STEPS_PER_BEAT);
                double progress = steps == 1 ? 1 : k / (steps - 1.0);
                int pitch = 2 * k < steps || pattern.fill() == DrumPattern.Fill.SNARE ? pattern.snarePitch()
                        : TOMS[Math.min(TOMS.length - 1, (int) ((2.0 * k - steps) / steps * TOMS.length))];
                int velocity = (int) Math.round((FILL_FROM + (FILL_TO - FILL_FROM) * progress) * (0.7 + 0.3 * busy));
                notes.add(new Note(start, HIT_SECONDS, pitch, velocity));
            }
        }
        return new StemPart(drums.name(), drums.program(), drums.percussion(), Notes.clip(notes, plan.durationSeconds()));
    }

    /** Per bar, whether it holds an accent or leads into one (the next bar holds one). */
    static boolean[] nearAccent(CuePlan plan, List<AccentWriter.Accent> accents) {
        boolean[] near = new boolean[plan.bars()];
        for (AccentWriter.Accent a : accents) {
            int bar = (int) Math.floor(plan.tempoMap().beatAt(a.time()) / plan.beatsPerBar());
            for (int b = bar - 1; b <= bar; b++) {
                if (b >= 0 && b < near.length) {
                    near[b] = true;
                }
            }
        }
        return near;
    }

    /**
     * Adds one pattern step if the bar is intense enough for it (below 1/3 only steps on every other
     * beat, below 2/3 only eighth-note steps, above that everything) and it falls on {@code minGrid}.
     *
     * @param minGrid the coarsest the voice may be in this bar, in sixteenth steps (1, 2 or 4)
     */
    private static void addStep(List<Note> notes, int pitch, char mark, int step, double intensity, int minGrid,
            double time, SplittableRandom random) {
        if (mark == '.') {
            return;
        }
        int grid = Math.max(minGrid, intensity < 1 / 3.0 ? 8 : intensity < 2 / 3.0 ? 2 : 1);
        if (step % grid != 0) {
            return;
        }
        double base = mark == 'x' ? 100 : 70;
        // A little seeded variation keeps repeated bars from sounding machine-gunned.
        int velocity = (int) Math.round(base * (0.6 + 0.4 * intensity)) + random.nextInt(-4, 5);
        notes.add(new Note(time, HIT_SECONDS, pitch, velocity));
    }
}
