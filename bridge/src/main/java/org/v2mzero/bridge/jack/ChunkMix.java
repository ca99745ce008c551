package org.v2mzero.bridge.jack;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * Preallocated scratch for one take over one chunk of a cycle: each stem port's samples and their sum,
 * the mix. The renderer fills one per take it hears, crossfades two during a swap, then bulk-puts the
 * result into JACK's buffers.
 *
 * <p>Audio thread only; nothing here allocates, locks or does I/O once constructed.
 */
final class ChunkMix {
    private final float[][] left;
    private final float[][] right;
    private final float[] mixLeft;
    private final float[] mixRight;

    /** @param stemCount number of stem port pairs; {@code frames} is the most samples one fill holds */
    ChunkMix(int stemCount, int frames) {
        left = new float[stemCount][frames];
        right = new float[stemCount][frames];
        mixLeft = new float[frames];
        mixRight = new float[frames];
    }

    /**
     * Fills the first {@code chunk} samples with {@code take}'s samples for timeline frames
     * {@code [frame, frame + chunk)}: silence where the take has none, all silence for {@code null}.
     * The mix sums the ports in port order, then the stems without a port.
     */
    void fill(ResolvedTake take, long frame, int chunk) {
        Arrays.fill(mixLeft, 0, chunk, 0f);
        Arrays.fill(mixRight, 0, chunk, 0f);
        long start = take == null ? 0 : take.startFrame();
        for (int port = 0; port < left.length; port++) {
            copy(take == null ? null : take.portLeft()[port], frame - start, left[port], chunk, mixLeft);
            copy(take == null ? null : take.portRight()[port], frame - start, right[port], chunk, mixRight);
        }
        if (take != null) {
            for (int extra = 0; extra < take.extraLeft().length; extra++) {
                copy(take.extraLeft()[extra], frame - start, null, chunk, mixLeft);
                copy(take.extraRight()[extra], frame - start, null, chunk, mixRight);
            }
        }
    }

    /**
     * Turns these samples into the crossfade from {@code old} to them: sample {@code i} becomes
     * {@code old + g * (this - old)} with {@code g = (fadeFrame + i + 1) * gainStep}, ports and mix alike.
     * Where both are equal the sample is left as it is, so two identical takes stay bit-identical
     * (even {@code -0f}, which {@code old + g * 0f} would turn into {@code +0f}).
     *
     * @param fadeFrame frames of the fade before this chunk's first sample
     * @param gainStep  gain added per frame; a power of two's inverse keeps every gain exact
     */
    void fadeFrom(ChunkMix old, long fadeFrame, float gainStep, int chunk) {
        for (int port = 0; port < left.length; port++) {
            fade(old.left[port], left[port], fadeFrame, gainStep, chunk);
            fade(old.right[port], right[port], fadeFrame, gainStep, chunk);
        }
        fade(old.mixLeft, mixLeft, fadeFrame, gainStep, chunk);
        fade(old.mixRight, mixRight, fadeFrame, gainStep, chunk);
    }

    /** Puts the first {@code chunk} samples into the outputs at buffer index {@code at}. */
    void writeTo(FloatBuffer[] stemLeft, FloatBuffer[] stemRight, FloatBuffer mixLeftOut, FloatBuffer mixRightOut,
            int at, int chunk) {
        for (int port = 0; port < left.length; port++) {
            stemLeft[port].put(at, left[port], 0, chunk);
            stemRight[port].put(at, right[port], 0, chunk);
        }
        mixLeftOut.put(at, mixLeft, 0, chunk);
        mixRightOut.put(at, mixRight, 0, chunk);
    }

    private static void fade(float[] old, float[] now, long fadeFrame, float gainStep, int chunk) {
        for (int i = 0; i < chunk; i++) {
            float difference = now[i] - old[i];
            if (difference != 0f) {
                now[i] = old[i] + (fadeFrame + i + 1) * gainStep * difference;
            }
        }
    }

    /**
     * Writes {@code source}'s samples from index {@code first} on to {@code out} (silence where the source
     * has none) and adds them to {@code mix}.
     *
     * @param first index into {@code source} of the chunk's first sample; may lie outside it
     * @param out   may be {@code null} for a mix-only stem
     */
    private static void copy(float[] source, long first, float[] out, int chunk, float[] mix) {
        int from = source == null ? chunk : (int) Math.min(chunk, Math.max(0, -first));
        int to = source == null ? chunk : (int) Math.max(from, Math.min(chunk, source.length - first));
        if (out == null) {
            for (int i = from; i < to; i++) {
                mix[i] += source[(int) (first + i)];
            }
            return;
        }
        Arrays.fill(out, 0, from, 0f);
        if (to > from) {
            System.arraycopy(source, (int) (first + from), out, from, to - from);
        }
        Arrays.fill(out, to, chunk, 0f);
        for (int i = from; i < to; i++) {
            mix[i] += out[i];
        }
    }
}
