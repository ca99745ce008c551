package org.v2mzero.bridge.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.v2mzero.protocol.TransportState;

/** The interpolation on a synthetic clock: nanosecond stamps passed in, no waiting. */
class TransportTrackerTest {
    private static final long MS = 1_000_000;

    @Test
    void advancesAtTheSampleRateWhileRollingAndHoldsWhenStopped() {
        TransportTracker tracker = new TransportTracker(48_000, 0.05, 0);
        tracker.reportPosition(1000, 0);
        assertEquals(1000, tracker.estimate(500 * MS).frame(), "stopped: no advance");

        tracker.reportPlaying(true, 1000 * MS);
        assertEquals(1000 + 48_000 / 4, tracker.estimate(1250 * MS).frame());
        tracker.reportPlaying(false, 1500 * MS);
        assertEquals(1000 + 24_000, tracker.estimate(9000 * MS).frame());
    }

    @Test
    void eachReportResyncsAndOnlyFarOnesAreLocates() {
        List<TransportChange> changes = new ArrayList<>();
        TransportTracker tracker = new TransportTracker(48_000, 0.05, 0);
        tracker.addListener((change, state) -> changes.add(change));
        tracker.reportPlaying(true, 0);
        tracker.reportPosition(4800 + 100, 100 * MS); // 2 ms ahead of the prediction: a resync
        assertEquals(4900 + 4800, tracker.estimate(200 * MS).frame());
        tracker.reportPosition(0, 200 * MS); // backwards: a jump, never a glide
        assertEquals(0, tracker.estimate(200 * MS).frame());
        assertEquals(48, tracker.estimate(201 * MS).frame());
        assertEquals(List.of(TransportChange.PLAY, TransportChange.LOCATE), changes);
    }

    @Test
    void tempoChangesAreToldOnce() {
        List<TransportChange> changes = new ArrayList<>();
        TransportTracker tracker = new TransportTracker(44_100, 0, 0);
        tracker.addListener((change, state) -> changes.add(change));
        assertFalse(tracker.estimate(0).hasTempo());
        tracker.reportTempo(120, 4);
        tracker.reportTempo(120, 4);
        assertTrue(tracker.estimate(0).hasTempo());
        assertEquals(List.of(TransportChange.TEMPO), changes);
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers() {
        List<TransportChange> changes = new ArrayList<>();
        TransportTracker tracker = new TransportTracker(48_000, 0, 0);
        tracker.addListener((change, state) -> {
            throw new IllegalStateException("listener bug (expected in this test)");
        });
        tracker.addListener((change, state) -> changes.add(change));
        tracker.reportPlaying(true, 0);
        assertEquals(List.of(TransportChange.PLAY), changes);
    }

    @Test
    void whileLoopingTheEstimateWrapsAndAReportAfterTheWrapIsNoLocate() {
        List<TransportChange> changes = new ArrayList<>();
        TransportTracker tracker = new TransportTracker(48_000, 0.05, 0);
        tracker.addListener((change, state) -> changes.add(change));
        TransportState.Loop loop = new TransportState.Loop(48_000, 96_000);
        tracker.reportLoop(loop, 0);
        tracker.reportLoop(loop, 0);
        tracker.reportPosition(96_000 - 4_800, 0);
        tracker.reportPlaying(true, 0);
        assertEquals(95_999, tracker.estimate(100 * MS - 20_834).frame(), "the loop's last frame");
        assertEquals(48_000 + 2_400, tracker.estimate(150 * MS).frame(), "50 ms past the end: 50 ms into the loop");
        assertEquals(loop, tracker.estimate(150 * MS).loop());
        tracker.reportPosition(48_000 + 4_800 + 10, 200 * MS); // the DAW wrapped as predicted
        tracker.reportLoop(null, 300 * MS); // looping off: on from where it was, without a wrap
        assertEquals(48_000 + 9_610 + 48_000, tracker.estimate(1_300 * MS).frame());
        assertEquals(List.of(TransportChange.LOOP, TransportChange.LOCATE, TransportChange.PLAY, TransportChange.LOOP),
                changes);
    }
}
