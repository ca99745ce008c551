package org.v2mzero.models.neural;

import org.v2mzero.models.neural.Vocabulary.Kind;

/**
 * What a cue may be, on top of the token grammar: one tempo and one metre (the header's, forced from the
 * tempo fitted to the picture, so no TEMPO or TIMESIG after it), no more melodic instruments than a
 * General MIDI file has channels for, and no EOS: the cue's length ends the piece, not the model.
 * Tracks each token's time ({@link TokenClock}). Mutable; one per generation; one thread.
 */
final class CueGrammar {
    /** GM's 16 channels less the drum channel: {@code MidiFiles} writes one melodic part per channel. */
    static final int MAX_MELODIC_PROGRAMS = 15;
    private static final int HEADER = 3;

    private final TokenClock clock = new TokenClock();
    private final boolean[] usedProgram = new boolean[Kind.PROGRAM.count()];
    private int melodicPrograms;
    private int accepted;

    /** The forced header: BOS, 4/4, the tempo. */
    static int[] header(int bpm) {
        return new int[] {Kind.BOS.id(0), Kind.TIMESIG.id(Vocabulary.metre(4, 4)), Kind.TEMPO.id(Vocabulary.tempo(bpm))};
    }

    /** A grammar that has accepted {@code tokens[0, n)}: where a candidate continuation starts from. */
    static CueGrammar after(int[] tokens, int n) {
        CueGrammar g = new CueGrammar();
        for (int i = 0; i < n; i++) {
            g.accept(tokens[i]);
        }
        return g;
    }

    /** Fills {@code into} with the ids that may come next; allocation-free. Never all false after the header. */
    void mask(boolean[] into) {
        clock.grammar().mask(into);
        if (accepted < HEADER) {
            return;
        }
        clear(into, Kind.TEMPO);
        clear(into, Kind.TIMESIG);
        into[Kind.EOS.first()] = false;
        if (melodicPrograms >= MAX_MELODIC_PROGRAMS) {
            for (int p = 1; p < usedProgram.length; p++) {
                into[Kind.PROGRAM.first() + p] &= usedProgram[p];
            }
        }
    }

    /** Accepts a token; its time in seconds (MODEL.md). */
    double accept(int id) {
        double t = clock.accept(id);
        accepted++;
        if (Kind.PROGRAM.contains(id)) {
            int p = Vocabulary.value(id);
            if (p != Vocabulary.DRUM_KIT && !usedProgram[p]) {
                usedProgram[p] = true;
                melodicPrograms++;
            }
        }
        return t;
    }

    /** The clock behind the grammar (read it, never feed it). */
    TokenClock clock() {
        return clock;
    }

    private static void clear(boolean[] into, Kind kind) {
        for (int id = kind.first(); id < kind.first() + kind.count(); id++) {
            into[id] = false;
        }
    }
}
