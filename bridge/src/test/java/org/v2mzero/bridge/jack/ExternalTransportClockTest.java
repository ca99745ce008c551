package org.v2mzero.bridge.jack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.v2mzero.protocol.TransportState;

/**
 * The external clock on a non-real-time clock: cycles and reports are fed by hand at chosen
 * {@code nanoTime}s (48 kHz, 256-frame cycles of 5 333 333 ns).
 */
class ExternalTransportClockTest {
    private static final int RATE = 48_000;
    private static final int N = 256;
    private static final long CYCLE_NANOS = 5_333_333;

    private final ExternalTransportClock clock = new ExternalTransportClock(() -> null);
    private final CycleClock.CyclePosition at = new CycleClock.CyclePosition();

    private long cycle(TransportState anchor, int index) {
        clock.follow(anchor, index * CYCLE_NANOS, (long) index * N, RATE, at);
        return at.frame;
    }

    private static TransportState report(boolean playing, long frame, long nanos) {
        return TransportState.stopped(RATE, 0).withPosition(playing, frame, nanos);
    }

    @Test
    void stoppedStandsStillAndIsSilent() {
        TransportState stopped = report(false, 1000, 0);
        assertEquals(1000, cycle(stopped, 1));
        assertEquals(1000, cycle(stopped, 2));
        assertFalse(at.rolling);
    }

    @Test
    void betweenReportsAdvancesByWholeCyclesAndResyncsWithoutDrift() {
        TransportState rolling = report(true, 10_000, 0);
        long first = cycle(rolling, 3); // 3 cycles after the report: 16 ms, 768 frames on
        assertEquals(10_768, first);
        assertTrue(at.rolling);
        for (int i = 4; i < 22; i++) {
            assertEquals(first + (i - 3) * N, cycle(rolling, i), "contiguous between reports");
        }
        // The DAW's clock ran 1 % fast (56 frames, beyond the 48-frame deadband); its next report (at cycle 22) says so: the cursor follows it.
        long dawFrame = 10_000 + Math.round(22 * CYCLE_NANOS * RATE * 1.01 / 1e9);
        long resynced = cycle(report(true, dawFrame, 22 * CYCLE_NANOS), 22);
        assertEquals(dawFrame, resynced, "one report interval of drift, corrected, not carried on");
    }

    @Test
    void cyclesMissedInAnXrunAreSkippedAsTheDawMovedOn() {
        TransportState rolling = report(true, 0, 0);
        assertEquals(0, cycle(rolling, 0));
        assertEquals(N, cycle(rolling, 1));
        assertEquals(4 * N, cycle(rolling, 4), "cycles 2 and 3 were missed");
    }

    @Test
    void aResyncWithinTheDeadbandKeepsTheCursorToAvoidAClick() {
        long first = cycle(report(true, 0, 0), 0);
        long next = cycle(report(true, N + 10, CYCLE_NANOS), 1); // 10 frames off: below 48
        assertEquals(first + N, next);
    }

    @Test
    void aLocateIsAJumpAndAStopHoldsTheReportedFrame() {
        cycle(report(true, 0, 0), 0);
        cycle(report(true, 0, 0), 1);
        assertEquals(96_000, cycle(report(true, 96_000, 2 * CYCLE_NANOS), 2), "forward, exactly");
        assertEquals(480, cycle(report(true, 480, 3 * CYCLE_NANOS), 3), "backwards, exactly");
        assertEquals(700, cycle(report(false, 700, 4 * CYCLE_NANOS), 4));
        assertFalse(at.rolling);
    }

    @Test
    void aReportThatArrivedAfterTheCycleBeganIsExtrapolatedBackwards() {
        assertEquals(10_000 - 48, cycle(report(true, 10_000, CYCLE_NANOS + 1_000_000), 1));
    }

    @Test
    void positionsAtAnotherSampleRateAreHeardAsStopped() {
        clock.follow(TransportState.stopped(44_100, 0).withPosition(true, 5000, 0), 0, 0, RATE, at);
        assertFalse(at.rolling);
    }

    @Test
    void betweenReportsTheCursorWrapsAtTheLoopEndAndTellsTheLoop() {
        TransportState.Loop loop = new TransportState.Loop(48_000, 96_000);
        TransportState rolling = report(true, 96_000 - 100, 0).withLoop(loop);
        assertEquals(95_900, cycle(rolling, 0));
        assertEquals(loop, at.loop, "the renderer splits the cycle that reaches the end");
        assertEquals(48_000 + 156, cycle(rolling, 1), "256 frames on from 95 900, 100 of them before the end");
        assertEquals(48_000 + 412, cycle(rolling, 2));
        assertEquals(95_900 + 3 * 256, cycle(report(true, 95_900, 0), 3), "no loop: on past 96 000");
    }
}
