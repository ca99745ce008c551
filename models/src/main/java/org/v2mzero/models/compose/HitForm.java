package org.v2mzero.models.compose;

import java.util.ArrayList;
import java.util.List;

/**
 * The shape a cue takes around its marked hits, as a film composer phrases it: hit, ring, build, hit.
 * <ul>
 *   <li><b>Ring.</b> A hit with room after it is left to sound: the bass holds its root and the crash
 *       and fx tails ring over the next bar line, and the band re-enters one beat after it, so the first
 *       downbeat after a hit is no new event. Without the ring the bar line after a hit is struck as
 *       hard as the hit's own, and the ear (and an onset detector) hears a second event a bar after the
 *       picture's. Written notes that would start in a ring are held back to its end (harmony, bass) or
 *       left out (melody, groove); crashes stay. Hits that follow each other closer than
 *       {@link #RING_ROOM_BARS} are a run of stabs over a groove that goes on: they do not ring, and
 *       their re-entry holds to the next bar line. The last hit always rings (the cue's button).</li>
 *   <li><b>Arc.</b> Between two hits the music thins out after the first and swells into the next:
 *       each bar's intensity is the curve's ({@link CuePlan#intensities}) moved by up to
 *       ±{@link #SWELL}/2 by where the bar lies between the hits.</li>
 * </ul>
 * Immutable; any thread.
 */
final class HitForm {
    /** Intensity added across the arc, from just after a hit (−SWELL/2) to just before the next (+SWELL/2). */
    static final double SWELL = 0.5;
    /**
     * A hit this close before a bar line (beats) is on it, and rings through the bar line after: the
     * tempo search puts hits on the grid only to within its phase step (1/24 beat) and a tempo step's
     * drift, and a hit a few milliseconds early is heard on the downbeat, not as a push before it.
     */
    static final double ON_BAR_BEATS = 0.125;
    /** A hit rings only if the next one is at least this many bars (at its tempo) after it. */
    static final double RING_ROOM_BARS = 1.5;
    /**
     * A ring that would leave less than this many beats between its end and the next hit's breath
     * lasts until that breath: a re-entry that must stop again at once is a stutter, and what it
     * strikes (a pad's release above all) still sounds in the breath, so the next hit is no new sound.
     */
    static final double MIN_REENTRY_BEATS = 1.5;
    /** After the last hit the arc rises back to neutral over this many bars. */
    static final int SETTLE_BARS = 4;

    private final List<Double> marks;
    private final List<Double> breaths;
    private final List<Double> ringEnds;
    private final List<Double> holdEnds;

    private HitForm(List<Double> marks, List<Double> breaths, List<Double> ringEnds, List<Double> holdEnds) {
        this.marks = List.copyOf(marks);
        this.breaths = List.copyOf(breaths);
        this.ringEnds = List.copyOf(ringEnds);
        this.holdEnds = List.copyOf(holdEnds);
    }

    /**
     * @param plan   the cue's grid (its intensities are not used)
     * @param marks  the marked hits ({@link StopTime#marks}), ascending
     * @param breaths the stop-time before each mark ({@link StopTime#breaths}), seconds: a ring ends
     *                where the next breath starts
     */
    static HitForm of(CuePlan plan, List<Double> marks, List<Double> breaths) {
        List<Double> ringEnds = new ArrayList<>();
        List<Double> holdEnds = new ArrayList<>();
        for (int i = 0; i < marks.size(); i++) {
            double mark = marks.get(i);
            double beat = plan.tempoMap().beatAt(mark);
            double nextBarLine = plan.secondsAt((Math.floor(beat / plan.beatsPerBar()) + 1) * plan.beatsPerBar());
            double room = plan.secondsAt(beat + RING_ROOM_BARS * plan.beatsPerBar());
            boolean rings = i + 1 == marks.size() || marks.get(i + 1) >= room;
            double ring = rings ? ringEnd(plan, mark) : mark;
            double hold = rings ? ring : nextBarLine;
            if (i + 1 < marks.size()) {
                double nextBreath = marks.get(i + 1) - breaths.get(i + 1);
                if (rings && plan.tempoMap().beatAt(nextBreath) - plan.tempoMap().beatAt(ring) < MIN_REENTRY_BEATS) {
                    ring = nextBreath; // no room to re-enter and stop again: hold on to the next hit
                }
                ring = Math.min(ring, nextBreath);
                hold = rings ? ring : Math.min(hold, nextBreath);
            }
            ringEnds.add(Math.max(mark, ring));
            holdEnds.add(Math.max(mark, hold));
        }
        return new HitForm(marks, breaths, ringEnds, holdEnds);
    }

    /** The form with the same breath before every mark. */
    static HitForm of(CuePlan plan, List<Double> marks, double breath) {
        return of(plan, marks, marks.stream().map(m -> breath).toList());
    }

    /**
     * Where a hit's ring ends, seconds: one beat after the first bar line after it (a hit on a bar
     * line, within {@link #ON_BAR_BEATS}, rings through the next one).
     */
    static double ringEnd(CuePlan plan, double mark) {
        int perBar = plan.beatsPerBar();
        double nextBar = (Math.floor((plan.tempoMap().beatAt(mark) + ON_BAR_BEATS) / perBar) + 1) * perBar;
        return plan.secondsAt(nextBar + 1);
    }

    List<Double> marks() {
        return marks;
    }

    /** Per mark, the stop-time before it, seconds. */
    List<Double> breaths() {
        return breaths;
    }

    /** Per mark, the end of its ring, seconds; the mark itself when it does not ring. */
    List<Double> ringEnds() {
        return ringEnds;
    }

    /** Per mark, how long its re-entry holds: to the end of its ring, or to the next bar line if it has none. */
    List<Double> holdEnds() {
        return holdEnds;
    }

    /** The end of the ring {@code seconds} lies in ({@code [mark, ringEnd)}), or NaN outside every ring. */
    double ringEndAt(double seconds) {
        for (int i = 0; i < marks.size(); i++) {
            if (seconds >= marks.get(i) - 1e-6 && seconds < ringEnds.get(i)) {
                return ringEnds.get(i);
            }
        }
        return Double.NaN;
    }

    /**
     * Per bar, where its middle lies on the way from the previous hit to the next: 0 just after a hit,
     * 1 just before one. Before the first hit the cue's start counts as the previous one (the opening
     * builds into the first hit); after the last, the arc settles from 0 back to 0.5 over
     * {@link #SETTLE_BARS} bars. Without any hit it is 0.5 (neutral) everywhere.
     */
    double[] arc(CuePlan plan) {
        double[] arc = new double[plan.bars()];
        for (int bar = 0; bar < arc.length; bar++) {
            double t = 0.5 * (plan.barStart(bar) + plan.barStart(bar + 1));
            double previous = 0;
            double next = Double.NaN;
            for (double m : marks) {
                if (m <= t) {
                    previous = m;
                } else if (Double.isNaN(next)) {
                    next = m;
                }
            }
            if (marks.isEmpty()) {
                arc[bar] = 0.5;
            } else if (Double.isNaN(next)) {
                double settle = SETTLE_BARS * (plan.barStart(bar + 1) - plan.barStart(bar));
                arc[bar] = Math.min(0.5, 0.5 * (t - previous) / settle);
            } else {
                arc[bar] = (t - previous) / (next - previous);
            }
        }
        return arc;
    }

    /** The intensities moved along the arc ({@link #SWELL}), within 0..1. */
    double[] shaped(CuePlan plan, double[] intensity) {
        double[] arc = arc(plan);
        double[] out = new double[intensity.length];
        for (int bar = 0; bar < out.length; bar++) {
            out[bar] = Math.max(0, Math.min(1, intensity[bar] + SWELL * (arc[bar] - 0.5)));
        }
        return out;
    }

    /**
     * The stem with its written notes kept out of every ring: a harmony or bass note that would start
     * in one starts at the ring's end instead (if anything of it is left), a melody note or a groove
     * stroke is left out; crashes ({@link DrumWriter#CRASH}) stay, they answer the picture. The fx
     * stem is the picture's own and is returned as it is.
     */
    StemPart ring(StemPart part) {
        if (part.name().equals("fx")) {
            return part;
        }
        boolean delay = part.name().equals("harmony") || part.name().equals("bass");
        List<Note> out = new ArrayList<>();
        for (Note n : part.notes()) {
            double end = ringEndAt(n.startSeconds());
            if (Double.isNaN(end) || (part.percussion() && n.pitch() == DrumWriter.CRASH)) {
                out.add(n);
            } else if (delay) {
                double left = n.startSeconds() + n.durationSeconds() - end;
                if (left >= HitChords.MIN_SECONDS) {
                    out.add(new Note(end, left, n.pitch(), n.velocity()));
                }
            }
        }
        return part.withNotes(out);
    }
}
