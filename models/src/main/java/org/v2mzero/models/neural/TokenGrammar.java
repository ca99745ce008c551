package org.v2mzero.models.neural;

import static org.v2mzero.models.neural.Vocabulary.Kind.BAR;
import static org.v2mzero.models.neural.Vocabulary.Kind.BOS;
import static org.v2mzero.models.neural.Vocabulary.Kind.DRUM;
import static org.v2mzero.models.neural.Vocabulary.Kind.DUR;
import static org.v2mzero.models.neural.Vocabulary.Kind.EOS;
import static org.v2mzero.models.neural.Vocabulary.Kind.PITCH;
import static org.v2mzero.models.neural.Vocabulary.Kind.POS;
import static org.v2mzero.models.neural.Vocabulary.Kind.PROGRAM;
import static org.v2mzero.models.neural.Vocabulary.Kind.TEMPO;
import static org.v2mzero.models.neural.Vocabulary.Kind.TIMESIG;
import static org.v2mzero.models.neural.Vocabulary.Kind.VEL;

import java.util.EnumSet;
import java.util.Set;
import java.util.StringJoiner;
import org.v2mzero.models.neural.Vocabulary.Kind;

/**
 * The token grammar of TOKENS.md as a state machine: which ids may follow the tokens accepted so far.
 * Constrained sampling masks the model's logits with {@link #mask}; the decoder walks it to know where
 * each token sits (bar, position, program). Mutable, one thread at a time.
 */
public final class TokenGrammar {
    /** The kind of the last token, with the header's TIMESIG and TEMPO told apart from a bar's. */
    private enum Phase { START, BOS, HEADER_METRE, HEADER_TEMPO, BAR, BAR_METRE, POS, TEMPO, PROGRAM, KEY, DUR, VEL, END }

    private Phase phase = Phase.START;
    private int length;
    private int last = -1;
    private int bar = -1;
    private int barStart;
    private int barUnits;
    private int metre = -1;
    private int tempo = -1;
    private int position = -1;
    private int program = -1;
    private int lastKey = -1;

    /** Checks a whole piece: grammatical and ended by EOS. */
    public static void check(int[] tokens) {
        TokenGrammar g = new TokenGrammar();
        g.acceptAll(tokens);
        if (!g.isComplete()) {
            throw new UngrammaticalTokensException(tokens.length, "tokens : end after " + g.lastName()
                    + " at index " + (tokens.length - 1) + " (expected: " + g.expected() + ")");
        }
    }

    /** Accepts each token in turn. */
    public void acceptAll(int[] tokens) {
        for (int token : tokens) {
            accept(token);
        }
    }

    /** Whether {@code id} may come next. */
    public boolean allows(int id) {
        if (id < 0 || id >= Vocabulary.SIZE) {
            return false;
        }
        Kind k = Vocabulary.kind(id);
        int v = id - k.first();
        return switch (phase) {
            case START -> k == BOS;
            case BOS -> k == TIMESIG;
            case HEADER_METRE -> k == TEMPO;
            case HEADER_TEMPO -> k == BAR || k == EOS;
            case BAR -> k == BAR || k == TIMESIG && bar > 0 && v != metre || k == POS && v < barUnits;
            case BAR_METRE -> k == BAR || k == POS && v < barUnits;
            case POS -> k == PROGRAM || k == TEMPO && v != tempo && unit() > 0;
            case TEMPO -> k == PROGRAM || k == BAR || laterPosition(k, v);
            case PROGRAM -> k == keyKind();
            case KEY -> k == DUR;
            case DUR -> k == VEL;
            case VEL -> k == BAR || k == EOS || laterPosition(k, v) || k == PROGRAM && v > program
                    || k == keyKind() && v > lastKey;
            case END -> false;
        };
    }

    /** Fills {@code into} (length {@link Vocabulary#SIZE}) with {@link #allows} of every id; allocation-free. */
    public void mask(boolean[] into) {
        for (int id = 0; id < Vocabulary.SIZE; id++) {
            into[id] = allows(id);
        }
    }

    /** @throws UngrammaticalTokensException when {@code id} may not come next; the state is then unchanged */
    public void accept(int id) {
        if (!allows(id)) {
            throw rejection(id);
        }
        Kind k = Vocabulary.kind(id);
        int v = id - k.first();
        phase = switch (k) {
            case BOS -> Phase.BOS;
            case TIMESIG -> {
                metre = v;
                barUnits = Vocabulary.barUnits(v);
                yield phase == Phase.BOS ? Phase.HEADER_METRE : Phase.BAR_METRE;
            }
            case TEMPO -> {
                tempo = v;
                yield phase == Phase.HEADER_METRE ? Phase.HEADER_TEMPO : Phase.TEMPO;
            }
            case BAR -> {
                barStart += bar < 0 ? 0 : barUnits;
                bar++;
                position = -1;
                yield Phase.BAR;
            }
            case POS -> {
                position = v;
                program = -1;
                yield Phase.POS;
            }
            case PROGRAM -> {
                program = v;
                lastKey = -1;
                yield Phase.PROGRAM;
            }
            case PITCH, DRUM -> {
                lastKey = v;
                yield Phase.KEY;
            }
            case DUR -> Phase.DUR;
            case VEL -> Phase.VEL;
            case EOS -> Phase.END;
            case PAD -> throw new AssertionError("PAD is never allowed");
        };
        last = id;
        length++;
    }

    /** Whether EOS has been accepted. */
    public boolean isComplete() {
        return phase == Phase.END;
    }

    /** Tokens accepted so far. */
    public int length() {
        return length;
    }

    /** Index of the current bar from 0; -1 before the first BAR. */
    public int bar() {
        return bar;
    }

    /** The grid unit at which the current bar starts; 0 before the first BAR. */
    public int barStart() {
        return barStart;
    }

    /** Grid units in a bar of the metre in force; 0 before the header's. */
    public int barUnits() {
        return barUnits;
    }

    /** The current position's grid unit from the start of the piece (bar start + POS). */
    public int unit() {
        return barStart + Math.max(0, position);
    }

    /** The TIMESIG value in force; -1 before the header's. */
    public int metre() {
        return metre;
    }

    /** The TEMPO value in force; -1 before the header's. */
    public int tempo() {
        return tempo;
    }

    /** The PROGRAM value of the current group; -1 outside one. */
    public int program() {
        return program;
    }

    private boolean laterPosition(Kind k, int v) {
        return k == POS && v > position && v < barUnits;
    }

    private Kind keyKind() {
        return program == Vocabulary.DRUM_KIT ? DRUM : PITCH;
    }

    private String lastName() {
        return Vocabulary.name(last);
    }

    /** E.g. {@code tokens[9] : POS_12 after VEL_79 (expected: EOS|BAR|POS|PROGRAM|PITCH; here POS_13..POS_47)}. */
    private UngrammaticalTokensException rejection(int id) {
        String after = length == 0 ? "at the start" : "after " + lastName();
        String range = id >= 0 && id < Vocabulary.SIZE ? range(Vocabulary.kind(id)) : "";
        return new UngrammaticalTokensException(length, "tokens[" + length + "] : " + Vocabulary.name(id) + " "
                + after + " (expected: " + expected() + range + ")");
    }

    /** The allowed ids of a kind the rejected token belongs to, e.g. {@code ; here POS_13..POS_47}. */
    private String range(Kind k) {
        int min = -1;
        int max = -1;
        for (int id = k.first(); id < k.first() + k.count(); id++) {
            if (allows(id)) {
                min = min < 0 ? id : min;
                max = id;
            }
        }
        if (min < 0 || k.count() == 1) {
            return "";
        }
        return "; here " + Vocabulary.name(min) + ".." + Vocabulary.name(max);
    }

    /** The kinds of the allowed ids, e.g. {@code POS|BAR|EOS}; {@code nothing} after EOS. */
    private String expected() {
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        for (int id = 0; id < Vocabulary.SIZE; id++) {
            if (allows(id)) {
                kinds.add(Vocabulary.kind(id));
            }
        }
        StringJoiner j = new StringJoiner("|");
        kinds.forEach(k -> j.add(k.name()));
        return kinds.isEmpty() ? "nothing" : j.toString();
    }
}
