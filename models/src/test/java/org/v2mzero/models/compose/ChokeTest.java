package org.v2mzero.models.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChokeTest {
    @Test
    void expressionFallsToSilenceOverTheRampAndReturnsToFullAtTheEnd() {
        List<Choke.Level> levels = new Choke(2.0, 2.5).levels();

        assertEquals(new Choke.Level(2.0, 111), levels.get(0), "the first step already falls");
        for (int i = 1; i < levels.size() - 1; i++) {
            assertTrue(levels.get(i).value() < levels.get(i - 1).value(), "falls at every step: " + levels);
            assertTrue(levels.get(i).seconds() > levels.get(i - 1).seconds(), "in time order: " + levels);
        }
        Choke.Level silent = levels.get(levels.size() - 2);
        assertEquals(0, silent.value());
        assertEquals(2.0 + Choke.RAMP_SECONDS, silent.seconds(), 1e-12);
        assertEquals(new Choke.Level(2.5, Choke.FULL), levels.get(levels.size() - 1));
    }

    @Test
    void gainFallsLinearlyToSilenceAndReturnsAtTheEnd() {
        Choke c = new Choke(1.0, 1.4);
        assertEquals(1.0, c.gainAt(0.99));
        assertEquals(1.0, c.gainAt(1.0));
        assertEquals(0.5, c.gainAt(1.0 + Choke.RAMP_SECONDS / 2), 1e-9);
        assertEquals(0.0, c.gainAt(1.0 + Choke.RAMP_SECONDS));
        assertEquals(0.0, c.gainAt(1.39));
        assertEquals(1.0, c.gainAt(1.4), "the re-entry at full");
    }

    @Test
    void coversItsStartButNotItsEnd() {
        Choke c = new Choke(1.0, 1.4);
        assertTrue(c.covers(1.0));
        assertTrue(c.covers(1.39));
        assertFalse(c.covers(1.4), "the re-entry at the end sounds");
        assertFalse(c.covers(0.99));
    }

    @Test
    void refusesAChokeShorterThanItsRampOrBeforeZero() {
        assertThrows(IllegalArgumentException.class, () -> new Choke(1.0, 1.0 + Choke.RAMP_SECONDS / 2));
        assertThrows(IllegalArgumentException.class, () -> new Choke(-0.1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new Choke(0.0, Double.POSITIVE_INFINITY));
    }
}
