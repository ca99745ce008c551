package org.v2mzero.bridge.jack;

import java.nio.FloatBuffer;
import java.util.concurrent.atomic.AtomicReference;
import org.v2mzero.bridge.transport.TransportMotion;
import org.v2mzero.protocol.TransportState.Loop;

/**
 * The audio-thread half of the player, free of JACK so tests can drive it on a non-real-time clock: it
 * copies the current take's samples that lie at the transport frame into the output buffers.
 *
 * <p>There is no play cursor here: every cycle starts from the frame the player's {@link CycleClock}
 * reports, so a locate, a loop wrap or a stop is followed in the next cycle; a loop the clock knows
 * (a DAW over OSC that says its range) wraps inside the cycle, at its end frame. Takes arrive through
 * an {@link AtomicReference} holding one immutable {@link TakeSwap}; the swap is applied inside the
 * cycle at its frame, so the old take plays up to the frame before and the new one is heard from that
 * frame on.
 *
 * <p>A swap while the transport rolls is a linear crossfade of {@link #FADE_FRAMES} frames starting at
 * the swap frame, on every port and the mix: {@code old + g * (new - old)}, {@code g} rising by
 * {@code 1 / FADE_FRAMES} per frame from {@code 1 / FADE_FRAMES} at the swap frame to 1 on the fade's
 * last frame, so from then on exactly the new take plays. The fade may span any number of cycles. It
 * follows the transport: a cycle that does not start where the previous one ended (locate, loop wrap,
 * an xrun's jump) or a stop ends it, and the new take simply plays. A swap while stopped is a plain
 * cut: nothing is audible then. A swap during a fade fades from the take the running fade was heading
 * to; the older one is dropped there (swaps come at bar lines, far more than a fade apart).
 *
 * <p>{@link #render} allocates nothing, takes no lock, does no I/O and no logging: it reads arrays,
 * writes preallocated scratch and bulk-puts into the given buffers.
 */
final class CycleRenderer {
    /** Frames mixed per chunk; a longer cycle is mixed in several chunks, so any period size works. */
    static final int CHUNK_FRAMES = 1024;
    /**
     * Length of a swap's crossfade in frames: 5.3 ms at 48 kHz, 5.8 ms at 44.1 kHz. A step ramped over
     * a few milliseconds no longer clicks, while a fade this short is not heard as the two takes
     * overlapping: the regenerated part still starts on its bar line. A power of two, so every gain
     * {@code k / FADE_FRAMES} is an exact float.
     */
    static final int FADE_FRAMES = 256;
    private static final float GAIN_STEP = 1f / FADE_FRAMES;

    private final AtomicReference<TakeSwap> pending = new AtomicReference<>();
    private final ChunkMix playing;
    private final ChunkMix fadingOut;
    // Written by the audio thread only; volatile so control threads can report what is playing.
    private volatile ResolvedTake current;
    // Audio thread only: the running fade (if any) and where the transport should start next cycle.
    private boolean fading;
    private ResolvedTake fadeFrom;
    private long fadeStart;
    private long nextFrame = -1;

    /** @param stemCount number of stem port pairs (the mix pair comes on top) */
    CycleRenderer(int stemCount) {
        this.playing = new ChunkMix(stemCount, CHUNK_FRAMES);
        this.fadingOut = new ChunkMix(stemCount, CHUNK_FRAMES);
    }

    /** Any thread. Replaces any swap not yet applied: the latest request wins. */
    void offer(TakeSwap swap) {
        pending.set(swap);
    }

    /** Any thread. The take the audio thread plays now (during a fade, the one faded in), or {@code null}. */
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
        render(transportFrame, rolling, null, frames, sampleRate, stemLeft, stemRight, mixLeftOut, mixRightOut);
    }

    /**
     * Audio thread only. As {@link #render(long, boolean, int, int, FloatBuffer[], FloatBuffer[], FloatBuffer,
     * FloatBuffer)}, for a transport that follows {@code loop} ({@code null}: none): a rolling cycle that reaches
     * the loop's end is rendered in parts, the loop start's samples right after the end's, as the DAW plays them.
     */
    void render(long transportFrame, boolean rolling, Loop loop, int frames, int sampleRate, FloatBuffer[] stemLeft,
            FloatBuffer[] stemRight, FloatBuffer mixLeftOut, FloatBuffer mixRightOut) {
        int offset = 0;
        long frame = transportFrame;
        while (offset < frames) {
            int part = rolling ? TransportMotion.framesBeforeWrap(loop, frame, frames - offset) : frames - offset;
            renderPart(offset, frame, rolling, part, sampleRate, stemLeft, stemRight, mixLeftOut, mixRightOut);
            offset += part;
            frame = TransportMotion.advance(loop, frame, part);
        }
    }

    /** One stretch of the cycle where the timeline runs on without a jump: {@code frames} from {@code offset}. */
    private void renderPart(int offset, long transportFrame, boolean rolling, int frames, int sampleRate,
            FloatBuffer[] stemLeft, FloatBuffer[] stemRight, FloatBuffer mixLeftOut, FloatBuffer mixRightOut) {
        if (!rolling || transportFrame != nextFrame) {
            endFade();
        }
        nextFrame = transportFrame + frames;
        int split = frames;
        TakeSwap swap = pending.get();
        if (swap != null) {
            split = swapOffset(swap.atFrame(), transportFrame, rolling, frames);
        }
        renderSpan(offset, split, transportFrame, rolling, sampleRate, stemLeft, stemRight, mixLeftOut, mixRightOut);
        if (split == frames) {
            return;
        }
        // A failed CAS means a newer swap replaced this one meanwhile: keep playing, decide next cycle.
        if (pending.compareAndSet(swap, null)) {
            if (rolling) {
                fading = true;
                fadeFrom = current;
                fadeStart = transportFrame + split;
            }
            current = swap.take();
        }
        renderSpan(offset + split, frames - split, transportFrame + split, rolling, sampleRate, stemLeft, stemRight,
                mixLeftOut, mixRightOut);
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

    /**
     * Renders {@code length} samples from buffer index {@code offset}, timeline frame {@code timelineFrame}
     * on, in chunks that end where the fade ends, so each chunk is either wholly faded or wholly plain.
     */
    private void renderSpan(int offset, int length, long timelineFrame, boolean rolling, int sampleRate,
            FloatBuffer[] stemLeft, FloatBuffer[] stemRight, FloatBuffer mixLeftOut, FloatBuffer mixRightOut) {
        ResolvedTake take = audible(current, rolling, sampleRate);
        int done = 0;
        while (done < length) {
            long frame = timelineFrame + done;
            int chunk = Math.min(CHUNK_FRAMES, length - done);
            if (fading) {
                // The fade's last frame has gain 1: it and all after it are the new take alone.
                long fadeLeft = fadeStart + FADE_FRAMES - 1 - frame;
                if (fadeLeft <= 0 || frame < fadeStart) {
                    endFade();
                } else {
                    chunk = (int) Math.min(chunk, fadeLeft);
                }
            }
            playing.fill(take, frame, chunk);
            if (fading) {
                fadingOut.fill(audible(fadeFrom, rolling, sampleRate), frame, chunk);
                playing.fadeFrom(fadingOut, frame - fadeStart, GAIN_STEP, chunk);
            }
            playing.writeTo(stemLeft, stemRight, mixLeftOut, mixRightOut, offset + done, chunk);
            done += chunk;
        }
    }

    private void endFade() {
        fading = false;
        fadeFrom = null;
    }

    /** {@code take} if it can be heard now, else {@code null} (silence). */
    private static ResolvedTake audible(ResolvedTake take, boolean rolling, int sampleRate) {
        return rolling && take != null && take.sampleRate() == sampleRate ? take : null;
    }
}
