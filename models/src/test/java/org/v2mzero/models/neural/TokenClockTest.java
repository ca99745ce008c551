package org.v2mzero.models.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.v2mzero.models.compose.Note;
import org.v2mzero.models.compose.StemPart;
import org.v2mzero.protocol.TempoMap;

class TokenClockTest {
    @Test
    void everyNoteTokenSitsAtItsNotesStartThroughTempoChanges() {
        for (int seed = 1; seed <= 30; seed++) {
            Random r = new Random(seed);
            TempoMap map = TokenFixtures.tempoMap(r, 4, 8, true);
            int[] tokens = MidiTokenizer.encode(TokenFixtures.parts(r, map, 8, true), map);
            double[] times = TokenClock.times(tokens);

            List<Double> keyTimes = new ArrayList<>();
            for (int i = 0; i < tokens.length; i++) {
                Vocabulary.Kind k = Vocabulary.kind(tokens[i]);
                if (k == Vocabulary.Kind.PITCH || k == Vocabulary.Kind.DRUM) {
                    keyTimes.add(times[i]);
                }
            }
            // The decoded piece's notes start where the independent TempoMap arithmetic puts them.
            List<Double> starts = new ArrayList<>();
            for (StemPart part : MidiTokenizer.decode(tokens).parts()) {
                for (Note n : part.notes()) {
                    starts.add(n.startSeconds());
                }
            }
            double[] a = keyTimes.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double[] b = starts.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            assertArrayEquals(b, a, 1e-9, "seed " + seed + ", tempo map " + map);
        }
    }

    @Test
    void headerIsZeroBarsStartOnTheirBarAndEosKeepsTheLastTime() {
        int bar = Vocabulary.Kind.BAR.first();
        int pos = Vocabulary.Kind.POS.first();
        int drums = Vocabulary.Kind.PROGRAM.first();
        int kick = Vocabulary.Kind.DRUM.first() + 36;
        int dur = Vocabulary.Kind.DUR.first();
        int vel = Vocabulary.Kind.VEL.first();
        int[] tokens = {
            Vocabulary.Kind.BOS.first(), Vocabulary.Kind.TIMESIG.first() + Vocabulary.metre(4, 4),
            Vocabulary.Kind.TEMPO.first() + Vocabulary.tempo(120),
            bar, pos + 12, drums, kick, dur, vel,
            bar, pos + 24, Vocabulary.Kind.TEMPO.first() + Vocabulary.tempo(60), drums, kick, dur, vel,
            pos + 36, drums, kick, dur, vel,
            Vocabulary.Kind.EOS.first()};
        // 120 bpm: a quarter is 0.5 s, a 4/4 bar 2 s; from 2 s + 1 s = 3 s on, 60 bpm (1 s a quarter).
        double[] expected = {0, 0, 0, 0, 0.5, 0.5, 0.5, 0.5, 0.5, 2, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4};
        assertArrayEquals(expected, TokenClock.times(tokens), 1e-12, Arrays.toString(TokenClock.times(tokens)));
    }

    @Test
    void secondsInBarHoldAcrossATempoChangeInsideTheBar() {
        int tempo = Vocabulary.Kind.TEMPO.first();
        int[] tokens = {
            Vocabulary.Kind.BOS.first(), Vocabulary.Kind.TIMESIG.first() + Vocabulary.metre(4, 4), tempo + Vocabulary.tempo(120),
            Vocabulary.Kind.BAR.first(), Vocabulary.Kind.BAR.first(), Vocabulary.Kind.POS.first() + 24, tempo + Vocabulary.tempo(60)};
        TokenClock clock = new TokenClock();
        for (int id : tokens) {
            clock.accept(id);
        }
        // Bar 1 starts at unit 48, 2 s; 120 bpm (1/24 s a unit) to unit 72 (3 s), 60 bpm (1/12 s a unit) after.
        assertEquals(48, clock.grammar().barStart());
        assertEquals(3.0, clock.now(), 1e-12);
        assertEquals(2.0, clock.secondsInBar(48), 1e-12);
        assertEquals(2.5, clock.secondsInBar(60), 1e-12);
        assertEquals(3.0, clock.secondsInBar(72), 1e-12);
        assertEquals(4.0, clock.secondsInBar(84), 1e-12);
    }

    @Test
    void anUngrammaticalTokenIsRefusedAndLeavesTheClockAsItWas() {
        TokenClock clock = new TokenClock();
        clock.accept(Vocabulary.Kind.BOS.first());
        assertThrows(UngrammaticalTokensException.class, () -> clock.accept(Vocabulary.Kind.BAR.first()));
        assertEquals(0, clock.accept(Vocabulary.Kind.TIMESIG.first() + Vocabulary.metre(3, 4)));
    }
}
