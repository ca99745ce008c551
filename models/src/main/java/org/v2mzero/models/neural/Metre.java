package org.v2mzero.models.neural;

/**
 * A time signature in force from a bar on, as the tokens carry it (TOKENS.md, TIMESIG).
 *
 * @param bar         index of the first bar in this metre, from 0
 * @param numerator   1..16 (1..8 over 2)
 * @param denominator 2, 4, 8 or 16
 */
public record Metre(int bar, int numerator, int denominator) {
    public Metre {
        if (bar < 0) {
            throw new IllegalArgumentException("bar : " + bar + " (expected: >= 0)");
        }
        if (Vocabulary.metre(numerator, denominator) < 0) {
            throw new IllegalArgumentException("metre : " + numerator + "/" + denominator
                    + " (expected: n/2 with n <= 8, or n/4, n/8, n/16 with n <= 16)");
        }
    }

    /** The TIMESIG value of this metre. */
    int value() {
        return Vocabulary.metre(numerator, denominator);
    }

    /** Bar length in grid units. */
    int barUnits() {
        return Vocabulary.barUnits(value());
    }
}
