package org.v2mzero.models.neural;

/**
 * A token sequence breaks the grammar of TOKENS.md. The message is one line naming the index, the
 * token and what was expected there.
 */
public final class UngrammaticalTokensException extends IllegalArgumentException {
    private final int index;

    UngrammaticalTokensException(int index, String message) {
        super(message);
        this.index = index;
    }

    /** Index of the first token that is not allowed (the sequence's length when it ends too early). */
    public int index() {
        return index;
    }
}
