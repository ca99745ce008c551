package org.v2mzero.models.compose;

import java.util.ArrayList;
import java.util.List;

/**
 * Stop-time before the picture's big hits, as a film composer writes it: for a short "breath" before
 * each marked hit every stem drops out (notes that would sound into the gap are released at its start,
 * notes that would start inside it are left out), so the hit lands after a moment of air and the whole
 * band re-enters on it. What re-enters is written by {@link HitChords} and the accent stems.
 * Stateless; any thread.
 */
final class StopTime {
    /** Accents at least this strong (cuts are {@link AccentWriter#CUT_STRENGTH}) get a breath. */
    static final double MIN_STRENGTH = AccentWriter.CUT_STRENGTH;
    /** A marked hit closer than this to the previous one gets no breath of its own, seconds. */
    static final double MIN_SPACING = 1.5;
    /** The breath is this share of a beat, clamped to {@link #MIN_BREATH}..{@link #MAX_BREATH}. */
    static final double BREATH_BEATS = 0.5;
    /** Shortest breath, seconds: longer than one analysis window of a listener's ear (about 0.1 s). */
    static final double MIN_BREATH = 0.16;
    static final double MAX_BREATH = 0.3;

    private StopTime() {}

    /** The hits that get a breath and a re-entry: strong accents, in time order, at least 1.5 s apart. */
    static List<Double> marks(List<AccentWriter.Accent> accents) {
        List<Double> times = accents.stream().filter(a -> a.strength() >= MIN_STRENGTH)
                .map(AccentWriter.Accent::time).sorted().toList();
        List<Double> kept = new ArrayList<>();
        for (double t : times) {
            if (kept.isEmpty() || t - kept.get(kept.size() - 1) >= MIN_SPACING) {
                kept.add(t);
            }
        }
        return kept;
    }

    /** The breath before each mark, seconds: half a beat at the cue's tempo, within 0.16..0.3 s. */
    static double breathSeconds(CuePlan plan) {
        return Math.max(MIN_BREATH, Math.min(MAX_BREATH, BREATH_BEATS * plan.beatSeconds()));
    }

    /** The stem with a gap of {@code breath} seconds before each mark. */
    static StemPart apply(StemPart part, List<Double> marks, double breath) {
        List<Note> out = new ArrayList<>();
        for (Note n : part.notes()) {
            Note kept = n;
            for (double mark : marks) {
                kept = kept == null ? null : cut(kept, mark - breath, mark);
            }
            if (kept != null) {
                out.add(kept);
            }
        }
        return new StemPart(part.name(), part.program(), part.percussion(), out);
    }

    /** The note silenced in {@code [from, to)}: dropped if it starts there, released at {@code from} if it sounds into it. */
    private static Note cut(Note n, double from, double to) {
        double start = n.startSeconds();
        double end = start + n.durationSeconds();
        if (start >= from && start < to) {
            return null;
        }
        if (start < from && end > from) {
            double length = from - start;
            return length < Notes.MIN_SECONDS ? null : new Note(start, length, n.pitch(), n.velocity());
        }
        return n;
    }
}
