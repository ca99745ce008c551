package org.v2mzero.bridge.osc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.v2mzero.bridge.ardour.ArdourLuaRig;
import org.v2mzero.bridge.transport.TransportChange;
import org.v2mzero.bridge.transport.TransportListener;

/**
 * Ardour's OSC dialect against the real Ardour 7 ({@code ardour7-lua} on the Dummy backend, see
 * {@link ArdourLuaRig}), for what the contract test over every source does not cover: play, stop and
 * locate made in Ardour itself (the user's buttons and clicks, through Ardour's Lua API), the wire types of
 * {@code /locate}, landing on the exact sample, Ardour's answers to {@code /transport_frame}, and the
 * session's name. One Ardour for the class (about 8 s to start); each test starts and ends stopped.
 *
 * <p>Why {@code /locate} is two int32s: Ardour 7.3 registers it as {@code "ii"} (sample, roll). liblo
 * coerces other numeric types, so an int64 or a float works too, but an int64 past 2^31 - 1 is dropped
 * without a word (seen here): the source sends {@code ii} and refuses what does not fit, in one line.
 */
class ArdourOscTransportSourceTest {
    private static final int RATE = 48_000;
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static ArdourLuaRig rig;
    private static ArdourOscTransportSource source;
    private final LinkedBlockingQueue<TransportChange> events = new LinkedBlockingQueue<>();
    private final TransportListener listener = (change, state) -> events.add(change);

    @BeforeAll
    static void startArdour() throws Exception {
        rig = new ArdourLuaRig();
        source = rig.start();
    }

    @AfterAll
    static void stopArdour() throws Exception {
        if (rig != null) {
            rig.close();
        }
    }

    @BeforeEach
    void stopped() throws Exception {
        source.addListener(listener);
        awaitTrue(() -> !rig.truthPlaying() && !source.state().playing(), () -> "stopped before the test");
    }

    @AfterEach
    void stop() throws Exception {
        source.removeListener(listener);
        if (rig.truthPlaying()) {
            source.stop();
        }
    }

    @Test
    void followsPlayStopAndLocateMadeInArdour() throws Exception {
        rig.dawPlay(true);
        await(TransportChange.PLAY);
        long played = System.nanoTime();
        // Ardour says it rolls some cycles late; the source's /transport_frame on the change resyncs it
        // in a round trip, well before Ardour's next position report (up to 100 ms later).
        awaitTrue(() -> near(rig.truthFrame()), () -> "rolling: estimate " + source.state().frame()
                + " vs Ardour's " + rig.truthFrame());
        long resyncedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - played);
        System.out.println("ArdourOscTransportSourceTest: estimate on Ardour's position " + resyncedMs
                + " ms after its play feedback");

        events.clear(); // a LOCATE the play's resync may have raised is not the one awaited here
        rig.dawLocate(5L * RATE);
        await(TransportChange.LOCATE);
        // Ardour 7 locates a rolling transport by declicking to a stop, moving and rolling again, so right at
        // the locate either side may still say stopped for a moment (failed 1 full run): wait for both to roll on.
        awaitTrue(() -> rig.truthPlaying() && source.state().playing() && near(rig.truthFrame()),
                () -> "after Ardour's locate: Ardour rolling " + rig.truthPlaying() + ", followed rolling "
                        + source.state().playing() + ", estimate " + source.state().frame() + " vs Ardour's "
                        + rig.truthFrame() + " (allowed: " + allowedMs() + " ms)");

        rig.dawPlay(false);
        await(TransportChange.STOP);
        // Stopped, Ardour reports where it stopped, to the sample.
        awaitTrue(() -> !rig.truthPlaying() && source.anchor().frame() == rig.truthFrame(),
                () -> "stopped at " + rig.truthFrame() + ", followed at " + source.anchor().frame());
    }

    @Test
    void locatesWithTheTwoInt32sArdourRegistersToTheSample() throws Exception {
        source.locate(1.5);
        awaitTrue(() -> rig.truthFrame() == 72_000 && source.state().frame() == 72_000,
                () -> "Ardour at " + rig.truthFrame() + ", followed at " + source.state().frame()
                        + " (expected: 72000)");
        assertFalse(rig.truthPlaying(), "a locate while stopped stays stopped");
        assertEquals("/locate ,ii", lastLocate(), "sample and roll flag as int32s");

        source.play();
        await(TransportChange.PLAY);
        events.clear();
        source.locate(0.5);
        await(TransportChange.LOCATE);
        awaitTrue(() -> rig.truthPlaying() && near(rig.truthFrame()), () -> "a locate while rolling keeps"
                + " rolling (roll flag 1): Ardour rolling " + rig.truthPlaying() + ", estimate "
                + source.state().frame() + " vs Ardour's " + rig.truthFrame());
        assertEquals("/locate ,ii", lastLocate());

        int sent = rig.controlsSeen().size();
        IllegalArgumentException tooFar = assertThrows(IllegalArgumentException.class,
                () -> source.locate((1L << 31) / (double) RATE));
        assertEquals("seconds : 44739.242666666665 (expected: < 2^31 samples)", tooFar.getMessage());
        assertEquals(sent, rig.controlsSeen().size(), "nothing sent for a locate Ardour would drop");
    }

    /**
     * A locate sent the moment Ardour says it stopped: Ardour 7.3 is then still finishing the stop and may
     * drop it (its log: "bad transition, current state = DeclickToStop/WaitingForButler/Forwards event =
     * Locate"), so the source sends it again until Ardour reports the new position ({@link LocateRetry}).
     */
    @Test
    void aLocateTheMomentArdourStopsLands() throws Exception {
        long sentBefore = locatesSent();
        int tries = 5;
        for (int i = 0; i < tries; i++) {
            source.play();
            await(TransportChange.PLAY);
            source.stop();
            await(TransportChange.STOP);
            long target = (i + 2L) * RATE;
            source.locate(i + 2.0);
            awaitTrue(() -> rig.truthFrame() == target && source.anchor().frame() == target,
                    () -> "locate to " + target + " after a stop: Ardour at " + rig.truthFrame() + ", followed at "
                            + source.anchor().frame());
            assertFalse(rig.truthPlaying(), "a locate while stopped stays stopped");
        }
        System.out.printf("ArdourOscTransportSourceTest: %d locates sent the moment Ardour stopped took %d sends%n",
                tries, locatesSent() - sentBefore);
    }

    @Test
    void answersPositionQueriesAndNamesTheSession() throws Exception {
        assertTrue(source.surface().await(() -> source.surface().sessionName().isPresent(), WAIT));
        assertEquals(rig.sessionName(), source.surface().sessionName().get());
        source.locate(0.25);
        awaitTrue(() -> source.anchor().frame() == 12_000, () -> "at " + source.anchor().frame());
        long asked = System.nanoTime();
        source.queryPosition(); // answered as /transport_frame h
        awaitTrue(() -> source.anchor().observedNanos() > asked, () -> "no answer to /transport_frame");
        assertEquals(12_000, source.anchor().frame());
        assertTrue(rig.controlsSeen().contains("/transport_frame"));
    }

    /**
     * What Ardour 7.3 tells about a loop (the evidence for {@code ArdourOscTransportSource}): loop play on and
     * off ({@code /loop_toggle}), never the range. The source therefore keeps no loop in its state, its
     * estimate runs past the loop end until Ardour's next report, and each wrap is told as a locate.
     */
    @Test
    void loopPlayIsFollowedButItsRangeIsNotReportedSoEachWrapIsALocate() throws Exception {
        long start = RATE;
        long end = 2L * RATE;
        rig.ardourOsc("/loop_location", (int) start, (int) end);
        rig.ardourOsc("/loop_toggle"); // Ardour locates to the loop start and rolls, looping
        awaitTrue(() -> source.looping() && source.state().playing(), () -> "loop play on: looping "
                + source.looping() + ", rolling " + source.state().playing());
        events.clear();
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2500);
        long pastEnd = 0;
        while (System.nanoTime() < until) {
            assertEquals(null, source.state().loop(), "Ardour never says the loop range");
            assertTrue(source.state().playing(), "rolling on through each wrap");
            pastEnd = Math.max(pastEnd, source.state().frame() - end);
            Thread.sleep(2); // sampling the estimate, not synchronising
        }
        long locates = events.stream().filter(e -> e == TransportChange.LOCATE).count();
        System.out.printf("ArdourOscTransportSourceTest: looping 1 s..2 s for 2.5 s: %d locates told, estimate up"
                + " to %.1f ms past the loop end before a report brought it back (clock at %.1f %%)%n", locates,
                pastEnd * 1000.0 / RATE, rig.clockSpeed() * 100);
        assertTrue(locates >= 2, "each wrap (about every 1.1 s on the Dummy clock) is a locate: " + locates);
        rig.ardourOsc("/loop_toggle");
        awaitTrue(() -> !source.looping(), () -> "loop play off");
    }

    /** The estimate within 10 ms of Ardour's position, plus what its Dummy clock strays in 100 ms. */
    private static boolean near(long truth) {
        return Math.abs(source.state().frame() - truth) <= allowedMs() * RATE / 1000;
    }

    private static double allowedMs() {
        return 10 + Math.abs(1 - rig.clockSpeed()) * 100;
    }

    private static long locatesSent() {
        return rig.controlsSeen().stream().filter("/locate"::equals).count();
    }

    private static String lastLocate() {
        List<String> locates = rig.controlsTyped().stream().filter(c -> c.startsWith("/locate ")).toList();
        return locates.isEmpty() ? "(none)" : locates.get(locates.size() - 1);
    }

    private void await(TransportChange change) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        for (long left = WAIT.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            if (events.poll(left, TimeUnit.NANOSECONDS) == change) {
                return;
            }
        }
        throw new AssertionError("no " + change + " within " + WAIT.toSeconds() + " s; ardour7-lua: " + rig.dawLog());
    }

    private static void awaitTrue(BooleanSupplier condition, Supplier<String> why) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(why.get() + "; ardour7-lua: " + rig.dawLog());
            }
            Thread.sleep(5); // polling a condition with a deadline, not synchronising on time
        }
    }
}
