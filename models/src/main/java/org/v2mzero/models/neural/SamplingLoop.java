package org.v2mzero.models.neural;

import ai.onnxruntime.OrtException;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.function.DoubleConsumer;
import org.v2mzero.models.neural.Vocabulary.Kind;

/**
 * Writes one cue's tokens: the forced header, then sample, feed, repeat until the next token's time
 * reaches the cue's end. Each token is fed with the curve around its time. When the cache would pass the
 * model's context, the last {@code context / 2} tokens are fed again from position 0 (their curve rows
 * as they were): the model keeps half a window of what it wrote.
 *
 * <p>With curve guidance {@code g > 0} a second decoder is fed the same tokens with no curve (all 0: the
 * z-scored mean and no hits, the null that curve dropout shows the model in training), and the logits
 * sampled are {@code l_c + g·(l_c − l_flat)}: what the curve changes about the next token, amplified
 * (classifier-free guidance, Ho and Salimans 2022, applied to the curve). Mutable; one per cue; one thread.
 */
final class SamplingLoop {
    private final CachedDecoder decoder;
    private final CachedDecoder flat;
    private final double guidance;
    private final CurveFeatures curve;
    private final TokenSampler sampler;
    private final SplittableRandom random;
    private final CueGrammar cue = new CueGrammar();
    private final boolean[] mask = new boolean[Vocabulary.SIZE];
    private int[] tokens = new int[1024];
    private float[] rows = new float[1024 * CurveFeatures.SIZE];
    private int count;
    /** Curve rows of the flat-curve decoder: zeros, grown when a window is fed again. */
    private float[] flatRows = new float[CurveFeatures.SIZE];

    /** @param flat the flat-curve decoder when {@code guidance > 0}, else {@code null} */
    SamplingLoop(CachedDecoder decoder, CachedDecoder flat, double guidance, CurveFeatures curve, TokenSampler sampler,
            long seed) {
        this.decoder = decoder;
        this.flat = flat;
        this.guidance = guidance;
        this.curve = curve;
        this.sampler = sampler;
        this.random = new SplittableRandom(seed);
    }

    /**
     * @param maxTokens at most this many tokens, EOS included (at least 4)
     * @param progress  hears the fraction of the cue written, by time, 0..1; last 1 unless maxTokens stopped it
     * @return a grammatical sequence ending in EOS, every note starting before {@code durationSeconds}
     * @throws CancellationException when the thread is interrupted (the flag stays set)
     */
    int[] run(int bpm, double durationSeconds, int maxTokens, DoubleConsumer progress) throws OrtException {
        if (maxTokens < 4) {
            throw new IllegalArgumentException("maxTokens : " + maxTokens + " (expected: >= 4, header and EOS)");
        }
        int[] header = CueGrammar.header(bpm);
        for (int id : header) {
            cue.accept(id);
            append(id);
        }
        float[] logits = feed(0, count);
        double reported = 0;
        double written = 0;
        boolean ended = false;
        while (count + 1 < maxTokens) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("neural generation cancelled after " + count + " tokens");
            }
            cue.mask(mask);
            int id = sampler.sample(logits, mask, random);
            double t = cue.accept(id);
            if (t >= durationSeconds) {
                ended = true; // only BAR and POS move time: nothing more starts inside the cue
                break;
            }
            append(id);
            written = t;
            if (t - reported >= durationSeconds / 100) {
                reported = t;
                progress.accept(t / durationSeconds);
            }
            if (decoder.past() + 1 > decoder.context()) {
                int keep = decoder.context() / 2;
                decoder.reset();
                if (flat != null) {
                    flat.reset();
                }
                logits = feed(count - keep, keep);
            } else {
                logits = feed(count - 1, 1);
            }
        }
        progress.accept(ended ? 1 : written / durationSeconds); // short of 1 when maxTokens stopped it
        return closed();
    }

    /** Feeds tokens {@code [from, from + n)} with their curve rows; the logits to sample the next token from. */
    private float[] feed(int from, int n) throws OrtException {
        float[] conditioned = n == 1 ? decoder.feed(tokens[from], rows, from * CurveFeatures.SIZE)
                : decoder.feed(tokens, from, n, rows, from * CurveFeatures.SIZE);
        if (flat == null) {
            return conditioned;
        }
        if (flatRows.length < n * CurveFeatures.SIZE) {
            flatRows = new float[n * CurveFeatures.SIZE];
        }
        float[] unconditioned = n == 1 ? flat.feed(tokens[from], flatRows, 0) : flat.feed(tokens, from, n, flatRows, 0);
        return guide(conditioned, unconditioned, guidance);
    }

    /** {@code c + g·(c − f)} into {@code c}. */
    static float[] guide(float[] conditioned, float[] flat, double g) {
        for (int i = 0; i < conditioned.length; i++) {
            conditioned[i] += (float) (g * (conditioned[i] - flat[i]));
        }
        return conditioned;
    }

    /** The tokens cut back to the last whole note (or the header), then EOS: a piece ends on a note. */
    private int[] closed() {
        int end = count;
        while (end > 3 && !Kind.VEL.contains(tokens[end - 1])) {
            end--;
        }
        int[] out = Arrays.copyOf(tokens, end + 1);
        out[end] = Kind.EOS.id(0);
        return out;
    }

    /** Appends the token the cue accepted last, with its curve row. */
    private void append(int id) {
        if (count == tokens.length) {
            tokens = Arrays.copyOf(tokens, 2 * count);
            rows = Arrays.copyOf(rows, 2 * count * CurveFeatures.SIZE);
        }
        tokens[count] = id;
        curve.sample(cue.clock(), rows, count * CurveFeatures.SIZE);
        count++;
    }
}
