package org.v2mzero.bridge.osc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.v2mzero.bridge.transport.TransportChange;
import org.v2mzero.protocol.TransportState;
import org.v2mzero.protocol.TransportState.Loop;

/**
 * The loop part of Reaper's dialect ({@code REPEAT t/repeat}, {@code LOOP_START_TIME f/loop/start/time},
 * {@code LOOP_END_TIME f/loop/end/time} of {@code Default.ReaperOSC}), sent by the {@link ReaperStandIn}
 * over loopback because Reaper cannot be installed here. 48 kHz: 1 s is 48 000 samples.
 */
class ReaperOscTransportSourceTest {
    private static final int RATE = OscDawStandIn.RATE;

    private final LinkedBlockingQueue<TransportState> loops = new LinkedBlockingQueue<>();

    private Loop nextLoop() throws InterruptedException {
        TransportState state = loops.poll(2, TimeUnit.SECONDS);
        assertNotNull(state, "no LOOP change within 2 s");
        return state.loop();
    }

    @Test
    void theLoopIsKnownWhileRepeatIsOnAndTheRangeIsNotEmpty() throws Exception {
        try (ReaperStandIn reaper = new ReaperStandIn()) {
            OscTransportSource source = reaper.start();
            try {
                source.addListener((change, state) -> {
                    if (change == TransportChange.LOOP) {
                        loops.add(state);
                    }
                });
                reaper.send("/loop/start/time", 1f);
                reaper.send("/loop/end/time", 2f); // repeat still off: Reaper plays through, no loop yet
                reaper.send("/repeat", 1f);
                assertEquals(new Loop(RATE, 2L * RATE), nextLoop(), "the range told before repeat came on");
                reaper.send("/loop/end/time", 3.5f);
                assertEquals(new Loop(RATE, 7L * RATE / 2), nextLoop());
                reaper.send("/loop/end/time", 1f); // start = end: Reaper's report when no loop range is set
                assertNull(nextLoop());
                reaper.send("/loop/end/time", 2f);
                assertEquals(new Loop(RATE, 2L * RATE), nextLoop());
                reaper.send("/repeat", 0f);
                assertNull(nextLoop());
                assertNull(source.state().loop());

                long before = source.malformedMessages();
                reaper.send("/repeat", "on");
                reaper.send("/loop/start/time", Float.NaN);
                reaper.send("/loop/end/time");
                reaper.send("/repeat", 1f);
                assertEquals(new Loop(RATE, 2L * RATE), nextLoop(), "bad input changes nothing, the source goes on");
                assertEquals(before + 3, source.malformedMessages());
                assertTrue(loops.isEmpty(), "one change per change: " + loops);
            } finally {
                source.close();
            }
        }
    }
}
