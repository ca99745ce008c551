package org.v2mzero.models.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.v2mzero.models.compose.StemPart;
import org.v2mzero.models.neural.Vocabulary.Kind;
import org.v2mzero.protocol.TempoMap;

class TokenGrammarTest {
    /** Every tokenized piece is grammatical, and at each step the mask holds the token that comes. */
    @Test
    void acceptsEveryTokenizedPiece() {
        boolean[] mask = new boolean[Vocabulary.SIZE];
        for (int seed = 0; seed < 40; seed++) {
            Random r = new Random(seed);
            int bars = 2 + r.nextInt(5);
            TempoMap map = TokenFixtures.tempoMap(r, 1 + r.nextInt(7), bars, seed % 2 == 0);
            List<StemPart> parts = TokenFixtures.parts(r, map, bars, seed % 2 == 0);
            int[] tokens = MidiTokenizer.encode(seed % 4 == 1 ? withMetreChanges(r, map, parts) : TokenPiece.of(map, parts));

            TokenGrammar g = new TokenGrammar();
            for (int i = 0; i < tokens.length; i++) {
                g.mask(mask);
                assertTrue(mask[tokens[i]], "seed " + seed + ": tokens[" + i + "] = " + Vocabulary.name(tokens[i]));
                g.accept(tokens[i]);
            }
            assertTrue(g.isComplete());
            TokenGrammar.check(tokens);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " # ", textBlock = """
        no BOS # TIMESIG_4/4 # 0 # tokens[0] : TIMESIG_4/4 at the start (expected: BOS)
        header order # BOS TEMPO_120 # 1 # tokens[1] : TEMPO_120 after BOS (expected: TIMESIG)
        POS past the bar # BOS TIMESIG_3/4 TEMPO_120 BAR POS_36 # 4 # tokens[4] : POS_36 after BAR (expected: BAR|POS; here POS_0..POS_35)
        POS backwards # BOS TIMESIG_4/4 TEMPO_120 BAR POS_12 PROGRAM_0 PITCH_60 DUR_6 VEL_79 POS_12 # 9 # tokens[9] : POS_12 after VEL_79 (expected: EOS|BAR|POS|PROGRAM|PITCH; here POS_13..POS_47)
        pitch on drums # BOS TIMESIG_4/4 TEMPO_120 BAR POS_0 PROGRAM_DRUMS PITCH_36 # 6 # tokens[6] : PITCH_36 after PROGRAM_DRUMS (expected: DRUM)
        key not rising # BOS TIMESIG_4/4 TEMPO_120 BAR POS_0 PROGRAM_0 PITCH_60 DUR_6 VEL_79 PITCH_60 # 9 # tokens[9] : PITCH_60 after VEL_79 (expected: EOS|BAR|POS|PROGRAM|PITCH; here PITCH_61..PITCH_127)
        program falling # BOS TIMESIG_4/4 TEMPO_120 BAR POS_0 PROGRAM_5 PITCH_60 DUR_6 VEL_79 PROGRAM_4 # 9 # tokens[9] : PROGRAM_4 after VEL_79 (expected: EOS|BAR|POS|PROGRAM|PITCH; here PROGRAM_6..PROGRAM_127)
        tempo in force # BOS TIMESIG_4/4 TEMPO_120 BAR POS_3 TEMPO_120 # 5 # tokens[5] : TEMPO_120 after POS_3 (expected: TEMPO|PROGRAM; here TEMPO_20..TEMPO_300)
        tempo at unit 0 # BOS TIMESIG_4/4 TEMPO_120 BAR POS_0 TEMPO_90 # 5 # tokens[5] : TEMPO_90 after POS_0 (expected: PROGRAM)
        metre in bar 0 # BOS TIMESIG_4/4 TEMPO_120 BAR TIMESIG_3/4 # 4 # tokens[4] : TIMESIG_3/4 after BAR (expected: BAR|POS)
        metre in force # BOS TIMESIG_4/4 TEMPO_120 BAR BAR TIMESIG_4/4 # 5 # tokens[5] : TIMESIG_4/4 after BAR (expected: BAR|TIMESIG|POS; here TIMESIG_1/2..TIMESIG_16/16)
        empty position # BOS TIMESIG_4/4 TEMPO_120 BAR POS_0 BAR # 5 # tokens[5] : BAR after POS_0 (expected: PROGRAM)
        note without VEL # BOS TIMESIG_4/4 TEMPO_120 BAR POS_0 PROGRAM_0 PITCH_60 DUR_6 EOS # 8 # tokens[8] : EOS after DUR_6 (expected: VEL)
        trailing bar # BOS TIMESIG_4/4 TEMPO_120 BAR POS_0 PROGRAM_0 PITCH_60 DUR_6 VEL_79 BAR EOS # 10 # tokens[10] : EOS after BAR (expected: BAR|TIMESIG|POS)
        after EOS # BOS TIMESIG_4/4 TEMPO_120 EOS BAR # 4 # tokens[4] : BAR after EOS (expected: nothing)
        padding # BOS TIMESIG_4/4 TEMPO_120 PAD # 3 # tokens[3] : PAD after TEMPO_120 (expected: EOS|BAR)
        """)
    void rejectsBrokenSequencesNamingTheTokenAndWhatWasExpected(String what, String names, int index, String message) {
        int[] tokens = ids(names);
        var e = assertThrows(UngrammaticalTokensException.class, () -> TokenGrammar.check(tokens));
        assertEquals(message, e.getMessage());
        assertEquals(index, e.index());
        assertThrows(UngrammaticalTokensException.class, () -> MidiTokenizer.decode(tokens));
    }

    @Test
    void idsOutsideTheVocabularyAndUnfinishedPiecesAreRefused() {
        var outside = assertThrows(UngrammaticalTokensException.class, () -> TokenGrammar.check(new int[] {1, 4000}));
        assertEquals("tokens[1] : ?4000 after BOS (expected: TIMESIG)", outside.getMessage());
        var unfinished = assertThrows(UngrammaticalTokensException.class, () -> TokenGrammar.check(ids("BOS TIMESIG_4/4 TEMPO_120 BAR")));
        assertEquals("tokens : end after BAR at index 3 (expected: BAR|POS)", unfinished.getMessage());
        assertEquals(4, unfinished.index());
    }

    /**
     * Random walks through the mask (the way constrained sampling walks it): the mask is never empty
     * before EOS, every prefix decodes, and a finished walk decodes into a piece that encodes back into
     * the very same tokens (grammatical sequences are canonical).
     */
    @Test
    void everyGrammaticalSequenceDecodesAndEncodesBack() {
        boolean[] mask = new boolean[Vocabulary.SIZE];
        int notes = 0;
        for (int seed = 0; seed < 150; seed++) {
            Random r = new Random(seed);
            String where = "seed " + seed + ": ";
            TokenGrammar g = new TokenGrammar();
            int[] walk = new int[0];
            while (!g.isComplete()) {
                g.mask(mask);
                int next = pick(r, mask, walk.length > 40 + seed);
                g.accept(next);
                walk = Arrays.copyOf(walk, walk.length + 1);
                walk[walk.length - 1] = next;
                int[] prefix = walk;
                if (r.nextInt(8) == 0) {
                    assertDoesNotThrow(() -> MidiTokenizer.decode(prefix), () -> where + MidiTokenizerTest.names(prefix));
                }
            }
            int[] tokens = walk;
            TokenPiece piece = MidiTokenizer.decode(tokens);
            notes += piece.parts().stream().mapToInt(p -> p.notes().size()).sum();
            assertArrayEquals(tokens, MidiTokenizer.encode(piece), () -> where + MidiTokenizerTest.names(tokens));
        }
        assertTrue(notes > 500, "the walks wrote notes: " + notes);
    }

    @Test
    void theMaskIsWhatAcceptTakes() {
        TokenGrammar g = new TokenGrammar();
        g.acceptAll(ids("BOS TIMESIG_7/8 TEMPO_100 BAR POS_41 PROGRAM_DRUMS DRUM_36 DUR_3 VEL_99"));
        boolean[] mask = new boolean[Vocabulary.SIZE];
        g.mask(mask);
        List<String> allowed = new ArrayList<>();
        for (int id = 0; id < mask.length; id++) {
            if (mask[id]) {
                allowed.add(Vocabulary.name(id));
            }
        }
        // 7/8 is 42 units: POS_41 is the last position, so no POS may follow.
        assertEquals(2 + 128 + 91, allowed.size(), allowed.toString());
        assertTrue(allowed.containsAll(List.of("EOS", "BAR", "PROGRAM_0", "PROGRAM_127", "DRUM_37", "DRUM_127")));
        assertFalse(allowed.contains("DRUM_36") || allowed.contains("PITCH_37") || allowed.contains("POS_41"));
        assertEquals(41, g.unit());
        assertEquals(0, g.bar());
    }

    /** A random allowed id: a kind first, so that one BAR is as likely as one of 128 keys; EOS only once {@code finish}. */
    private static int pick(Random r, boolean[] mask, boolean finish) {
        List<int[]> byKind = new ArrayList<>(); // the allowed ids of each kind that has some, in id order
        for (Kind k : Kind.values()) {
            int[] ids = new int[k.count()];
            int n = 0;
            for (int id = k.first(); id < k.first() + k.count(); id++) {
                if (mask[id]) {
                    ids[n++] = id;
                }
            }
            if (n > 0 && (finish || k != Kind.EOS)) {
                byKind.add(Arrays.copyOf(ids, n));
            }
        }
        assertFalse(byKind.isEmpty(), "a dead end");
        if (finish) {
            // The shortest way to EOS: end the note, then the piece; from a bar, write one note.
            for (Kind k : List.of(Kind.EOS, Kind.VEL, Kind.DUR, Kind.PITCH, Kind.DRUM, Kind.PROGRAM, Kind.POS)) {
                for (int[] ids : byKind) {
                    if (Vocabulary.kind(ids[0]) == k) {
                        return ids[0];
                    }
                }
            }
        }
        int[] ids = byKind.get(r.nextInt(byKind.size()));
        Kind kind = Vocabulary.kind(ids[0]);
        // Small steps forward in time, as music does, so that walks fill bars with notes.
        boolean small = kind == Kind.POS || kind == Kind.PROGRAM || kind == Kind.PITCH || kind == Kind.DRUM;
        return ids[small ? Math.min(ids.length - 1, r.nextInt(4)) : r.nextInt(ids.length)];
    }

    private static TokenPiece withMetreChanges(Random r, TempoMap map, List<StemPart> parts) {
        List<Metre> metres = List.of(new Metre(0, 1 + r.nextInt(16), 8), new Metre(1, 1 + r.nextInt(16), 16),
                new Metre(2 + r.nextInt(3), 1 + r.nextInt(8), 2));
        return new TokenPiece(metres, map, parts);
    }

    static int[] ids(String names) {
        return Arrays.stream(names.trim().split("\\s+")).mapToInt(TokenGrammarTest::id).toArray();
    }

    private static int id(String name) {
        for (int id = 0; id < Vocabulary.SIZE; id++) {
            if (Vocabulary.name(id).equals(name)) {
                return id;
            }
        }
        throw new IllegalArgumentException("no token named " + name);
    }
}
