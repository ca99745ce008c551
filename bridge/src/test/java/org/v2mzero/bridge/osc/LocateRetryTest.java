package org.v2mzero.bridge.osc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * {@link LocateRetry} on its own (the sends it makes, with time), and wired into
 * {@link ArdourOscTransportSource} against the stand-in dropping locates as Ardour 7.3 does right after a
 * stop (the real Ardour dropping them: ArdourOscTransportSourceTest).
 */
class LocateRetryTest {
    private static final int RATE = 48_000;
    private static final long TOLERANCE = RATE / 20;
    private static final long AHEAD = RATE / 2;
    /** Long enough for every retry and the give-up to have run, with room for a busy machine. */
    private static final long ALL_RETRIES_MILLIS = (LocateRetry.RETRIES + 2) * LocateRetry.RETRY_MILLIS;

    private final List<Long> sent = new CopyOnWriteArrayList<>();

    /** Waits until every retry would have run, then checks that these were all the sends. */
    private void assertSentOnly(List<Long> expected, String why) throws InterruptedException {
        Thread.sleep(ALL_RETRIES_MILLIS);
        assertEquals(expected, sent, why);
    }

    /** Polls until {@code condition} holds or the deadline ({@link System#nanoTime}) passes; the caller asserts. */
    private static void pollUntil(BooleanSupplier condition, long deadlineNanos) throws InterruptedException {
        while (!condition.getAsBoolean() && System.nanoTime() < deadlineNanos) {
            Thread.sleep(5);
        }
    }

    /** A retry whose sends are only recorded, in {@link #sent}. */
    private LocateRetry recordingSends() {
        return new LocateRetry((frame, roll) -> sent.add(frame), RATE, TOLERANCE, AHEAD);
    }

    @Test
    void aLocateReportedInTimeIsSentOnce() throws Exception {
        try (LocateRetry retry = recordingSends()) {
            retry.request(96_000, false);
            assertTrue(retry.pending());
            retry.reported(480_128, System.nanoTime()); // where the DAW stopped: not the locate
            assertTrue(retry.pending());
            retry.reported(96_000, System.nanoTime());
            assertFalse(retry.pending());
            assertSentOnly(List.of(96_000L), "reported: not sent again");
        }
    }

    @Test
    void aLocateNeverReportedIsSentAgainThenGivenUp() throws Exception {
        try (LocateRetry retry = recordingSends()) {
            long start = System.nanoTime();
            retry.request(96_000, false);
            pollUntil(() -> !retry.pending(), start + TimeUnit.SECONDS.toNanos(5));
            assertFalse(retry.pending(), "given up");
            assertEquals(LocateRetry.RETRIES + 1, sent.size(), "the first send and every retry: " + sent);
            assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)
                    >= LocateRetry.RETRIES * LocateRetry.RETRY_MILLIS);
        }
    }

    @Test
    void aLocateThatCannotBeSentIsNotLeftPending() {
        try (LocateRetry retry = new LocateRetry((frame, roll) -> {
            throw new IOException("socket closed");
        }, RATE, TOLERANCE, AHEAD)) {
            assertThrows(IOException.class, () -> retry.request(96_000, false));
            assertFalse(retry.pending());
        }
    }

    @Test
    void aReportAheadOfTheTargetByTheDawsLatencyLands() throws Exception {
        try (LocateRetry retry = recordingSends()) {
            retry.request(0, false);
            retry.reported(4096, System.nanoTime()); // Ardour following JACK transport: 4096 samples ahead
            assertFalse(retry.pending());
            assertSentOnly(List.of(0L), "landed: not sent again");
        }
    }

    @Test
    void aCancelledLocateIsNotSentAgain() throws Exception {
        try (LocateRetry retry = recordingSends()) {
            retry.request(96_000, false);
            retry.cancel(); // the transport was started: moving it now would cut a recording in two
            assertFalse(retry.pending());
            assertSentOnly(List.of(96_000L), "cancelled: not sent again");
        }
    }

    @Test
    void aNewerLocateReplacesTheOlderOne() throws Exception {
        try (LocateRetry retry = recordingSends()) {
            retry.request(96_000, false);
            retry.request(144_000, false);
            retry.reported(144_000, System.nanoTime());
            assertSentOnly(List.of(96_000L, 144_000L), "the older one is not retried");
        }
    }

    @Test
    void aRollingLocateLandsWhereItHasRolledSince() throws Exception {
        try (LocateRetry retry = recordingSends()) {
            long start = System.nanoTime();
            retry.request(12_000, true);
            Thread.sleep(200);
            long rolled = (System.nanoTime() - start) * RATE / 1_000_000_000L;
            retry.reported(12_000 + rolled + 2 * AHEAD, System.nanoTime()); // past where it could be
            assertTrue(retry.pending());
            retry.reported(12_000 + rolled, System.nanoTime());
            assertFalse(retry.pending());
        }
    }

    @Test
    void theArdourSourceLandsALocateTheDawDropped() throws Exception {
        try (ArdourStandIn daw = new ArdourStandIn();
                ArdourOscTransportSource source = (ArdourOscTransportSource) daw.start()) {
            daw.dropLocates(2);
            source.locate(2.0);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ALL_RETRIES_MILLIS);
            pollUntil(() -> daw.truthFrame() == 96_000, deadline);
            assertEquals(96_000, daw.truthFrame(), "the third send moved the DAW");
            assertEquals(3, daw.controlsSeen().stream().filter("/locate"::equals).count(),
                    daw.controlsSeen().toString());
            pollUntil(() -> !source.locatePending(), deadline);
            assertEquals(96_000, source.state().frame());
            assertFalse(source.locatePending(), "settled by the DAW's report");
        }
    }
}
