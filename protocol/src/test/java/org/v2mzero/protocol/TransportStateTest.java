package org.v2mzero.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TransportStateTest {

    @Test
    void secondsAreFramesOverTheSampleRate() {
        TransportState state = new TransportState(true, 96_000, 48_000, 120, 4, null, 7);

        assertEquals(2.0, state.seconds(), 0);
        assertTrue(state.hasTempo());
        assertFalse(TransportState.stopped(48_000, 0).hasTempo());
    }

    @Test
    void rejectsOutOfRangeValuesNamingThem() {
        IllegalArgumentException frame = assertThrows(IllegalArgumentException.class,
                () -> new TransportState(false, -3, 48_000, Double.NaN, Double.NaN, null, 0));
        assertEquals("frame : -3 (expected: >= 0)", frame.getMessage());
        IllegalArgumentException rate = assertThrows(IllegalArgumentException.class,
                () -> TransportState.stopped(0, 0));
        assertEquals("sampleRate : 0 (expected: 1..768000)", rate.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new TransportState(false, 0, 48_000, -120, Double.NaN, null, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new TransportState(false, 0, 48_000, Double.POSITIVE_INFINITY, Double.NaN, null, 0));
        assertThrows(IllegalArgumentException.class, () -> new TransportState.Loop(10, 10));
    }

    @Test
    void withersKeepTheOtherFields() {
        TransportState state = TransportState.stopped(44_100, 5).withTempo(90, 3)
                .withLoop(new TransportState.Loop(0, 44_100)).withPosition(true, 100, 9);

        assertEquals(new TransportState(true, 100, 44_100, 90, 3, new TransportState.Loop(0, 44_100), 9), state);
    }
}
