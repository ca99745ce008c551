package org.v2mzero.models.compose;

import java.util.ArrayList;
import java.util.List;

/**
 * The bass stem: each bar's chord root in the low register, whole notes in calm bars, half notes in
 * moderate ones, quarter notes (octave jump on the off-beats) in busy ones; a whole note under an intro bar.
 * Under a kit played with brushes ({@link DrumPattern#BRUSHES}, jazz) the bass is a combo's upright:
 * at the kit's level and legato, each note held into the next as a walking player connects them, so
 * the band's ordinary beats stay under the forte re-entries on the picture's hits ({@link HitChords}).
 * Detached and at full level it was the loudest attack of a quiet style: on big_buck_bunny, jazz's
 * reversed-curve control, whose grid (140.1 bpm, like the take's) falls within 17 ms of the true cuts,
 * had an onset on its beat-3 root 6 ms from the cut at 11.79 s (control recall 0.67, ratio 1.5).
 * Stateless; any thread.
 */
final class BassWriter {
    /** Lowest bass pitch (G1): roots sit in G1..F#2. */
    static final int LOW = 31;

    private BassWriter() {}

    /** Detached bass at full level, for a style played with sticks or without a kit. */
    static StemPart write(CuePlan plan, int program) {
        return write(plan, program, 1.0);
    }

    /**
     * @param level the kit's level ({@link DrumPattern#level}): 1 detached at full velocity, less for
     *              a bass at that level, legato
     */
    static StemPart write(CuePlan plan, int program, double level) {
        if (!(level > 0 && level <= 1)) {
            throw new IllegalArgumentException("level : " + level + " (expected: 0 < level <= 1)");
        }
        boolean legato = level < 1;
        List<Note> notes = new ArrayList<>();
        for (int bar = 0; bar < plan.bars(); bar++) {
            double intensity = plan.intensity()[bar];
            int root = Notes.atOrAbove(plan.chords()[bar][0], LOW);
            int perBar = intensity < 1 / 3.0 || plan.isIntro(bar) ? 1 : intensity < 2 / 3.0 ? 2 : plan.beatsPerBar();
            double beats = plan.beatsPerBar() / (double) perBar;
            int velocity = (int) Math.round((70 + 40 * intensity) * level);
            for (int i = 0; i < perBar; i++) {
                double startBeat = bar * plan.beatsPerBar() + i * beats;
                double start = plan.secondsAt(startBeat);
                double length = plan.secondsAt(startBeat + beats) - start;
                int pitch = perBar > 2 && i % 2 == 1 ? root + 12 : root;
                // Slightly detached so repeated roots re-articulate; legato is held to the next note.
                notes.add(new Note(start, legato ? length : length * 0.92, pitch, velocity));
            }
        }
        return new StemPart("bass", program, false, Notes.clip(notes, plan.durationSeconds()));
    }
}
