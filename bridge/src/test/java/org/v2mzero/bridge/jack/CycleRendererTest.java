package org.v2mzero.bridge.jack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.FloatBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The audio-thread logic on a non-real-time clock: the test plays JACK and asserts on every sample. */
class CycleRendererTest {
    private static final List<String> PORTS = List.of("drums", "bass");
    private static final int RATE = 48_000;

    private final CycleRenderer renderer = new CycleRenderer(PORTS.size());
    private final FloatBuffer[] left = {FloatBuffer.allocate(2048), FloatBuffer.allocate(2048)};
    private final FloatBuffer[] right = {FloatBuffer.allocate(2048), FloatBuffer.allocate(2048)};
    private final FloatBuffer mixLeft = FloatBuffer.allocate(2048);
    private final FloatBuffer mixRight = FloatBuffer.allocate(2048);

    private void cycle(long frame, boolean rolling, int frames) {
        for (int i = 0; i < 2048; i++) { // garbage, so a sample left unwritten shows
            mixLeft.put(i, 9f);
            left[0].put(i, 9f);
            left[1].put(i, 9f);
        }
        renderer.render(frame, rolling, frames, RATE, left, right, mixLeft, mixRight);
    }

    @Test
    void placesTheTakeAtTheTransportFrameWithSilenceAroundIt() {
        PlayableTake take = FrameCodedTakes.take(1, 1000, 300, "drums", "bass");
        renderer.offer(new TakeSwap(take.resolve(PORTS), JackStemPlayer.SWAP_NOW));
        for (long frame : new long[] {700, 900, 1100, 1200, 1280, 5000, 0}) {
            cycle(frame, true, 256);
            for (int i = 0; i < 256; i++) {
                long t = frame + i;
                assertEquals(FrameCodedTakes.mix(1, 1000, 300, 1, t), left[0].get(i), "drums_L at " + t);
                assertEquals(0f - FrameCodedTakes.mix(1, 1000, 300, 1, t), right[0].get(i), 0f, "drums_R at " + t);
                assertEquals(FrameCodedTakes.mix(1, 1000, 300, 2, t), mixLeft.get(i), "mix_L at " + t);
            }
        }
        assertSame(take, renderer.current());
    }

    @Test
    void stoppedIsSilentEvenInsideTheTake() {
        renderer.offer(new TakeSwap(FrameCodedTakes.take(1, 0, 4800, "drums").resolve(PORTS), 0));
        cycle(1000, false, 256);
        for (int i = 0; i < 256; i++) {
            assertEquals(0f, left[0].get(i));
            assertEquals(0f, mixLeft.get(i));
        }
    }

    @Test
    void swapsInsideTheCycleAtExactlyTheRequestedFrame() {
        renderer.offer(new TakeSwap(FrameCodedTakes.take(1, 0, 10_000, "drums").resolve(PORTS), 0));
        cycle(0, true, 256);
        renderer.offer(new TakeSwap(FrameCodedTakes.take(2, 0, 10_000, "drums").resolve(PORTS), 600));
        cycle(256, true, 256); // 600 not reached: still take 1
        assertEquals(FrameCodedTakes.value(1, 511, 0), left[0].get(255));
        cycle(512, true, 256);
        for (int i = 0; i < 256; i++) {
            long t = 512 + i;
            assertEquals(FrameCodedTakes.value(t < 600 ? 1 : 2, t, 0), left[0].get(i), "drums_L at " + t);
        }
    }

    @Test
    void aPendingSwapWaitsWhileStoppedBeforeItsFrameAndHappensOnceReached() {
        PlayableTake first = FrameCodedTakes.take(1, 0, 10_000, "drums");
        renderer.offer(new TakeSwap(first.resolve(PORTS), 0));
        cycle(0, false, 256);
        PlayableTake second = FrameCodedTakes.take(2, 0, 10_000, "drums");
        renderer.offer(new TakeSwap(second.resolve(PORTS), 5000));
        cycle(0, false, 256);
        assertSame(first, renderer.current(), "stopped before the swap frame: no swap yet");
        cycle(6000, false, 256); // located past it while stopped
        assertSame(second, renderer.current());
    }

    @Test
    void portsWithoutAStemAreSilentAndStemsWithoutAPortReachTheMix() {
        renderer.offer(new TakeSwap(FrameCodedTakes.take(1, 0, 1000, "fx", "drums").resolve(PORTS), 0));
        cycle(0, true, 256);
        for (int i = 0; i < 256; i++) {
            assertEquals(FrameCodedTakes.value(1, i, 1), left[0].get(i), "drums carries stem index 1");
            assertEquals(0f, left[1].get(i), "bass is not in this take");
            assertEquals(FrameCodedTakes.value(1, i, 0) + FrameCodedTakes.value(1, i, 1), mixLeft.get(i));
        }
    }

    @Test
    void periodsLongerThanTheMixChunkAreRenderedWhole() {
        renderer.offer(new TakeSwap(FrameCodedTakes.take(1, 0, 4000, "drums").resolve(PORTS), 0));
        cycle(100, true, 2048);
        for (int i = 0; i < 2048; i++) {
            assertEquals(FrameCodedTakes.value(1, 100 + i, 0), mixLeft.get(i), "mix_L at " + (100 + i));
        }
    }

    @Test
    void aTakeAtAnotherSampleRateIsSilentAndNullMeansSilence() {
        PlayableTake at44 = new PlayableTake(0, 44_100, FrameCodedTakes.take(1, 0, 1000, "drums").stems());
        renderer.offer(new TakeSwap(at44.resolve(PORTS), 0));
        cycle(0, true, 256);
        assertEquals(0f, left[0].get(10));
        renderer.offer(new TakeSwap(null, 0));
        cycle(0, true, 256);
        assertNull(renderer.current());
        assertEquals(0f, mixLeft.get(10));
    }
}
