package org.v2mzero.bridge.jack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link TransportRequests} without JACK: a thread of the test plays the process thread, calling
 * {@link TransportRequests#runPending} in a loop as the callback does once per cycle; what JACK would
 * be asked is recorded.
 */
class TransportRequestsTest {
    private final TransportRequests requests = new TransportRequests();
    private final List<String> executed = new CopyOnWriteArrayList<>();
    private final AtomicBoolean cycling = new AtomicBoolean(true);
    private volatile TransportRequests.Executor jack = (request, frame) -> {
        executed.add(request + "@" + frame);
        return true;
    };
    private final Thread process = new Thread(() -> {
        while (cycling.get()) {
            requests.runPending((request, frame) -> jack.execute(request, frame));
            Thread.onSpinWait();
        }
    }, "test-process-thread");

    @AfterEach
    void stopProcessThread() throws InterruptedException {
        cycling.set(false);
        process.join(2000);
    }

    @Test
    void runsEachRequestOnceOnTheProcessThreadAndReturnsWhenDone() throws Exception {
        process.start();
        requests.request(TransportRequests.LOCATE, 96_000, "locate", () -> true);
        requests.request(TransportRequests.START, 0, "start", () -> true);
        assertEquals(List.of(TransportRequests.LOCATE + "@96000", TransportRequests.START + "@0"), executed);
    }

    @Test
    void aRefusalOrAFailureComesBackToTheCallerAsOneLine() throws Exception {
        process.start();
        jack = (request, frame) -> false;
        IOException refused = assertThrows(IOException.class,
                () -> requests.request(TransportRequests.LOCATE, 1, "locate to frame 1", () -> true));
        assertEquals("JACK transport locate to frame 1: refused by the JACK server", refused.getMessage());
        IllegalStateException cause = new IllegalStateException("boom");
        jack = (request, frame) -> {
            throw cause;
        };
        IOException failed = assertThrows(IOException.class,
                () -> requests.request(TransportRequests.STOP, 0, "stop", () -> true));
        assertSame(cause, failed.getCause());
        assertFalse(failed.getMessage().contains("\n"), failed.getMessage());
    }

    @Test
    void aRequestNoCycleTookIsWithdrawnSoItNeverRunsLater() throws Exception {
        long start = System.nanoTime();
        IOException late = assertThrows(IOException.class,
                () -> requests.request(TransportRequests.START, 0, "start", () -> true));
        assertTrue(late.getMessage().contains("no cycle within 1 s"), late.getMessage());
        assertTrue(System.nanoTime() - start < 3_000_000_000L, "bounded wait");
        process.start(); // cycles resume: the withdrawn start must not run, the next request must
        requests.request(TransportRequests.STOP, 0, "stop", () -> true);
        assertEquals(List.of(TransportRequests.STOP + "@0"), executed);
    }

    @Test
    void aClientThatIsGoneEndsTheWaitAtOnce() {
        AtomicBoolean live = new AtomicBoolean(true);
        Thread loser = new Thread(() -> live.set(false));
        long start = System.nanoTime();
        loser.start();
        IOException gone = assertThrows(IOException.class,
                () -> requests.request(TransportRequests.START, 0, "start", live::get));
        assertTrue(gone.getMessage().contains("client is gone"), gone.getMessage());
        assertTrue(System.nanoTime() - start < 500_000_000L, "did not wait for the 1 s bound");
        assertTrue(executed.isEmpty());
    }
}
