package org.v2mzero.models.compose;

import java.util.ArrayList;
import java.util.List;

/**
 * The melody stem: the seed's {@link Motif}, developed over four-bar phrases (statement, answer,
 * sequence, cadence) that start again at each section of the picture, a chord tone higher per section,
 * laid over each bar's chord. Calm bars are silent so the picture can breathe, middling ones play the
 * motif's head only, full ones all of it; a bar that swells into a hit ({@link HarmonyWriter#swells})
 * plays the sequence in crescendo. The intro bar, whose tempo is not the motif's, is silent.
 * Stateless; any thread.
 */
final class MelodyWriter {
    /** Bars calmer than this have no melody. */
    static final double MIN_INTENSITY = 0.45;
    /** Bars calmer than this play only the motif's head. */
    static final double FULL_INTENSITY = 0.6;
    /** Lowest melody pitch (G4), for the stab on a hit. */
    static final int LOW = 67;
    /** The motif's root sits at or above this (C4): its tones climb from there. */
    static final int ROOT_LOW = 60;
    /** A tone above this (C6, the top of a horn's or a voice's comfortable range) is played an octave lower. */
    static final int HIGH = 84;
    /** Velocity added per note of a swelling bar. */
    static final int SWELL_STEP = 4;
    private static final long SALT = 0x3E10_D1E5L;

    private MelodyWriter() {}

    /**
     * @param sectionOfBar per bar, the index of the picture's section it starts in
     */
    static StemPart write(CuePlan plan, int program, long seed, HitForm form, int[] sectionOfBar) {
        Motif motif = Motif.of(seed ^ SALT);
        double[] arc = form.arc(plan);
        double scale = plan.beatsPerBar() / 4.0;
        List<Note> notes = new ArrayList<>();
        int phraseStart = 0;
        for (int bar = 0; bar < plan.bars(); bar++) {
            if (bar > 0 && sectionOfBar[bar] != sectionOfBar[bar - 1]) {
                phraseStart = bar;
            }
            double intensity = plan.intensity()[bar];
            if (intensity < MIN_INTENSITY || plan.isIntro(bar)) {
                continue;
            }
            boolean swell = HarmonyWriter.swells(plan, bar, arc);
            int phraseBar = swell ? 2 : bar - phraseStart;
            Motif.Bar line = motif.bar(phraseBar, sectionOfBar[bar], intensity < FULL_INTENSITY && !swell);
            int velocity = (int) Math.round(60 + 50 * intensity);
            for (int i = 0; i < line.onsets().length; i++) {
                double startBeat = bar * plan.beatsPerBar() + line.onsets()[i] * scale;
                double start = plan.secondsAt(startBeat);
                double end = plan.secondsAt(startBeat + line.beats()[i] * scale);
                int pitch = Motif.pitch(plan.chords()[bar], line.tones()[i], ROOT_LOW);
                pitch = pitch > HIGH ? pitch - 12 : pitch;
                notes.add(new Note(start, (end - start) * 0.9, pitch, velocity + (swell ? i * SWELL_STEP : 0)));
            }
        }
        return new StemPart("melody", program, false, Notes.clip(notes, plan.durationSeconds()));
    }

    /** Per bar, the index of the section (of {@code changes}, ascending section starts after 0) its start lies in. */
    static int[] sections(CuePlan plan, List<Double> changes) {
        int[] out = new int[plan.bars()];
        for (int bar = 0; bar < out.length; bar++) {
            double start = plan.barStart(bar) + 1e-6;
            out[bar] = (int) changes.stream().filter(c -> c > 0 && c <= start).count();
        }
        return out;
    }
}
