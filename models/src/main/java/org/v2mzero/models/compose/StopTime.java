package org.v2mzero.models.compose;

import java.util.ArrayList;
import java.util.List;

/**
 * Stop-time before the picture's big hits, as a film composer writes it: for a short "breath" before
 * each marked hit every stem drops out (notes that would sound into the gap are released at its start,
 * notes that would start inside it are left out), so the hit lands after a moment of air and the whole
 * band re-enters on it. The breath ends in digital silence ({@link #chokes}): what still rings is damped.
 * What re-enters is written by {@link HitChords} and the accent stems. Stateless; any thread.
 */
final class StopTime {
    /** Accents at least this strong (cuts are {@link AccentWriter#CUT_STRENGTH}) get a breath. */
    static final double MIN_STRENGTH = AccentWriter.CUT_STRENGTH;
    /**
     * A marked hit closer than this to the previous one gets no breath of its own, seconds: room for
     * {@link #MIN_SOUND} of the previous hit's re-entry and a shortest breath. Quick cuts are the
     * picture's stabs: with 1.5 s (before this spacing) a drawn clip with cuts 1.0-1.2 s after others
     * left those cuts unmarked (music peak 0.4-0.8 z, accent 0.50 at every phase, three styles).
     */
    static final double MIN_SPACING = 0.7;
    /** The least a hit's re-entry sounds before the next mark's breath, seconds. */
    static final double MIN_SOUND = 0.4;
    /**
     * The digital silence at the end of every breath ({@link #chokes}), seconds. Falling silent is itself
     * a change of sound as large as the hit (the music curve compares the direction of log-mel frames,
     * and silence has none), so it must lie far enough before the hit to be an event of its own, not one
     * that merges with the re-entry and pulls its peak off the hit: the 0.10.0 takes of the 13 styles on
     * the three shared clips (seed 1), silenced before each cut: with 0.25 s every cut peaks at 1.67 z or
     * more at each of 8 alignments of the analysis frames; with 0.2 s or less, some cuts have no peak
     * within 50 ms at some alignment. Composed with it (0.11.0), the 13 styles x 3 clips x seeds 1 to 3
     * keep hit accent 1.00 at all 4 phases of {@code evaluate --frame-phases 4}; 0.10.0 kept it on 26 of
     * the 39 rows of seed 1.
     */
    static final double SILENCE = 0.25;
    /**
     * Marked hits more often than this, per minute of cue, get no silence: each silence adds a second
     * event as large as its hit, and the music curve's z-score spreads over all of them. On drawn clips
     * with a cut every 3, 4 or 5 s (24 s, tense orchestral and rustic folk waltz, 8 alignments) silence
     * raised the lowest cut's peak (1.24 -> 1.39 ... 1.77 -> 2.11); every 2 to 2.4 s (HitMarkingTest's
     * pace clip) it lowered the accent at the worst alignment from 0.6 to 0.5.
     */
    static final double MAX_SILENCES_PER_MINUTE = 20;
    /** The breath is this share of a beat, clamped to {@link #MIN_BREATH}..{@link #MAX_BREATH}. */
    static final double BREATH_BEATS = 0.5;
    /** Shortest breath, seconds: room for the choke's fade and {@link #SILENCE}. */
    static final double MIN_BREATH = SILENCE + Choke.RAMP_SECONDS;
    static final double MAX_BREATH = 0.3;
    /**
     * A kit that strikes on at least this share of its sixteenth steps (trailer toms, synthwave's gated
     * backbeat: every eighth note) keeps the ear busy up to the hit: half a beat of air does not read as
     * a stop, so such styles breathe {@link #DENSE_BREATH_BEATS}, up to {@link #DENSE_MAX_BREATH}.
     * Sparse kits keep the half beat: a longer gap there only empties bars the picture wants filled.
     * The cap lets the gap be a whole beat down to 75 bpm: toms and strings ring into it, and a re-entry
     * that meets its own tails reads as no new sound (trailer on testvideo, 95.7 bpm: capped at 0.6 s
     * its second cut was no accent; a full 0.627 s beat, it is; a thin margin).
     */
    static final double DENSE_SHARE = 0.5;
    static final double DENSE_BREATH_BEATS = 1.0;
    static final double DENSE_MAX_BREATH = 0.8;

    private StopTime() {}

    /** The hits that get a breath and a re-entry: strong accents, in time order, at least {@link #MIN_SPACING} apart. */
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

    /**
     * The breath before a mark, seconds: half a beat at the tempo the music moves in there (a section's
     * own tempo, {@link SectionTempo}), within 0.28..0.3 s; a whole beat, within 0.28..0.8 s, for a dense kit.
     *
     * @param drums the style's kit, or null for a style without one
     * @param mark  the marked hit, seconds
     */
    static double breathSeconds(CuePlan plan, DrumPattern drums, double mark) {
        boolean dense = drums != null && density(drums) >= DENSE_SHARE;
        double beats = dense ? DENSE_BREATH_BEATS : BREATH_BEATS;
        return Math.max(MIN_BREATH, Math.min(dense ? DENSE_MAX_BREATH : MAX_BREATH, beats * plan.beatSecondsAt(mark)));
    }

    /**
     * Per mark, its breath: {@link #breathSeconds}, or, for a mark that opens a section of the
     * picture, at least a whole beat (within {@link #MIN_BREATH}..{@link #DENSE_MAX_BREATH}). A fill
     * and a riser lead into such a hit ({@link SectionLeads}); their toms and rolls ring on after
     * their last stroke, so the drop before the hit must be long enough to let them die away, or the
     * hit lands on their tails and is no new sound. A kit may ask for a longer drop there
     * ({@link DrumPattern#sectionBreath}). Never so long that the previous mark's re-entry sounds less
     * than {@link #MIN_SOUND}, nor shorter than {@link #MIN_BREATH}.
     *
     * @param changes section changes of the picture, seconds
     */
    static List<Double> breaths(CuePlan plan, DrumPattern drums, List<Double> marks, List<Double> changes) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < marks.size(); i++) {
            double mark = marks.get(i);
            double breath = breathSeconds(plan, drums, mark);
            double drop = Math.max(breath, Math.max(MIN_BREATH, Math.min(DENSE_MAX_BREATH, plan.beatSecondsAt(mark))));
            if (drums != null) {
                drop = Math.max(drop, drums.sectionBreath());
            }
            boolean opens = changes.stream().anyMatch(c -> Math.abs(c - mark) <= SectionLeads.ON_MARK_SECONDS);
            double room = i == 0 ? Double.POSITIVE_INFINITY : mark - marks.get(i - 1) - MIN_SOUND;
            out.add(Math.max(MIN_BREATH, Math.min(room, opens ? drop : breath)));
        }
        return out;
    }

    /** Share of the kit's sixteenth steps on which any voice strikes, 0..1. */
    static double density(DrumPattern drums) {
        int struck = 0;
        for (int i = 0; i < drums.steps(); i++) {
            if (drums.kick().charAt(i) != '.' || drums.snare().charAt(i) != '.' || drums.hat().charAt(i) != '.') {
                struck++;
            }
        }
        return struck / (double) drums.steps();
    }

    /**
     * Exact silence before each marked hit: every stem is choked ({@link Choke}) for the last
     * {@link #SILENCE} seconds of its breath, after a {@link Choke#RAMP_SECONDS} fade. Whatever a breath
     * leaves ringing (a released chord's tail, a riser's orchestra hit, a crash) otherwise meets the
     * re-entry, and a tail with the hit's own spectrum makes the hit no new sound however quiet it is.
     * None when the marks come more often than {@link #MAX_SILENCES_PER_MINUTE}; none for a mark whose
     * choke would begin before the cue.
     */
    static List<Choke> chokes(List<Double> marks, double durationSeconds) {
        List<Choke> out = new ArrayList<>();
        if (marks.size() > MAX_SILENCES_PER_MINUTE * durationSeconds / 60) {
            return out;
        }
        for (double mark : marks) {
            double start = mark - MIN_BREATH;
            if (start >= 0) {
                out.add(new Choke(start, mark));
            }
        }
        return out;
    }

    /** The stem with a gap of {@code breaths[i]} seconds before each mark {@code i}. */
    static StemPart apply(StemPart part, List<Double> marks, List<Double> breaths) {
        List<Note> out = new ArrayList<>();
        for (Note n : part.notes()) {
            Note kept = n;
            for (int i = 0; i < marks.size(); i++) {
                kept = kept == null ? null : cut(kept, marks.get(i) - breaths.get(i), marks.get(i));
            }
            if (kept != null) {
                out.add(kept);
            }
        }
        return part.withNotes(out);
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
