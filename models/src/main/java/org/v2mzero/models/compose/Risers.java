package org.v2mzero.models.compose;

import java.util.ArrayList;
import java.util.List;

/**
 * The fx stem's risers: into each section change the fx instrument plays an accelerating figure
 * (a stroke a beat, then eighths over the second-last beat, sixteenths over the last) that climbs a
 * semitone each beat to the fifth above the root the hit lands on, and grows from piano to forte;
 * it stops where the lead ends (the breath before a hit stays air) and the hit's own accent falls a
 * fifth to the root. A timpani or taiko roll, a brass or synth run: the same gesture in the style's fx
 * sound. Ending on another pitch than the impact matters to the ear's (and the music curve's) sense of
 * a new event: a riser's tail on the very key the impact strikes makes the impact no new sound (trailer
 * taiko on testvideo, riser and impact both on A flat: the cut's music curve stayed flat).
 * Stateless; any thread.
 */
final class Risers {
    static final int FROM_VELOCITY = 40;
    /**
     * Forte, not fortissimo: the hit after the drop is the loud one. A riser that ends as loud as
     * the hit leaves its tail in the drop as loud as the hit's onset, and the hit is no step up (on
     * big_buck_bunny, rising to 112 cost the first cut its accent in two of four seeds; to 88, none).
     */
    static final int TO_VELOCITY = 88;

    private Risers() {}

    /** The riser notes for every lead, in the fx octave of {@code style}. */
    static List<Note> notes(List<SectionLeads> leads, CuePlan plan, Style style) {
        List<Note> notes = new ArrayList<>();
        for (SectionLeads lead : leads) {
            double fromBeat = plan.tempoMap().beatAt(lead.from());
            double toBeat = plan.tempoMap().beatAt(lead.to());
            int top = AccentWriter.pitch(style, plan, lead.change()) + 7;
            int lastStep = (int) Math.ceil(toBeat - fromBeat - 1e-6) - 1;
            List<Double> strokes = strokes(fromBeat, toBeat);
            for (int i = 0; i < strokes.size(); i++) {
                double beat = strokes.get(i);
                double next = i + 1 < strokes.size() ? strokes.get(i + 1) : toBeat;
                double start = plan.secondsAt(beat);
                double progress = (beat - fromBeat) / (toBeat - fromBeat);
                int step = (int) Math.floor(beat - fromBeat + 1e-6);
                int pitch = top - (lastStep - step);
                int velocity = (int) Math.round(FROM_VELOCITY + (TO_VELOCITY - FROM_VELOCITY) * progress);
                notes.add(new Note(start, plan.secondsAt(next) - start, Notes.clamp(pitch, 0, 127), velocity));
            }
        }
        return notes;
    }

    /**
     * Stroke times in beats, accelerating into {@code toBeat}: sixteenths over its last beat, eighths
     * over the one before, one a beat before that, the first on the lead's start.
     */
    static List<Double> strokes(double fromBeat, double toBeat) {
        List<Double> strokes = new ArrayList<>();
        for (double b = fromBeat; b < toBeat - 2 - 1e-6; b += 1) {
            strokes.add(b);
        }
        double start = Math.max(fromBeat, toBeat - 2);
        for (double b = start; b < toBeat - 1 - 1e-6; b += 0.5) {
            strokes.add(b);
        }
        for (double b = Math.max(start, toBeat - 1); b < toBeat - 1e-6; b += 0.25) {
            strokes.add(b);
        }
        return strokes;
    }
}
