package org.v2mzero.bridge.jack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.jaudiolibs.jnajack.JackException;
import org.junit.jupiter.api.Test;

/** {@link ActiveClient} against a real jackd: the safe close, and opens after a server loss. */
class ActiveClientTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    /** Counts cycles; the last one (before a close ends the thread) separately. */
    static final class Counting implements ActiveClient.Cycle {
        final AtomicInteger cycles = new AtomicInteger();
        final AtomicInteger lastCycles = new AtomicInteger();

        @Override
        public void process(int frames) {
            cycles.incrementAndGet();
        }

        @Override
        public void lastCycle(int frames) {
            lastCycles.incrementAndGet();
        }
    }

    @Test
    void closeEndsTheProcessThreadWithOneLastCycle() throws Exception {
        try (JackTestServer server = JackTestServer.start(256)) {
            ActiveClient client = ActiveClient.open("v2m-active", true);
            ActiveClient witness = ActiveClient.open("v2m-witness", true);
            Counting cycle = new Counting();
            Counting witnessed = new Counting();
            client.activate(cycle);
            witness.activate(witnessed);
            JackRecorder.await("cycles run", WAIT, () -> cycle.cycles.get() > 3);
            client.close();
            int after = cycle.cycles.get();
            assertEquals(1, cycle.lastCycles.get());
            int from = witnessed.cycles.get();
            JackRecorder.await("the server runs 10 more periods", WAIT, () -> witnessed.cycles.get() >= from + 10);
            assertEquals(after, cycle.cycles.get(), "no cycle after close");
            witness.close();
        }
    }

    /**
     * Two clients lose their server (SIGKILL). libjack frees every client still open at the next
     * {@code jack_client_open} after a loss, so closing the second one after an open reached libjack
     * was a use-after-free (the JVM crashed in {@code jack_client_close}): the open must wait for it.
     */
    @Test
    void afterAServerLossOpensWaitUntilEveryClientIsClosed() throws Exception {
        JackTestServer first = JackTestServer.start(256);
        ActiveClient a = ActiveClient.open("v2m-a", true);
        ActiveClient b = ActiveClient.open("v2m-b", true);
        boolean aClosed = false;
        boolean bClosed = false;
        try {
            a.activate(new Counting());
            b.activate(new Counting());
            first.kill();
            JackRecorder.await("both hear the server gone", WAIT, () -> a.serverGone() && b.serverGone());
            a.close();
            aClosed = true;
            JackException early = assertThrows(JackException.class, () -> ActiveClient.open("v2m-c", true));
            assertTrue(early.getMessage().contains("server was lost"), early.getMessage());
            b.close();
            bClosed = true;
            JackException noServer = assertThrows(JackException.class, () -> ActiveClient.open("v2m-c", true));
            assertTrue(noServer.getMessage().contains("JackServerFailed"), noServer.getMessage());
            try (JackTestServer second = JackTestServer.start(256)) {
                ActiveClient c = ActiveClient.open("v2m-c", true);
                Counting cycle = new Counting();
                c.activate(cycle);
                JackRecorder.await("the new server runs the new client", WAIT, () -> cycle.cycles.get() > 3);
                c.close();
            }
        } finally {
            // A failed assertion must not leave a lost client open to block later tests' opens.
            if (!aClosed) {
                a.close();
            }
            if (!bClosed) {
                b.close();
            }
            first.close();
        }
    }
}
