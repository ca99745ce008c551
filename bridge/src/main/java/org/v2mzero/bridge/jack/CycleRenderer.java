package org.v2mzero.bridge.jack;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The audio-thread half of the player, free of JACK so tests can drive it on a non-real-time clock: it
 * copies the current take's samples that lie at the transport frame into the output buffers.
 *
 * <p>There is no play cursor here: every cycle starts from the frame the player's {@link CycleClock}
 * reports, so a locate, a loop wrap or a stop is followed in the next cycle. Takes arrive through
 * an {@link AtomicReference} holding one immutable {@link TakeSwap}; the swap is applied inside the
 * cycle at its frame, so the old take plays up to the frame before and the new one from that frame on.
 *
 * <p>{@link #render} allocates nothing, takes no lock, does no I/O and no logging: it reads arrays,
 * writes preallocated scratch and bulk-puts into the given buffers.
 */
final class CycleRenderer {
    /** Frames mixed per chunk; a longer cycle is mixed in several chunks, so any period size works. */
    static final int CHUNK_FRAMES = 1024;

    private final int stemCount;
    private final AtomicReference<TakeSwap> pending = new AtomicReference<>();
    private final float[] mixLeft = new float[CHUNK_FRAMES];
    private final float[] mixRight = new float[CHUNK_FRAMES];
    private final float[] zeros = new float[CHUNK_FRAMES];
    // Written by the audio thread only; volatile so control threads can report what is playing.
    private volatile ResolvedTake current;

    /** @param stemCount number of stem port pairs (the mix pair comes on top) */
    CycleRenderer(int stemCount) {
        this.stemCount = stemCount;
    }

    /** Any thread. Replaces any swap not yet applied: the latest request wins. */
    void offer(TakeSwap swap) {
        pending.set(swap);
    }

    /** Any thread. The take the audio thread plays now, or {@code null}. */
    PlayableTake current() {
        ResolvedTake take = current;
        return take == null ? null : take.source();
    }

    /**
     * Audio thread only. Fills {@code frames} samples of every output.
     *
     * @param transportFrame timeline frame of the first sample of this cycle
     * @param rolling        whether the transport rolls; stopped means silence
     * @param sampleRate     the server's frames per second; a take at another rate plays silence
     */
    void render(long transportFrame, boolean rolling, int frames, int sampleRate, FloatBuffer[] stemLeft,
            FloatBuffer[] stemRight, FloatBuffer mixLeftOut, FloatBuffer mixRightOut) {
        int split = frames;
        TakeSwap swap = pending.get();
        if (swap != null) {
            split = swapOffset(swap.atFrame(), transportFrame, rolling, frames);
        }
        renderSpan(current, 0, split, transportFrame, rolling, sampleRate, stemLeft, stemRight, mixLeftOut,
                mixRightOut);
        if (split == frames) {
            return;
        }
        // A failed CAS means a newer swap replaced this one meanwhile: keep playing, decide next cycle.
        if (pending.compareAndSet(swap, null)) {
            current = swap.take();
        }
        renderSpan(current, split, frames - split, transportFrame + split, rolling, sampleRate, stemLeft,
                stemRight, mixLeftOut, mixRightOut);
    }

    /**
     * Where in this cycle the swap happens: {@code frames} if not in this cycle. Rolling, the swap
     * happens in the first cycle that reaches or has passed its frame; stopped, only once the transport
     * stands at or past it (nothing is audible then, and a later roll starts on the right take).
     */
    static int swapOffset(long atFrame, long transportFrame, boolean rolling, int frames) {
        if (atFrame <= transportFrame) {
            return 0;
        }
        if (rolling && atFrame < transportFrame + frames) {
            return (int) (atFrame - transportFrame);
        }
        return frames;
    }

    private void renderSpan(ResolvedTake take, int offset, int length, long timelineFrame, boolean rolling,
            int sampleRate, FloatBuffer[] stemLeft, FloatBuffer[] stemRight, FloatBuffer mixLeftOut,
            FloatBuffer mixRightOut) {
        boolean audible = rolling && take != null && take.sampleRate() == sampleRate;
        for (int done = 0; done < length; done += CHUNK_FRAMES) {
            int chunk = Math.min(CHUNK_FRAMES, length - done);
            int at = offset + done;
            long frame = timelineFrame + done;
            Arrays.fill(mixLeft, 0, chunk, 0f);
            Arrays.fill(mixRight, 0, chunk, 0f);
            for (int port = 0; port < stemCount; port++) {
                float[] left = audible ? take.portLeft()[port] : null;
                float[] right = audible ? take.portRight()[port] : null;
                copyAt(left, frame, audible ? take.startFrame() : 0, stemLeft[port], at, chunk, mixLeft);
                copyAt(right, frame, audible ? take.startFrame() : 0, stemRight[port], at, chunk, mixRight);
            }
            if (audible) {
                for (int extra = 0; extra < take.extraLeft().length; extra++) {
                    copyAt(take.extraLeft()[extra], frame, take.startFrame(), null, at, chunk, mixLeft);
                    copyAt(take.extraRight()[extra], frame, take.startFrame(), null, at, chunk, mixRight);
                }
            }
            mixLeftOut.put(at, mixLeft, 0, chunk);
            mixRightOut.put(at, mixRight, 0, chunk);
        }
    }

    /**
     * Writes {@code source}'s samples for timeline frames {@code [frame, frame + chunk)} to {@code out}
     * at {@code at} (silence where the source has none) and adds them to {@code mix}.
     *
     * @param out may be {@code null} for a mix-only stem
     */
    private void copyAt(float[] source, long frame, long startFrame, FloatBuffer out, int at, int chunk,
            float[] mix) {
        long first = frame - startFrame;
        int from = source == null ? chunk : (int) Math.min(chunk, Math.max(0, -first));
        int to = source == null ? chunk : (int) Math.max(from, Math.min(chunk, source.length - first));
        if (out != null) {
            out.put(at, zeros, 0, from);
            if (to > from) {
                out.put(at + from, source, (int) (first + from), to - from);
            }
            out.put(at + to, zeros, 0, chunk - to);
        }
        for (int i = from; i < to; i++) {
            mix[i] += source[(int) (first + i)];
        }
    }
}
