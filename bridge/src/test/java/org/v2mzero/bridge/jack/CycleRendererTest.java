package org.v2mzero.bridge.jack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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

    /** Makes {@code take} current with a stopped cycle: a swap while stopped is a plain cut, no fade. */
    private void load(PlayableTake take) {
        renderer.offer(new TakeSwap(take == null ? null : take.resolve(PORTS), JackStemPlayer.SWAP_NOW));
        cycle(0, false, 256);
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
        load(FrameCodedTakes.take(1, 0, 10_000, "drums"));
        cycle(0, true, 256);
        renderer.offer(new TakeSwap(FrameCodedTakes.take(2, 0, 10_000, "drums").resolve(PORTS), 600));
        cycle(256, true, 256); // 600 not reached: still take 1
        assertEquals(FrameCodedTakes.value(1, 511, 0), left[0].get(255));
        for (long start = 512; start < 1024; start += 256) {
            cycle(start, true, 256);
            for (int i = 0; i < 256; i++) {
                long t = start + i;
                float old = FrameCodedTakes.value(1, t, 0);
                float now = FrameCodedTakes.value(2, t, 0);
                float want = t < 600 ? old : t >= 600 + CycleRenderer.FADE_FRAMES - 1 ? now
                        : old + (t - 600 + 1) * (1f / CycleRenderer.FADE_FRAMES) * (now - old);
                assertEquals(want, left[0].get(i), "drums_L at " + t + ": take 1, then the fade from 600 on");
            }
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
    void aCycleThatReachesTheLoopEndPlaysTheLoopStartRightAfterIt() {
        load(FrameCodedTakes.take(1, 0, 10_000, "drums"));
        org.v2mzero.protocol.TransportState.Loop loop = new org.v2mzero.protocol.TransportState.Loop(1000, 5000);
        renderer.render(4900, true, loop, 256, RATE, left, right, mixLeft, mixRight);
        for (int i = 0; i < 256; i++) {
            long t = i < 100 ? 4900 + i : 1000 + i - 100;
            assertEquals(FrameCodedTakes.value(1, t, 0), left[0].get(i), "drums_L at cycle sample " + i);
        }
        // A loop shorter than the cycle wraps as often as it ends within it.
        renderer.render(1000, true, new org.v2mzero.protocol.TransportState.Loop(1000, 1100), 256, RATE, left, right,
                mixLeft, mixRight);
        for (int i = 0; i < 256; i++) {
            assertEquals(FrameCodedTakes.value(1, 1000 + i % 100, 0), left[0].get(i), "short loop at " + i);
        }
    }

    @Test
    void portsWithoutAStemAreSilentAndStemsWithoutAPortReachTheMix() {
        load(FrameCodedTakes.take(1, 0, 1000, "fx", "drums"));
        cycle(0, true, 256);
        for (int i = 0; i < 256; i++) {
            assertEquals(FrameCodedTakes.value(1, i, 1), left[0].get(i), "drums carries stem index 1");
            assertEquals(0f, left[1].get(i), "bass is not in this take");
            assertEquals(FrameCodedTakes.value(1, i, 0) + FrameCodedTakes.value(1, i, 1), mixLeft.get(i));
        }
    }

    @Test
    void periodsLongerThanTheMixChunkAreRenderedWhole() {
        load(FrameCodedTakes.take(1, 0, 4000, "drums"));
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

    // --- Crossfade on a swap while rolling: periods of 64 frames, so the 256-frame fade spans five cycles.

    private static final int PERIOD = 64;
    private static final int FADE = CycleRenderer.FADE_FRAMES;
    private static final long SWAP_AT = 1000; // 1000 % 64 = 40: the fade starts mid-cycle
    private static final int DRUMS_L = 0;
    private static final int DRUMS_R = 1;
    private static final int BASS_L = 2;
    private static final int MIX_L = 4;
    private static final int MIX_R = 5;

    /**
     * Rolls contiguous {@value #PERIOD}-frame cycles over timeline {@code [from, to)} and returns every
     * output sample: {@code [drums_L, drums_R, bass_L, bass_R, mix_L, mix_R][frame - from]}.
     */
    private float[][] roll(CycleRenderer target, long from, long to) {
        float[][] tape = new float[6][(int) (to - from)];
        for (long start = from; start < to; start += PERIOD) {
            target.render(start, true, PERIOD, RATE, left, right, mixLeft, mixRight);
            for (int i = 0; i < PERIOD; i++) {
                int at = (int) (start - from) + i;
                tape[DRUMS_L][at] = left[0].get(i);
                tape[DRUMS_R][at] = right[0].get(i);
                tape[BASS_L][at] = left[1].get(i);
                tape[3][at] = right[1].get(i);
                tape[MIX_L][at] = mixLeft.get(i);
                tape[MIX_R][at] = mixRight.get(i);
            }
        }
        return tape;
    }

    /** A take whose every left sample is {@code value} and every right sample {@code -value}. */
    private static PlayableTake constant(float value, String... stems) {
        Map<String, float[][]> map = new LinkedHashMap<>();
        for (String stem : stems) {
            float[][] channels = new float[2][10_000];
            Arrays.fill(channels[0], value);
            Arrays.fill(channels[1], -value);
            map.put(stem, channels);
        }
        return new PlayableTake(0, RATE, map);
    }

    private void swapAt(PlayableTake take, long frame) {
        renderer.offer(new TakeSwap(take == null ? null : take.resolve(PORTS), frame));
    }

    @Test
    void aSwapWhileRollingIsALinearCrossfadeFromExactlyTheOldTakeToExactlyTheNew() {
        load(constant(0.5f, "drums", "bass"));
        PlayableTake b = constant(-0.5f, "drums", "bass");
        swapAt(b, SWAP_AT);
        float[][] tape = roll(renderer, 0, 2048);
        for (int t = 0; t < 2048; t++) {
            float g = t < SWAP_AT ? 0f : Math.min(1f, (t - SWAP_AT + 1) / (float) FADE);
            assertEquals(0.5f - g, tape[DRUMS_L][t], "drums_L at " + t);
            assertEquals(g - 0.5f, tape[DRUMS_R][t], "drums_R at " + t);
            assertEquals(0.5f - g, tape[BASS_L][t], "bass_L at " + t);
            assertEquals(1f - 2 * g, tape[MIX_L][t], "mix_L at " + t);
            assertEquals(2 * g - 1f, tape[MIX_R][t], "mix_R at " + t);
        }
        assertEquals(0.5f, tape[DRUMS_L][(int) SWAP_AT - 1], "the old take up to the frame before the swap");
        assertTrue(tape[DRUMS_L][(int) SWAP_AT] < 0.5f, "the new take is heard from the swap frame on");
        for (int t = (int) SWAP_AT + 1; t < SWAP_AT + FADE; t++) {
            assertTrue(tape[DRUMS_L][t] < tape[DRUMS_L][t - 1], "falls at every frame of the fade, " + t);
        }
        assertEquals(-0.5f, tape[DRUMS_L][(int) SWAP_AT + FADE - 1], "full gain on the fade's last frame");
        assertSame(b, renderer.current());
    }

    @Test
    void identicalTakesStayBitIdenticalThroughTheFade() {
        // Same samples in other arrays, as a regenerated take is before its regenerated range; random
        // values (with -0f and subnormals) so no rounding of the fade can hide.
        PlayableTake first = noise(7);
        PlayableTake same = noise(7);
        CycleRenderer reference = new CycleRenderer(PORTS.size());
        reference.offer(new TakeSwap(first.resolve(PORTS), 0));
        reference.render(0, false, PERIOD, RATE, left, right, mixLeft, mixRight);
        float[][] unswapped = roll(reference, 0, 2048);
        load(first);
        swapAt(same, SWAP_AT);
        float[][] swapped = roll(renderer, 0, 2048);
        for (int channel = 0; channel < 6; channel++) {
            for (int t = 0; t < 2048; t++) {
                assertEquals(Float.floatToRawIntBits(unswapped[channel][t]),
                        Float.floatToRawIntBits(swapped[channel][t]), "channel " + channel + " at " + t);
            }
        }
        assertSame(same, renderer.current());
    }

    private static PlayableTake noise(long seed) {
        Random random = new Random(seed);
        Map<String, float[][]> map = new LinkedHashMap<>();
        for (String stem : new String[] {"drums", "bass", "fx"}) {
            float[][] channels = new float[2][4096];
            for (float[] channel : channels) {
                for (int k = 0; k < channel.length; k++) {
                    channel[k] = switch (k % 97) {
                        case 0 -> -0f;
                        case 1 -> Float.MIN_VALUE * random.nextInt(100);
                        default -> (float) random.nextGaussian() * 0.3f;
                    };
                }
            }
            map.put(stem, channels);
        }
        return new PlayableTake(0, RATE, map);
    }

    @Test
    void aLocateDuringTheFadeEndsItAndTheNewTakeSimplyPlays() {
        load(constant(0.5f, "drums", "bass"));
        swapAt(constant(-0.5f, "drums", "bass"), SWAP_AT);
        float[][] fading = roll(renderer, 960, 1088); // the fade's first 88 frames
        assertEquals(0.5f - 88f / FADE, fading[DRUMS_L][127], "still fading at 1087");
        float[][] located = roll(renderer, 5000, 5128);
        float[][] wrapped = roll(renderer, 1088, 1216); // back to where the fade would have gone on
        float[][] back = roll(renderer, 0, 128); // and to before the swap frame
        for (int i = 0; i < 128; i++) {
            assertEquals(-0.5f, located[DRUMS_L][i], "forward to " + (5000 + i));
            assertEquals(-0.5f, wrapped[DRUMS_L][i], "back to " + (1088 + i));
            assertEquals(-0.5f, back[DRUMS_L][i], "back to " + i);
            assertEquals(-1f, back[MIX_L][i], "mix back to " + i);
        }
    }

    @Test
    void aStopDuringTheFadeEndsIt() {
        load(constant(0.5f, "drums", "bass"));
        swapAt(constant(-0.5f, "drums", "bass"), SWAP_AT);
        roll(renderer, 960, 1088);
        cycle(1088, false, PERIOD);
        assertEquals(0f, mixLeft.get(0), "stopped is silent");
        float[][] resumed = roll(renderer, 1088, 1216); // rolls on from the very frame it stopped at
        for (int i = 0; i < 128; i++) {
            assertEquals(-0.5f, resumed[DRUMS_L][i], "at " + (1088 + i));
        }
    }

    @Test
    void aSwapWhileStoppedIsACutWithNoFade() {
        load(constant(0.5f, "drums", "bass"));
        renderer.offer(new TakeSwap(constant(-0.5f, "drums", "bass").resolve(PORTS), 500));
        cycle(600, false, PERIOD); // stopped past the swap frame: swapped, inaudibly
        float[][] tape = roll(renderer, 600, 728);
        for (int i = 0; i < 128; i++) {
            assertEquals(-0.5f, tape[DRUMS_L][i], "at " + (600 + i));
        }
    }

    @Test
    void aSwapToSilenceFadesOutAndFromSilenceFadesIn() {
        load(constant(0.5f, "drums", "bass"));
        swapAt(null, SWAP_AT);
        float[][] out = roll(renderer, 0, 2048);
        assertNull(renderer.current());
        PlayableTake b = constant(-0.5f, "drums", "bass");
        swapAt(b, 3000);
        float[][] in = roll(renderer, 2048, 4096);
        for (int t = 0; t < 2048; t++) {
            float gOut = t < SWAP_AT ? 0f : Math.min(1f, (t - SWAP_AT + 1) / (float) FADE);
            assertEquals(0.5f - gOut * 0.5f, out[DRUMS_L][t], "fading out at " + t);
            assertEquals(1f - gOut, out[MIX_L][t], "mix fading out at " + t);
            long frame = 2048 + t;
            float gIn = frame < 3000 ? 0f : Math.min(1f, (frame - 3000 + 1) / (float) FADE);
            assertEquals(0f - 0.5f * gIn, in[DRUMS_L][t], "fading in at " + frame);
        }
        assertEquals(0f, out[MIX_L][(int) SWAP_AT + FADE - 1], "silent from the fade's last frame");
        assertSame(b, renderer.current());
    }

    @Test
    void aSwapDuringAFadeFadesOnFromTheTakeTheFadeWasHeadingTo() {
        load(constant(0.5f, "drums", "bass"));
        swapAt(constant(-0.5f, "drums", "bass"), SWAP_AT);
        roll(renderer, 0, 1088);
        swapAt(constant(0.25f, "drums", "bass"), 1100);
        float[][] tape = roll(renderer, 1088, 1600);
        for (int t = 0; t < tape[DRUMS_L].length; t++) {
            long frame = 1088 + t;
            float want = frame < 1100 ? 0.5f - (frame - SWAP_AT + 1) / (float) FADE
                    : -0.5f + Math.min(1f, (frame - 1100 + 1) / (float) FADE) * 0.75f;
            assertEquals(want, tape[DRUMS_L][t], "at " + frame);
        }
    }

    @Test
    void renderAllocatesNothingEvenWhileFading() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        ResolvedTake a = noise(1).resolve(PORTS);
        ResolvedTake b = noise(2).resolve(PORTS);
        TakeSwap[] swaps = new TakeSwap[200];
        for (int i = 0; i < swaps.length; i++) {
            swaps[i] = new TakeSwap(i % 2 == 0 ? a : b, i * 300L + 37);
        }
        for (int round = 0; round < 3; round++) { // the first rounds warm up the JIT and the MXBean
            long before = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < swaps.length; i++) {
                renderer.offer(swaps[i]);
                for (long frame = i * 300L; frame < i * 300L + 300; frame += PERIOD) {
                    renderer.render(frame % 4096, true, PERIOD, RATE, left, right, mixLeft, mixRight);
                }
            }
            long allocated = threads.getThreadAllocatedBytes(thread) - before;
            if (round == 2) {
                assertEquals(0, allocated, "bytes allocated by 200 swaps with their fades");
            }
        }
    }
}
