package org.v2mzero.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TempoMapTest {
    // 120 bpm for 8 beats (4 s), then 90 bpm
    private final TempoMap map = new TempoMap(4, List.of(
            new TempoMap.Change(0, 0, 120), new TempoMap.Change(8, 4.0, 90)));

    @Test
    void convertsBeatsToSecondsAcrossAChange() {
        assertEquals(1.0, map.secondsAt(2), 1e-12);
        assertEquals(4.0, map.secondsAt(8), 1e-12);
        assertEquals(4.0 + 2 * 60.0 / 90, map.secondsAt(10), 1e-12);
    }

    @Test
    void convertsSecondsToBeatsAsTheInverse() {
        for (double beat : new double[] {0, 1.5, 7.99, 8, 12.25}) {
            assertEquals(beat, map.beatAt(map.secondsAt(beat)), 1e-9);
        }
    }

    @Test
    void rejectsAChangeAtTheWrongTime() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TempoMap(4,
                List.of(new TempoMap.Change(0, 0, 120), new TempoMap.Change(8, 5.0, 90))));
        assertEquals("changes[1] : beat 8.0 at 5.0 s (expected: after beat 0.0, at 4.0 s)", e.getMessage());
    }

    @Test
    void rejectsNonPositiveTempo() {
        assertThrows(IllegalArgumentException.class, () -> TempoMap.constant(0, 4));
    }
}
