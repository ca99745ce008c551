package org.v2mzero.bridge.jack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.jaudiolibs.jnajack.JackException;
import org.junit.jupiter.api.Test;

/**
 * The server going away under a running player: a real jackd is killed (SIGKILL, like a crash), the
 * player must say so and keep its take; a new jackd of the same name is started and the player must be
 * back, with its connections, playing exactly again, within a bounded time.
 */
class JackStemPlayerReconnectTest {
    private static final Logger LOG = Logger.getLogger(JackStemPlayerReconnectTest.class.getName());
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final int PERIOD = 256;
    private static final int LENGTH = 48_000 * 4;

    @Test
    void survivesAKilledServerAndReconnectsWhenOneIsBack() throws Exception {
        PlayableTake take = FrameCodedTakes.take(1, 0, LENGTH, "drums");
        JackTestServer first = JackTestServer.start(PERIOD);
        JackStemPlayer player = new JackStemPlayer("v2m", List.of("drums"));
        try {
            assertEquals(PlayerState.CONNECTED, player.start());
            player.setTake(take, JackStemPlayer.SWAP_NOW);
            try (JackRecorder recorder = JackRecorder.open("v2m-rec")) {
                assertTrue(player.connect("mix_L", "v2m-rec:in_L"));
                assertTrue(player.connect("drums_R", "v2m-rec:in_R"));
                playAndCheck(recorder, player);
            }

            first.kill();
            JackRecorder.await("player reports the server gone", WAIT,
                    () -> player.state() == PlayerState.DISCONNECTED);
            assertSame(take, player.currentTake(), "the take is kept while disconnected");
            assertEquals(0, player.stats().callbackErrors());

            long serverStart = System.nanoTime();
            try (JackTestServer second = JackTestServer.start(PERIOD)) {
                long serverUpMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - serverStart);
                JackRecorder.await("player reconnected", WAIT, () -> player.state() == PlayerState.CONNECTED);
                long reconnectMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - serverStart);
                try (JackRecorder recorder = JackRecorder.open("v2m-rec")) {
                    JackRecorder.await("remembered connections made again", WAIT, () -> connected(recorder));
                    playAndCheck(recorder, player);
                }
                PlayerStats stats = player.stats();
                LOG.info(() -> "new jackd answered jack_wait after " + serverUpMillis + " ms; player connected "
                        + reconnectMillis + " ms after the start of that jackd; " + stats);
                assertEquals(2, stats.connects());
                assertEquals(0, stats.callbackErrors());
                player.close(); // before its server, so the log does not report a second loss
            }
        } finally {
            CompletableFuture<Void> other = CompletableFuture.runAsync(player::close);
            player.close();
            other.get(15, TimeUnit.SECONDS);
            first.close();
        }
        assertEquals(PlayerState.CLOSED, player.state());
        player.close(); // idempotent
    }

    private static boolean connected(JackRecorder recorder) {
        try {
            return recorder.connected();
        } catch (JackException e) {
            throw new AssertionError("recorder cannot read its connections", e);
        }
    }

    /** Rolls 0.2 s from frame 0 and checks every sample heard (blocks garbled by reported xruns aside). */
    private static void playAndCheck(JackRecorder recorder, JackStemPlayer player) throws JackException {
        recorder.stop();
        recorder.locate(0);
        JackRecorder.await("stopped at 0", WAIT, () -> !recorder.rolling() && recorder.frame() == 0);
        recorder.arm();
        recorder.play();
        JackRecorder.await("rolling past 9600", WAIT, () -> recorder.rolling() && recorder.frame() >= 9_600);
        recorder.stop();
        JackRecorder.await("stopped", WAIT, () -> !recorder.rolling());
        recorder.disarm();
        Recording r = Recording.check(recorder, PERIOD,
                frame -> FrameCodedTakes.mix(1, 0, LENGTH, 1, frame),
                frame -> 0f - FrameCodedTakes.mix(1, 0, LENGTH, 1, frame));
        r.assertGlitchesExplained((int) player.stats().xruns() + recorder.xruns());
        assertTrue(r.maxFrame >= 9_600 && r.audible >= r.rolling - r.glitches.size() * PERIOD && r.audible > 0,
                "heard the take: " + r.audible + " of " + r.rolling + " rolling samples");
    }
}
