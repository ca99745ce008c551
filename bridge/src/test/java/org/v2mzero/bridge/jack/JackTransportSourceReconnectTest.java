package org.v2mzero.bridge.jack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Logger;
import org.jaudiolibs.jnajack.Jack;
import org.jaudiolibs.jnajack.JackClient;
import org.jaudiolibs.jnajack.JackException;
import org.jaudiolibs.jnajack.JackOptions;
import org.jaudiolibs.jnajack.JackPosition;
import org.jaudiolibs.jnajack.JackStatus;
import org.jaudiolibs.jnajack.JackTransportState;
import org.junit.jupiter.api.Test;
import org.v2mzero.bridge.transport.TransportChange;
import org.v2mzero.protocol.TransportState;

/**
 * The server going away under a running {@link JackTransportSource}: a real jackd is killed (SIGKILL,
 * like a crash) while its transport rolls. The JVM must survive it, the source must report stopped and
 * keep answering, and a new jackd of the same name must be followed again: rolled by a test client, the
 * source's state rolls and its frame advances with it.
 *
 * <p>A {@link JackStemPlayer} runs beside the source, as in the daemon: its failed reconnects while
 * the server is away (and the source's own) are what made libjack drop its shared memory under a
 * source that still polled its dead client, a SIGSEGV in {@code jack_transport_query}; reproduced here
 * against the polling source before the fix.
 */
class JackTransportSourceReconnectTest {
    private static final Logger LOG = Logger.getLogger(JackTransportSourceReconnectTest.class.getName());
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final int PERIOD = 256;
    private static final int RATE = 48_000;
    /**
     * Source versus JACK's own interpolated frame (50 ms): how close it follows is the contract test's to
     * measure; this one checks whose transport it follows, on a machine the whole suite loads.
     */
    private static final long FOLLOW_TOLERANCE = RATE / 20;

    private final List<TransportChange> changes = new CopyOnWriteArrayList<>();
    private final List<Thread> listenerThreads = new CopyOnWriteArrayList<>();

    @Test
    void survivesAKilledServerAndFollowsTheNextOne() throws Exception {
        JackTestServer first = JackTestServer.start(PERIOD);
        JackTransportSource source = new JackTransportSource("v2m-transport-test");
        JackStemPlayer player = new JackStemPlayer("v2m", List.of("drums"));
        try {
            assertEquals(PlayerState.CONNECTED, player.start());
            source.addListener((change, state) -> {
                changes.add(change);
                listenerThreads.add(Thread.currentThread());
            });
            source.start();
            assertTrue(source.connected());
            JackClient daw = openDaw(); // closed before the kill: a test client never outlives its server
            try {
                rollAndFollow(daw, source, RATE);
            } finally {
                daw.close();
            }

            first.kill(); // still rolling: nobody stopped the transport
            JackRecorder.await("source reports the server gone", WAIT,
                    () -> !source.connected() && !source.state().playing());
            JackRecorder.await("player reports the server gone", WAIT,
                    () -> player.state() == PlayerState.DISCONNECTED);
            long stoppedAt = source.state().frame();
            assertTrue(stoppedAt > RATE, "stopped where it rolled to, not reset: " + stoppedAt);
            keepsAnsweringStopped(source, stoppedAt, Duration.ofMillis(500));
            Thread sourceThread = listenerThreads.get(0);
            assertTrue(sourceThread.isAlive(), "the source's thread survived the server");
            IOException refused = assertThrows(IOException.class, source::play);
            assertTrue(refused.getMessage().contains(JackTestServer.name()) && !refused.getMessage().contains("\n"),
                    "one line naming the server: " + refused.getMessage());
            assertThrows(IOException.class, () -> source.locate(1));
            assertThrows(IOException.class, source::stop);

            long serverStart = System.nanoTime();
            try (JackTestServer second = JackTestServer.start(PERIOD)) {
                long serverUpMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - serverStart);
                JackRecorder.await("source reconnected", WAIT, source::connected);
                long reconnectMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - serverStart);
                LOG.info(() -> "new jackd answered jack_wait after " + serverUpMillis + " ms; source connected "
                        + reconnectMillis + " ms after the start of that jackd");
                assertTrue(reconnectMillis - serverUpMillis < 2_000, "backoff is bounded by 1 s: reconnected "
                        + (reconnectMillis - serverUpMillis) + " ms after the server answered");
                JackRecorder.await("the new server's transport: stopped at 0", WAIT,
                        () -> !source.state().playing() && source.state().frame() == 0);
                JackClient secondDaw = openDaw();
                try {
                    rollAndFollow(secondDaw, source, 2 * RATE);
                    drives(secondDaw, source);
                } finally {
                    secondDaw.close();
                }
                JackRecorder.await("player reconnected", WAIT, () -> player.state() == PlayerState.CONNECTED);
                source.close(); // before its server, so the log does not report a second loss
                player.close();
                sourceThread.join(2_000);
                assertFalse(sourceThread.isAlive(), "close() stops the source's thread");
            }
        } finally {
            CompletableFuture<Void> other = CompletableFuture.runAsync(source::close);
            source.close();
            other.get(15, TimeUnit.SECONDS);
            player.close();
            first.close();
        }
        List<TransportChange> playStop = changes.stream()
                .filter(c -> c == TransportChange.PLAY || c == TransportChange.STOP).toList();
        assertEquals(List.of(TransportChange.PLAY, TransportChange.STOP, TransportChange.PLAY, TransportChange.STOP),
                playStop, "rolled, lost the server, rolled on the new one, stopped by the source: " + changes);
        assertTrue(listenerThreads.stream().allMatch(t -> t == listenerThreads.get(0)),
                "one source thread throughout, reconnect included");
    }

    @Test
    void noServerAtStartIsOneClearLine() {
        JackTransportSource source = new JackTransportSource("v2m-transport-test");
        IOException e = assertThrows(IOException.class, source::start);
        assertTrue(e.getMessage().contains(JackTestServer.name()) && !e.getMessage().contains("\n"),
                "one line naming the server: " + e.getMessage());
        assertFalse(source.connected());
        assertFalse(source.state().playing());
        source.close();
        source.close();
    }

    /** The test's DAW: a client of its own (not activated) that moves the transport and reads it. */
    private static JackClient openDaw() throws JackException {
        return Jack.getInstance().openClient("v2m-test-daw", EnumSet.of(JackOptions.JackNoStartServer),
                EnumSet.noneOf(JackStatus.class));
    }

    private static boolean rolling(JackClient daw) {
        try {
            return daw.transportQuery(new JackPosition()) == JackTransportState.JackTransportRolling;
        } catch (JackException e) {
            throw new AssertionError("the test's client cannot read the transport", e);
        }
    }

    private static long truth(JackClient daw) {
        try {
            return daw.getCurrentTransportFrame();
        } catch (JackException e) {
            throw new AssertionError("the test's client cannot read the transport", e);
        }
    }

    /** The test client locates to {@code from} and rolls; the source must roll and advance with it. */
    private static void rollAndFollow(JackClient daw, JackTransportSource source, long from) throws Exception {
        daw.transportLocate((int) from);
        daw.transportStart();
        JackRecorder.await("source rolls from " + from, WAIT,
                () -> source.state().playing() && source.state().frame() >= from);
        long seen = source.state().frame();
        JackRecorder.await("source advances with the transport", WAIT,
                () -> source.state().frame() >= seen + RATE / 10);
        for (int i = 0; i < 20; i++) {
            long truthBefore = truth(daw);
            long estimate = source.state().frame();
            long truthAfter = truth(daw);
            assertTrue(estimate >= truthBefore - FOLLOW_TOLERANCE && estimate <= truthAfter + FOLLOW_TOLERANCE,
                    "source at " + estimate + ", transport between " + truthBefore + " and " + truthAfter);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(3));
        }
    }

    /** After a reconnect the source's own controls reach the new server. */
    private static void drives(JackClient daw, JackTransportSource source) throws Exception {
        source.stop();
        JackRecorder.await("the source stopped the transport", WAIT, () -> !rolling(daw));
        JackRecorder.await("the source sees it stopped", WAIT, () -> !source.state().playing());
        source.locate(1.0);
        JackRecorder.await("the source located the transport", WAIT, () -> truth(daw) == RATE);
        JackRecorder.await("the source sees its locate", WAIT, () -> source.state().frame() == RATE);
    }

    /** For {@code span}: state() answers at once, stopped at {@code frame}, and the rate is kept. */
    private static void keepsAnsweringStopped(JackTransportSource source, long frame, Duration span) {
        long end = System.nanoTime() + span.toNanos();
        while (System.nanoTime() < end) {
            TransportState state = source.state();
            assertFalse(state.playing());
            assertEquals(frame, state.frame());
            assertEquals(RATE, source.sampleRate());
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }
}
