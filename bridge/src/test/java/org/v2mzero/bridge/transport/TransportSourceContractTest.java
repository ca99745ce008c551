package org.v2mzero.bridge.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.v2mzero.bridge.ardour.ArdourLuaRig;
import org.v2mzero.bridge.jack.JackTransportRig;
import org.v2mzero.bridge.osc.ArdourStandIn;
import org.v2mzero.bridge.osc.ReaperStandIn;
import org.v2mzero.protocol.TransportState;

/**
 * The contract every {@link TransportSource} keeps, run over each implementation with its DAW: a real
 * jackd for JACK; the real Ardour 7 ({@code ardour7-lua} on its Dummy backend with the OSC surface on, see
 * {@code ArdourLuaRig}; skipped where Ardour is not installed); and OSC stand-ins on loopback for Ardour
 * and Reaper (see {@code OscDawStandIn}), because Reaper cannot be installed here and a stand-in starts in
 * milliseconds on any machine.
 */
class TransportSourceContractTest {
    private static final Duration SEEN_WITHIN = Duration.ofSeconds(2);
    /** Estimate versus truth between feedback messages, median: a few ms. */
    private static final double P50_ERROR_MS = 5;
    /**
     * The worst sample: OSC feedback carries no timestamp, so a datagram delivered late by a busy machine
     * (seen: 12-17 ms on a loaded 2-core box) shifts the estimate by that delay until the next message,
     * so the upper percentiles measure the machine's load, not the interpolation.
     */
    private static final double MAX_ERROR_MS = 50;
    /** The longest a DAW waits between position reports while rolling (Ardour: 100 ms). */
    private static final double REPORT_INTERVAL_MS = 100;

    record Event(TransportChange change, Thread thread) {}

    @ParameterizedTest
    @ValueSource(classes = {JackTransportRig.class, ArdourLuaRig.class, ArdourStandIn.class, ReaperStandIn.class})
    void followsAndDrivesTheTransport(Class<? extends TransportRig> rigClass) throws Exception {
        LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
        try (TransportRig rig = rigClass.getDeclaredConstructor().newInstance()) {
            TransportSource source = rig.start();
            String name = rigClass.getSimpleName();
            try {
                source.addListener((change, state) -> events.add(new Event(change, Thread.currentThread())));
                int rate = source.sampleRate();
                assertFalse(source.state().playing(), name + ": stopped at start");
                assertEquals(0, source.state().frame());

                source.play();
                Event play = await(events, TransportChange.PLAY, name);
                assertNotSame(Thread.currentThread(), play.thread(), "listeners run on the source's thread");
                assertTrue(play.thread().getName().startsWith("v2m-transport-"), play.thread().getName());
                assertTrue(rig.truthPlaying() && source.state().playing());

                double[] errorsMs = interpolationErrorsMs(rig, source, Duration.ofMillis(600));
                double p95 = errorsMs[(int) (errorsMs.length * 0.95)];
                double max = errorsMs[errorsMs.length - 1];
                // What no follower at the nominal rate can see: the DAW's clock off the wall clock between reports.
                double driftMs = Math.abs(1 - rig.clockSpeed()) * REPORT_INTERVAL_MS;
                System.out.printf("%s: interpolation error over 0.6 s: p50 %.2f ms, p95 %.2f ms, max %.2f ms"
                        + " (%d samples; DAW clock at %.1f %% of the wall clock, allowing %.1f ms more)%n", name,
                        errorsMs[errorsMs.length / 2], p95, max, errorsMs.length, rig.clockSpeed() * 100, driftMs);
                double p50 = errorsMs[errorsMs.length / 2];
                assertTrue(p50 < P50_ERROR_MS + driftMs && max < MAX_ERROR_MS + driftMs,
                        name + ": estimate off the truth by p50 " + p50 + " ms, max " + max + " ms");
                long driftFrames = Math.round(driftMs * rate / 1000);

                long backTo = rate / 4;
                long locateMs = timeToSee(() -> source.locate(0.25), rig, source, events, backTo, driftFrames);
                long forwardMs = timeToSee(() -> rig.dawLocate(10L * rate), rig, source, events, 10L * rate,
                        driftFrames);
                System.out.printf("%s: locate seen after %d ms (back, by the source) and %d ms (forward, by the DAW)%n",
                        name, locateMs, forwardMs);
                // Ardour 7 locates a rolling transport by declicking to a stop, moving and rolling again:
                // right at the locate either side may say stopped for a moment.
                awaitTrue(() -> source.state().playing() && rig.truthPlaying(), () -> name + ": a locate keeps rolling");

                source.stop();
                await(events, TransportChange.STOP, name);
                assertFalse(rig.truthPlaying());
                assertEquals(rig.truthFrame(), source.state().frame(), rate * 0.01 + driftFrames,
                        "stopped where the DAW stopped");

                timeToSee(() -> source.locate(2.0), rig, source, events, 2L * rate, driftFrames);
                assertFalse(source.state().playing(), "a locate while stopped stays stopped");
                if (!(source instanceof org.v2mzero.bridge.jack.JackTransportSource)) {
                    assertTrue(rig.controlsSeen().size() >= 4, "play, locate, stop, locate reached the DAW: "
                            + rig.controlsSeen());
                }

                survivesGarbage(rig, source, events, name);

                source.close();
                source.close();
                play.thread().join(2000);
                assertFalse(play.thread().isAlive(), "close() stops the source's thread");
            } finally {
                source.close();
            }
        }
    }

    /**
     * While the DAW loops, a source that knows the loop range wraps its estimate where the DAW does, between
     * reports too: never past the loop end, on the truth across each wrap, and no locate is told for a wrap
     * it foresaw. A source whose DAW does not report the range (JACK transport, Ardour's OSC: see each rig's
     * {@link TransportRig#dawLoop}) carries no loop in its state; its wraps are locates, covered above.
     */
    @ParameterizedTest
    @ValueSource(classes = {JackTransportRig.class, ArdourLuaRig.class, ArdourStandIn.class, ReaperStandIn.class})
    void wrapsWhereTheDawLoops(Class<? extends TransportRig> rigClass) throws Exception {
        LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
        try (TransportRig rig = rigClass.getDeclaredConstructor().newInstance()) {
            TransportSource source = rig.start();
            String name = rigClass.getSimpleName();
            try {
                source.addListener((change, state) -> events.add(new Event(change, Thread.currentThread())));
                int rate = source.sampleRate();
                TransportState.Loop loop = new TransportState.Loop(rate, 2L * rate);
                timeToSee(() -> rig.dawLocate(loop.endFrame() - rate / 4), rig, source, events,
                        loop.endFrame() - rate / 4, 0);
                if (!rig.dawLoop(loop.startFrame(), loop.endFrame())) {
                    System.out.printf("%s: the DAW does not report its loop range; a wrap is a locate%n", name);
                    assertNull(source.state().loop(), name + ": no loop range is known");
                    return;
                }
                await(events, TransportChange.LOOP, name + " loop on");
                assertEquals(loop, source.state().loop());
                source.play();
                await(events, TransportChange.PLAY, name);
                events.clear();
                double[] errorsMs = loopErrorsMs(rig, source, loop, Duration.ofMillis(1600));
                double p50 = errorsMs[errorsMs.length / 2];
                double max = errorsMs[errorsMs.length - 1];
                System.out.printf("%s: across loop wraps over 1.6 s: error p50 %.2f ms, max %.2f ms (%d samples)%n",
                        name, p50, max, errorsMs.length);
                assertTrue(p50 < P50_ERROR_MS && max < MAX_ERROR_MS,
                        name + ": estimate off the looping truth by p50 " + p50 + " ms, max " + max + " ms");
                assertTrue(events.stream().noneMatch(e -> e.change() == TransportChange.LOCATE),
                        name + ": a foreseen wrap is no locate: " + events);
                source.stop();
                await(events, TransportChange.STOP, name);
            } finally {
                source.close();
            }
        }
    }

    /**
     * Sorted distances of the estimate from the looping truth (read on both sides of it; around the loop, so
     * the loop's end and start are neighbours), every ~7 ms over {@code span}; fails on an estimate outside
     * the loop or fewer than one wrap.
     */
    private static double[] loopErrorsMs(TransportRig rig, TransportSource source, TransportState.Loop loop,
            Duration span) throws Exception {
        long end = System.nanoTime() + span.toNanos();
        long length = loop.endFrame() - loop.startFrame();
        java.util.List<Double> errors = new java.util.ArrayList<>();
        int wraps = 0;
        long previous = -1;
        while (System.nanoTime() < end) {
            long before = rig.truthFrame();
            long estimate = source.state().frame();
            long after = rig.truthFrame();
            assertTrue(estimate < loop.endFrame() && (previous < 0 || estimate >= loop.startFrame()),
                    "estimate " + estimate + " outside the loop " + loop);
            wraps += previous > estimate ? 1 : 0;
            previous = estimate;
            long off = Math.min(aroundLoop(estimate, before, length), aroundLoop(estimate, after, length));
            errors.add(off * 1000.0 / source.sampleRate());
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(7));
        }
        assertTrue(wraps >= 1, "the estimate wrapped " + wraps + " times in " + span);
        return errors.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    private static long aroundLoop(long a, long b, long length) {
        long d = Math.abs(a - b);
        return Math.min(d, Math.abs(length - d));
    }

    /** Sorted errors of the estimate against the truth, sampled every ~7 ms over {@code span}. */
    private static double[] interpolationErrorsMs(TransportRig rig, TransportSource source, Duration span)
            throws Exception {
        long end = System.nanoTime() + span.toNanos();
        java.util.List<Double> errors = new java.util.ArrayList<>();
        int rate = source.sampleRate();
        while (System.nanoTime() < end) {
            long before = rig.truthFrame();
            long estimate = source.state().frame();
            long after = rig.truthFrame();
            // The truth is read on both sides of the estimate: the error is its distance from that span.
            long off = estimate < before ? before - estimate : Math.max(0, estimate - after);
            errors.add(off * 1000.0 / rate);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(7));
        }
        return errors.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    interface Action {
        void run() throws Exception;
    }

    /**
     * Runs {@code action}, waits for its LOCATE event and for the estimate to sit on the target (plus the
     * time rolled since, when rolling) and on the truth, within 10 ms plus {@code driftFrames}; returns the
     * ms taken. Events left from earlier steps are dropped first, so only this action's LOCATE counts.
     */
    private static long timeToSee(Action action, TransportRig rig, TransportSource source,
            LinkedBlockingQueue<Event> events, long target, long driftFrames) throws Exception {
        int rate = source.sampleRate();
        events.clear();
        long start = System.nanoTime();
        action.run();
        await(events, TransportChange.LOCATE, "locate to " + target);
        boolean rolling = source.state().playing();
        awaitTrue(() -> {
            double rolled = rolling ? (System.nanoTime() - start) * (rate / 1e9) * rig.clockSpeed() : 0;
            long expected = target + Math.round(rolled);
            long estimate = source.state().frame();
            return Math.abs(estimate - expected) < rate / 10
                    && Math.abs(estimate - safeTruth(rig)) < rate / 100 + driftFrames;
        }, () -> "locate to " + target + ": estimate " + source.state().frame() + " vs truth " + safeTruth(rig));
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static void survivesGarbage(TransportRig rig, TransportSource source, LinkedBlockingQueue<Event> events,
            String name) throws Exception {
        long before = source.malformedMessages();
        int sent = rig.sendGarbage();
        if (sent < 0) {
            assertEquals(0, source.malformedMessages(), name + " has no wire to corrupt");
            return;
        }
        awaitTrue(() -> source.malformedMessages() >= before + sent,
                () -> name + " counted " + (source.malformedMessages() - before) + " of " + sent);
        source.play();
        await(events, TransportChange.PLAY, name + " after garbage");
        source.stop();
        await(events, TransportChange.STOP, name + " after garbage");
    }

    private static long safeTruth(TransportRig rig) {
        try {
            return rig.truthFrame();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Event await(LinkedBlockingQueue<Event> events, TransportChange change, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + SEEN_WITHIN.toNanos();
        for (long left = SEEN_WITHIN.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            Event event = events.poll(left, TimeUnit.NANOSECONDS);
            if (event != null && event.change() == change) {
                return event;
            }
        }
        throw new AssertionError(what + ": no " + change + " within " + SEEN_WITHIN);
    }

    private static void awaitTrue(BooleanSupplier condition, Supplier<String> why) {
        long deadline = System.nanoTime() + SEEN_WITHIN.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(why.get());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }
}
