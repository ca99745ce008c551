package org.v2mzero.models.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SwingTest {
    @Test
    void tripletEighthsMoveTheOffBeatToTwoThirdsAndKeepTheBeats() {
        Swing s = Swing.TRIPLET_EIGHTHS;
        for (int beat = 0; beat < 8; beat++) {
            assertEquals(beat, s.beat(beat), 1e-12);
            assertEquals(beat + 2 / 3.0, s.beat(beat + 0.5), 1e-12);
        }
        // A fill's sixteenths swing with the eighths: the triplet grid's thirds and its last sixth.
        assertEquals(1 / 3.0, s.beat(0.25), 1e-12);
        assertEquals(5 / 6.0, s.beat(0.75), 1e-12);
    }

    @Test
    void sixteenthSwingMovesOnlyTheSecondSixteenthOfEachEighth() {
        Swing s = new Swing(0.58, 0.5);
        assertEquals(0.5, s.beat(0.5), 1e-12);
        assertEquals(0.29, s.beat(0.25), 1e-12);
        assertEquals(3.79, s.beat(3.75), 1e-12);
    }

    @Test
    void theWarpKeepsOrder() {
        double previous = -1;
        for (int i = 0; i <= 400; i++) {
            double swung = Swing.TRIPLET_EIGHTHS.beat(i / 100.0);
            assertTrue(swung > previous, "at " + i / 100.0);
            previous = swung;
        }
    }

    @Test
    void straightIsTheIdentity() {
        assertTrue(Swing.STRAIGHT.isStraight());
        assertEquals(2.5, Swing.STRAIGHT.beat(2.5), 1e-12);
        assertEquals(1.3, Swing.STRAIGHT.beat(1.3), 1e-12);
    }

    @Test
    void thePromptTurnsSwingOffOrOn() {
        Swing hipHop = new Swing(0.58, 0.5);
        assertEquals(hipHop, Swing.chosen(hipHop, 0));
        assertEquals(Swing.STRAIGHT, Swing.chosen(hipHop, -1));
        assertEquals(hipHop, Swing.chosen(hipHop, 1), "a swinging style keeps its own swing");
        assertEquals(Swing.TRIPLET_EIGHTHS, Swing.chosen(Swing.STRAIGHT, 1));
        assertEquals(Swing.STRAIGHT, Swing.chosen(Swing.STRAIGHT, 0));
    }

    @Test
    void describesItselfAndRejectsWhatIsNoSwing() {
        assertEquals("swing 0.67 on eighths", Swing.TRIPLET_EIGHTHS.toString());
        assertEquals("swing 0.58 on sixteenths", new Swing(0.58, 0.5).toString());
        assertEquals("straight", Swing.STRAIGHT.toString());
        assertEquals("ratio : 0.4 (expected: 0.5..0.75)",
                assertThrows(IllegalArgumentException.class, () -> new Swing(0.4, 1)).getMessage());
        assertEquals("pairBeats : 0.25 (expected: 1 eighths or 0.5 sixteenths)",
                assertThrows(IllegalArgumentException.class, () -> new Swing(0.6, 0.25)).getMessage());
    }
}
