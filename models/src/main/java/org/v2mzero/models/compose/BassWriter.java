package org.v2mzero.models.compose;

import java.util.ArrayList;
import java.util.List;

/**
 * The bass stem: each bar's chord root in the low register, whole notes in calm bars, half notes in
 * moderate ones, quarter notes (octave jump on the off-beats) in busy ones; a whole note under an intro bar. Stateless; any thread.
 */
final class BassWriter {
    /** Lowest bass pitch (G1): roots sit in G1..F#2. */
    static final int LOW = 31;

    private BassWriter() {}

    static StemPart write(CuePlan plan, int program) {
        List<Note> notes = new ArrayList<>();
        for (int bar = 0; bar < plan.bars(); bar++) {
            double intensity = plan.intensity()[bar];
            int root = Notes.atOrAbove(plan.chords()[bar][0], LOW);
            int perBar = intensity < 1 / 3.0 || plan.isIntro(bar) ? 1 : intensity < 2 / 3.0 ? 2 : plan.beatsPerBar();
            double beats = plan.beatsPerBar() / (double) perBar;
            int velocity = (int) Math.round(70 + 40 * intensity);
            for (int i = 0; i < perBar; i++) {
                double startBeat = bar * plan.beatsPerBar() + i * beats;
                double start = plan.secondsAt(startBeat);
                double length = plan.secondsAt(startBeat + beats) - start;
                int pitch = perBar > 2 && i % 2 == 1 ? root + 12 : root;
                // Slightly detached so repeated roots re-articulate.
                notes.add(new Note(start, length * 0.92, pitch, velocity));
            }
        }
        return new StemPart("bass", program, false, Notes.clip(notes, plan.durationSeconds()));
    }
}
