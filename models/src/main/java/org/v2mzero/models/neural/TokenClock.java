package org.v2mzero.models.neural;

/**
 * Where each token of a {@code v2m-remi-1} sequence sits in seconds (training/MODEL.md, "A token's
 * time"): the one implementation used both for the training data's conditioning and while generating,
 * so the model is fed the curve at the same moments in both. Incremental, one token at a time; checks
 * the grammar as it goes. Mutable, one thread at a time.
 */
public final class TokenClock {
    private final TokenGrammar grammar = new TokenGrammar();
    /** The last tempo change: its unit, its time, and the tempo from there on. */
    private int anchorUnit;
    private double anchorSeconds;
    private double bpm = Double.NaN;
    /** Seconds at the current bar's start. */
    private double barStartSeconds;

    /**
     * Accepts the next token and returns its time in seconds.
     *
     * @throws UngrammaticalTokensException when the token may not come next (the clock is then unchanged)
     */
    public double accept(int id) {
        int tempoBefore = grammar.tempo();
        int barBefore = grammar.bar();
        grammar.accept(id);
        if (grammar.tempo() != tempoBefore) {
            // A change at unit u starts at u: u's own time is still the old tempo's.
            anchorSeconds = seconds(grammar.unit());
            anchorUnit = grammar.unit();
            bpm = Vocabulary.bpm(grammar.tempo());
        }
        double now = now();
        if (grammar.bar() != barBefore) {
            barStartSeconds = now; // a BAR sits at its bar's start
        }
        return now;
    }

    /** Seconds of the token accepted last. */
    public double now() {
        return seconds(grammar.unit());
    }

    /**
     * Seconds at a grid unit of the current bar, at or after its start. Past the last tempo change at the
     * tempo in force (a later change is not known yet); before it, when that change came inside this bar,
     * interpolated from the bar's start: exact for one change in the bar.
     */
    public double secondsInBar(int unit) {
        int barStart = grammar.barStart();
        if (unit >= anchorUnit || anchorUnit <= barStart) {
            return seconds(unit);
        }
        return barStartSeconds + (unit - barStart) * (anchorSeconds - barStartSeconds) / (anchorUnit - barStart);
    }

    /** The grammar state behind the clock (read it, never feed it). */
    public TokenGrammar grammar() {
        return grammar;
    }

    /** Seconds at a grid unit at or after the last tempo change. */
    public double seconds(int unit) {
        if (Double.isNaN(bpm)) {
            return 0;
        }
        return anchorSeconds + (unit - anchorUnit) * 60.0 / (bpm * Vocabulary.UNITS_PER_QUARTER);
    }

    /** Times of every token of a sequence. */
    public static double[] times(int[] tokens) {
        TokenClock clock = new TokenClock();
        double[] times = new double[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            times[i] = clock.accept(tokens[i]);
        }
        return times;
    }
}
