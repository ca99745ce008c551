package org.v2mzero.bridge.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.v2mzero.protocol.TransportState;
import org.v2mzero.protocol.TransportState.Loop;

/** Extrapolation across loop wraps on a synthetic clock (48 kHz, loop 48 000..96 000: seconds 1 to 2). */
class TransportMotionTest {
    private static final int RATE = 48_000;
    private static final long MS = 1_000_000;
    private static final Loop LOOP = new Loop(48_000, 96_000);

    private static TransportState rolling(long frame, Loop loop) {
        return TransportState.stopped(RATE, 0).withPosition(true, frame, 0).withLoop(loop);
    }

    @Test
    void withoutALoopTheTransportRollsOn() {
        assertEquals(100_000, TransportMotion.advance(null, 90_000, 10_000));
        assertEquals(90_000 + 4_800, TransportMotion.frameAt(rolling(90_000, null), 100 * MS));
    }

    @Test
    void reachingTheLoopEndJumpsToTheLoopStart() {
        assertEquals(95_999, TransportMotion.advance(LOOP, 90_000, 5_999), "the loop's last frame");
        assertEquals(48_000, TransportMotion.advance(LOOP, 90_000, 6_000), "the end is the start");
        assertEquals(48_000 + 4_000, TransportMotion.advance(LOOP, 90_000, 10_000), "4000 frames into the loop");
        // 100 ms after a report 0.05 s before the end: 50 ms past the end is 50 ms into the loop.
        assertEquals(48_000 + 2_400, TransportMotion.frameAt(rolling(96_000 - 2_400, LOOP), 100 * MS));
    }

    @Test
    void aLongWaitWrapsAsOftenAsTheDawDid() {
        // 3.5 s from 1.5 s in a 1 s loop: the loop ran three times and is half-way again.
        assertEquals(72_000, TransportMotion.advance(LOOP, 72_000, 3 * 48_000));
        assertEquals(48_000, TransportMotion.frameAt(rolling(72_000, LOOP), 3_500 * MS));
    }

    @Test
    void fromBeforeTheLoopItPlaysInThenWraps() {
        assertEquals(90_000, TransportMotion.advance(LOOP, 10_000, 80_000));
        assertEquals(48_000 + 1, TransportMotion.advance(LOOP, 10_000, 86_001));
    }

    @Test
    void atOrPastTheLoopEndItRollsOnAsTheDawDoes() {
        assertEquals(106_000, TransportMotion.advance(LOOP, 96_000, 10_000));
        assertEquals(210_000, TransportMotion.advance(LOOP, 200_000, 10_000));
    }

    @Test
    void stoppedOrNoTimeIsNoMotion() {
        assertEquals(95_000, TransportMotion.advance(LOOP, 95_000, 0));
        assertEquals(95_000, TransportMotion.advance(LOOP, 95_000, -100));
        TransportState stopped = rolling(95_000, LOOP).withPosition(false, 95_000, 0);
        assertEquals(95_000, TransportMotion.frameAt(stopped, 10_000 * MS));
    }

    @Test
    void aReportSeenAfterTheInstantAskedForIsMovedBackWithoutWrappingAndNotBelowZero() {
        assertEquals(48_000 + 100 - 480, TransportMotion.frameAt(rolling(48_100, LOOP), -10 * MS));
        assertEquals(0, TransportMotion.frameAt(rolling(100, LOOP), -10 * MS));
    }

    @Test
    void aCycleIsSplitWhereItReachesTheLoopEnd() {
        assertEquals(256, TransportMotion.framesBeforeWrap(null, 95_900, 256));
        assertEquals(100, TransportMotion.framesBeforeWrap(LOOP, 95_900, 256));
        assertEquals(256, TransportMotion.framesBeforeWrap(LOOP, 95_744, 256), "ends exactly at the end");
        assertEquals(256, TransportMotion.framesBeforeWrap(LOOP, 96_000, 256), "past the end: no wrap");
    }
}
