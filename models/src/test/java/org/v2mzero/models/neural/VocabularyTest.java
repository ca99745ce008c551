package org.v2mzero.models.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.v2mzero.models.neural.Vocabulary.Kind;

class VocabularyTest {
    @Test
    void theKindsTileTheIdsInTheOrderOfTokensMd() {
        int next = 0;
        for (Kind k : Kind.values()) {
            assertEquals(next, k.first(), k.name());
            for (int v = 0; v < k.count(); v++) {
                assertEquals(k, Vocabulary.kind(k.id(v)));
                assertEquals(v, Vocabulary.value(k.id(v)));
            }
            next += k.count();
        }
        assertEquals(Vocabulary.SIZE, next);
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.kind(Vocabulary.SIZE));
        assertThrows(IllegalArgumentException.class, () -> Kind.POS.id(192));
    }

    @Test
    void everyIdHasItsOwnName() {
        Set<String> names = new HashSet<>();
        for (int id = 0; id < Vocabulary.SIZE; id++) {
            assertTrue(names.add(Vocabulary.name(id)), Vocabulary.name(id));
        }
        assertEquals("TIMESIG_1/2", Vocabulary.name(4));
        assertEquals("TIMESIG_16/16", Vocabulary.name(59));
        assertEquals("TEMPO_300", Vocabulary.name(340));
        assertEquals("PROGRAM_DRUMS", Vocabulary.name(533));
        assertEquals("PROGRAM_127", Vocabulary.name(661));
        assertEquals("VEL_127", Vocabulary.name(1013));
        assertEquals("?-1", Vocabulary.name(-1));
    }

    @Test
    void metresCoverBarsUpToTheLastPosition() {
        assertEquals(Kind.TIMESIG.count(), 8 + 16 + 16 + 16);
        assertEquals(48, Vocabulary.barUnits(Vocabulary.metre(4, 4)));
        assertEquals(36, Vocabulary.barUnits(Vocabulary.metre(6, 8)));
        assertEquals(3, Vocabulary.barUnits(Vocabulary.metre(1, 16)));
        assertEquals(Kind.POS.count(), Vocabulary.barUnits(Vocabulary.metre(16, 4)));
        assertEquals(Kind.POS.count(), Vocabulary.barUnits(Vocabulary.metre(8, 2)));
        assertEquals(-1, Vocabulary.metre(9, 2));
        assertEquals(-1, Vocabulary.metre(5, 32));
    }

    /** Each DUR value decodes to a length that encodes back to it; any length goes to the nearest, ties up. */
    @Test
    void durationsRoundToTheNearestOfTheTable() {
        for (int d = 0; d < Kind.DUR.count(); d++) {
            assertEquals(d, Vocabulary.duration(Vocabulary.durationUnits(d)));
            assertTrue(d == 0 || Vocabulary.durationUnits(d) > Vocabulary.durationUnits(d - 1));
        }
        for (int u = 1; u <= 300; u++) {
            int decoded = Vocabulary.durationUnits(Vocabulary.duration(u));
            for (int d = 0; d < Kind.DUR.count(); d++) {
                int other = Vocabulary.durationUnits(d);
                int better = Math.abs(u - other) - Math.abs(u - decoded);
                assertTrue(better > 0 || better == 0 && other <= decoded || u > 192, u + " -> " + decoded + ", not " + other);
            }
        }
        assertEquals(192, Vocabulary.durationUnits(Vocabulary.duration(10_000)));
        assertEquals(1, Vocabulary.durationUnits(Vocabulary.duration(0)));
        assertEquals(54, Vocabulary.durationUnits(Vocabulary.duration(51)));
        assertEquals(48, Vocabulary.durationUnits(Vocabulary.duration(50)));
    }

    @Test
    void velocitiesAndTemposQuantiseAsSpecified() {
        for (int v = 1; v <= 127; v++) {
            int bin = Vocabulary.velocityBin(v);
            assertEquals((v - 1) / 4, bin);
            assertEquals(bin, Vocabulary.velocityBin(Vocabulary.velocity(bin)));
        }
        assertEquals(0, Vocabulary.velocityBin(0));
        assertEquals(31, Vocabulary.velocityBin(200));
        assertEquals(120, Vocabulary.bpm(Vocabulary.tempo(119.5)));
        assertEquals(119, Vocabulary.bpm(Vocabulary.tempo(119.49)));
        assertEquals(20, Vocabulary.bpm(Vocabulary.tempo(3)));
        assertEquals(300, Vocabulary.bpm(Vocabulary.tempo(1000)));
    }
}
