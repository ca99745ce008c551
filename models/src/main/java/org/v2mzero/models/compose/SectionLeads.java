package org.v2mzero.models.compose;

import java.util.ArrayList;
import java.util.List;
import org.v2mzero.protocol.Section;

/**
 * Where the music leads into the picture's section changes: the stretch before each change that a
 * drum fill ({@link DrumWriter#fill}) and an fx riser ({@link Risers}) fill. A lead ends where the
 * change's breath begins when the change is a marked hit (the stop-time stays air), else on the change;
 * it starts up to {@link #BARS} bar earlier, never before the previous change nor inside a hit's ring
 * (the ring is the previous hit's), and is dropped when less than {@link #MIN_BEATS} is left.
 * Stateless; any thread.
 *
 * @param from   where the lead starts, seconds
 * @param to     where it ends: the change, or the start of its breath
 * @param change the section change it leads into, seconds
 */
record SectionLeads(double from, double to, double change) {
    /** A lead spans at most this many bars. */
    static final double BARS = 1;
    /** A lead shorter than this many beats is no lead. */
    static final double MIN_BEATS = 1.5;
    /** A section change this close to a marked hit is that hit, seconds. */
    static final double ON_MARK_SECONDS = 0.05;

    /**
     * @param sections the picture's sections, ascending; each start after 0 is a change
     * @param form     the marked hits, their breaths and rings
     */
    static List<SectionLeads> of(CuePlan plan, List<Section> sections, HitForm form) {
        List<SectionLeads> leads = new ArrayList<>();
        double previous = 0;
        for (Section s : sections) {
            double change = s.start();
            if (change <= 0 || change >= plan.durationSeconds()) {
                continue;
            }
            double to = change;
            for (int i = 0; i < form.marks().size(); i++) {
                if (Math.abs(form.marks().get(i) - change) <= ON_MARK_SECONDS) {
                    to = form.marks().get(i) - form.breaths().get(i);
                }
            }
            double toBeat = plan.tempoMap().beatAt(to);
            double from = Math.max(previous, plan.secondsAt(Math.max(0, toBeat - BARS * plan.beatsPerBar())));
            for (double ringEnd : form.ringEnds()) {
                if (ringEnd > from && ringEnd <= to) {
                    from = ringEnd;
                }
            }
            if (plan.tempoMap().beatAt(from) <= toBeat - MIN_BEATS) {
                leads.add(new SectionLeads(from, to, change));
            }
            previous = change;
        }
        return leads;
    }

    /** The lead's length in beats. */
    double beats(CuePlan plan) {
        return plan.tempoMap().beatAt(to) - plan.tempoMap().beatAt(from);
    }
}
