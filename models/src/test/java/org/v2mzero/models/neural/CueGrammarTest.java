package org.v2mzero.models.neural;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.v2mzero.models.neural.Vocabulary.Kind;

class CueGrammarTest {
    @Test
    void afterTheHeaderNoTempoMetreOrEos() {
        CueGrammar cue = new CueGrammar();
        for (int id : CueGrammar.header(120)) {
            cue.accept(id);
        }
        boolean[] mask = new boolean[Vocabulary.SIZE];
        cue.mask(mask);
        assertTrue(mask[Kind.BAR.id(0)]);
        assertFalse(mask[Kind.EOS.id(0)], "the cue's length ends it");
        cue.accept(Kind.BAR.id(0));
        cue.accept(Kind.POS.id(12));
        cue.mask(mask);
        for (int id = 0; id < Vocabulary.SIZE; id++) {
            assertFalse(mask[id] && (Kind.TEMPO.contains(id) || Kind.TIMESIG.contains(id)), Vocabulary.name(id));
        }
        assertTrue(mask[Kind.PROGRAM.id(1)]);
    }

    @Test
    void fifteenMelodicProgramsAreAllAGeneralMidiFileHoldsChannelsFor() {
        CueGrammar cue = new CueGrammar();
        for (int id : CueGrammar.header(100)) {
            cue.accept(id);
        }
        cue.accept(Kind.BAR.id(0));
        boolean[] mask = new boolean[Vocabulary.SIZE];
        for (int p = 0; p < CueGrammar.MAX_MELODIC_PROGRAMS; p++) {
            cue.accept(Kind.POS.id(p));
            cue.accept(Kind.PROGRAM.id(1 + 5 * p));
            cue.accept(Kind.PITCH.id(60));
            cue.accept(Kind.DUR.id(2));
            cue.accept(Kind.VEL.id(20));
        }
        cue.accept(Kind.POS.id(40));
        cue.mask(mask);
        assertTrue(mask[Kind.PROGRAM.id(Vocabulary.DRUM_KIT)], "the drum kit has its own channel");
        assertTrue(mask[Kind.PROGRAM.id(1 + 5 * 3)], "a program in use");
        assertFalse(mask[Kind.PROGRAM.id(2)], "a sixteenth melodic program");
    }
}
