package org.v2mzero.models.compose;

import java.util.Locale;

/**
 * A swing feel: of each pair of notes on the swing subdivision the first is held longer and the second,
 * the off-beat one, comes late. As a time warp in beats it keeps every pair's start (the on-beat) in
 * place and moves the pair's midpoint to {@code ratio} of the pair, linearly in between, so notes finer
 * than the subdivision (a fill's sixteenths in a jazz bar) swing with it and nothing changes order.
 *
 * @param ratio     where the off-beat falls, as a share of the pair: 0.5 straight, 2/3 triplet swing;
 *                  0.5..0.75 (past a dotted rhythm the off-beat reads as a late grace note, not swing)
 * @param pairBeats the length of a swung pair, beats: 1 swings eighths, 0.5 sixteenths
 */
public record Swing(double ratio, double pairBeats) {
    /** No swing: the warp is the identity. */
    public static final Swing STRAIGHT = new Swing(0.5, 1);
    /** Triplet swing on eighths: the jazz ride's "ding, ding-a ding". */
    public static final Swing TRIPLET_EIGHTHS = new Swing(2 / 3.0, 1);

    public Swing {
        if (!(ratio >= 0.5 && ratio <= 0.75)) {
            throw new IllegalArgumentException("ratio : " + ratio + " (expected: 0.5..0.75)");
        }
        if (pairBeats != 1 && pairBeats != 0.5) {
            throw new IllegalArgumentException("pairBeats : " + pairBeats + " (expected: 1 eighths or 0.5 sixteenths)");
        }
    }

    /**
     * The feel a take plays in: the style's own, unless the prompt says "straight" (-1) or asks for swing
     * (+1) in a straight style, which then gets the triplet eighths that "swing" and "shuffle" name.
     *
     * @param feel as {@link PromptReader.Words#feel}
     */
    public static Swing chosen(Swing style, int feel) {
        if (feel < 0) {
            return STRAIGHT;
        }
        return feel > 0 && style.isStraight() ? TRIPLET_EIGHTHS : style;
    }

    public boolean isStraight() {
        return ratio == 0.5;
    }

    /** The swung position of a beat position: pair starts fixed, the pair's midpoint at {@link #ratio}. */
    public double beat(double beat) {
        double pair = Math.floor(beat / pairBeats);
        double within = beat / pairBeats - pair;
        double swung = within <= 0.5 ? within * 2 * ratio : ratio + (within - 0.5) * 2 * (1 - ratio);
        return (pair + swung) * pairBeats;
    }

    /** For manifests and the take's style line, e.g. {@code swing 0.67 on eighths}; {@code straight} when straight. */
    @Override
    public String toString() {
        if (isStraight()) {
            return "straight";
        }
        return String.format(Locale.ROOT, "swing %.2f on %s", ratio, pairBeats == 1 ? "eighths" : "sixteenths");
    }
}
