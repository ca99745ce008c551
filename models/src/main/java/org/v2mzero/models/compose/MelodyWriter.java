package org.v2mzero.models.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The melody stem: a one-bar motif (rhythm and chord-tone contour drawn from the seed) repeated over the
 * chords in bars of at least moderate intensity, silent in calm bars so the picture can breathe, and in
 * an intro bar, whose tempo is not the motif's.
 * Stateless; any thread.
 */
final class MelodyWriter {
    /** Bars calmer than this have no melody. */
    static final double MIN_INTENSITY = 0.45;
    /** Lowest melody pitch (G4). */
    static final int LOW = 67;
    private static final long SALT = 0x3E10_D1E5L;
    /** Motif rhythms: onsets within a 4-beat bar, in beats. */
    private static final double[][] RHYTHMS = {
        {0, 1, 2, 3}, {0, 1.5, 2, 3}, {0, 0.5, 1, 2}, {0, 2, 2.5, 3}, {0, 1, 1.5, 2.5}, {0, 3}
    };

    private MelodyWriter() {}

    static StemPart write(CuePlan plan, int program, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ SALT);
        double[] rhythm = RHYTHMS[random.nextInt(RHYTHMS.length)];
        int[] contour = new int[rhythm.length];
        for (int i = 0; i < contour.length; i++) {
            contour[i] = random.nextInt(4); // chord tone index; 3 = root an octave up
        }
        double barBeats = plan.beatsPerBar();
        double scale = barBeats / 4;
        List<Note> notes = new ArrayList<>();
        for (int bar = 0; bar < plan.bars(); bar++) {
            if (plan.intensity()[bar] < MIN_INTENSITY || plan.isIntro(bar)) {
                continue;
            }
            int[] chord = plan.chords()[bar];
            int velocity = (int) Math.round(60 + 50 * plan.intensity()[bar]);
            for (int i = 0; i < rhythm.length; i++) {
                double startBeat = bar * barBeats + rhythm[i] * scale;
                double endBeat = bar * barBeats + (i + 1 < rhythm.length ? rhythm[i + 1] * scale : barBeats);
                int pitch = Notes.atOrAbove(chord[contour[i] % 3], LOW) + (contour[i] == 3 ? 12 : 0);
                double start = plan.secondsAt(startBeat);
                notes.add(new Note(start, (plan.secondsAt(endBeat) - start) * 0.9, pitch, velocity));
            }
        }
        return new StemPart("melody", program, false, Notes.clip(notes, plan.durationSeconds()));
    }
}
