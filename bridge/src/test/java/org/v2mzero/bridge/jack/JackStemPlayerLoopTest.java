package org.v2mzero.bridge.jack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.v2mzero.bridge.osc.ReaperStandIn;
import org.v2mzero.bridge.transport.TransportAnchor;
import org.v2mzero.bridge.transport.TransportSource;
import org.v2mzero.protocol.TransportState.Loop;

/**
 * The player following a DAW that loops: a real jackd (dummy backend, 48 kHz, 256-frame periods) and the
 * Reaper stand-in (Reaper cannot be installed here) looping 1 s..2 s and saying so in Reaper's OSC
 * feedback. The take's samples code their own frame ({@link FrameCodedTakes}), so the test's JACK client
 * reads, sample by sample, which timeline frame the player played.
 *
 * <p>Proves: right after the loop's last frame the player plays the loop start's sample (the wrap falls
 * inside a cycle and is not a glide past the end until the next report); nothing past the loop end is
 * heard; and at each cycle's start the played frame is where the looping DAW is.
 */
class JackStemPlayerLoopTest {
    private static final int PERIOD = 256;
    private static final int RATE = 48_000;
    private static final Loop LOOP = new Loop(RATE, 2L * RATE);
    private static final Duration WAIT = Duration.ofSeconds(5);
    /** A wrap that lands where a report resynced the cursor may sit up to the clock's deadband off: 1 ms. */
    private static final long WRAP_SLACK = Math.round(ExternalTransportClock.DEADBAND_SECONDS * RATE);
    /** Played-vs-truth limits as in JackStemPlayerOscTest: median a few ms, worst one report interval. */
    private static final double P50_MS = 5;
    private static final double MAX_MS = 100;
    private static final long GUARD_NANOS = 30_000_000;
    private static JackTestServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = JackTestServer.start(PERIOD);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void afterTheLoopEndThePlayerPlaysTheLoopStart() throws Exception {
        TruthLog truth = new TruthLog(20_000, RATE);
        try (ReaperStandIn reaper = new ReaperStandIn()) {
            TransportSource source = reaper.start();
            try (JackStemPlayer player = JackStemPlayer.following("v2m", List.of("drums", "bass"),
                    (TransportAnchor) source);
                    JackRecorder recorder = JackRecorder.open("v2m-rec")) {
                assertEquals(PlayerState.CONNECTED, player.start());
                assertTrue(player.connect("drums_R", "v2m-rec:in_R"));
                player.setTake(FrameCodedTakes.take(1, 0, RATE * 4, "drums", "bass"), JackStemPlayer.SWAP_NOW);
                long from = LOOP.endFrame() - RATE / 2;
                reaper.dawLocate(from);
                await("the source at 1.5 s", () -> source.state().frame() == from);
                assertTrue(reaper.dawLoop(LOOP.startFrame(), LOOP.endFrame()));
                await("the source knows the loop", () -> LOOP.equals(source.state().loop()));
                System.gc(); // a collection while rolling would stall every thread
                recorder.arm();
                source.play();
                await("rolling", () -> reaper.truthPlaying() && source.state().playing());
                sampleTruth(reaper, truth, 2.8); // wraps at about 0.5, 1.5 and 2.5 s
                source.stop();
                await("stopped", () -> !((TransportAnchor) source).anchor().playing());
                awaitCycles(recorder);
                recorder.disarm();
                checkWraps(recorder, player);
                checkTiming(recorder, truth);
            } finally {
                source.close();
            }
        }
    }

    /** Every sample's frame, decoded from drums_R ({@code -(k + 1) * UNIT}); -1 for silence. */
    private static long frameOf(JackRecorder recorder, int i) {
        float sample = recorder.right[i];
        return sample == 0f ? -1 : Math.round(-sample / FrameCodedTakes.UNIT) - 1;
    }

    private static void checkWraps(JackRecorder recorder, JackStemPlayer player) {
        int wraps = 0;
        int exact = 0;
        int otherJumps = 0;
        long previous = -1;
        for (int i = 0; i < recorder.count(); i++) {
            long frame = frameOf(recorder, i);
            assertTrue(frame < LOOP.endFrame(), "sample #" + i + " played frame " + frame + ", past the loop end");
            if (previous >= 0 && frame >= 0 && frame != previous + 1) {
                if (previous == LOOP.endFrame() - 1) {
                    wraps++;
                    exact += frame == LOOP.startFrame() ? 1 : 0;
                    assertTrue(Math.abs(frame - LOOP.startFrame()) <= WRAP_SLACK, "sample #" + i
                            + " after the loop's last frame played " + frame + ", not the loop start");
                } else {
                    // A report that moved the cursor by over the 1 ms deadband, or an xrun: at a cycle's start,
                    // as in any following of OSC reports (JackStemPlayerOscTest bounds their size).
                    otherJumps++;
                }
            }
            previous = frame;
        }
        System.out.printf("loop: %d wraps heard, %d of them exactly loop end -> loop start; %d other jumps; %s%n",
                wraps, exact, otherJumps, player.stats());
        assertTrue(wraps >= 2, "wraps heard: " + wraps);
    }

    /** The played frame at each rolling cycle's start against the looping DAW's, around the loop. */
    private static void checkTiming(JackRecorder recorder, TruthLog truth) {
        List<Double> offsetsMs = new ArrayList<>();
        long length = LOOP.endFrame() - LOOP.startFrame();
        for (int block = 0; block + PERIOD <= recorder.count(); block += PERIOD) {
            long played = frameOf(recorder, block);
            long trueFrame = truth.at(recorder.cycleNanos[block], GUARD_NANOS);
            if (played >= 0 && trueFrame >= 0) {
                long d = Math.abs(played - trueFrame);
                offsetsMs.add(Math.min(d, Math.abs(length - d)) * 1000.0 / RATE);
            }
        }
        double[] abs = offsetsMs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        assertTrue(abs.length > 100, "rolling blocks compared with the truth: " + abs.length);
        double p50 = abs[abs.length / 2];
        double max = abs[abs.length - 1];
        System.out.printf(java.util.Locale.ROOT, "loop: |played - truth| over %d blocks: p50 %.2f ms, p95 %.2f ms,"
                + " max %.2f ms%n", abs.length, p50, abs[(int) (abs.length * 0.95)], max);
        assertTrue(p50 < P50_MS && max < MAX_MS, "played off the looping DAW by p50 " + p50 + " ms, max " + max);
    }

    /** Samples the DAW's true position every ~1 ms for {@code seconds}. */
    private static void sampleTruth(ReaperStandIn reaper, TruthLog truth, double seconds) {
        long end = System.nanoTime() + Math.round(seconds * 1e9);
        while (System.nanoTime() < end) {
            long frame = reaper.truthFrame();
            truth.add(System.nanoTime(), frame);
            LockSupport.parkNanos(1_000_000);
        }
    }

    /** A few more cycles, so the player's cycles after the stop are recorded too. */
    private static void awaitCycles(JackRecorder recorder) {
        recorder.awaitCycles(4);
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) {
        JackRecorder.await(what, WAIT, condition);
    }
}
