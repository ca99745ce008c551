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
 * (classifier-free guidance, Ho and Salimans 2022, applied to the curve).
 *
 * <p>With a curve search of width {@code w > 1} the cue is written a bar at a time: from the same cache,
 * {@code w} candidate bars are sampled, the {@link CurveCritic} ranks them against the video's curve,
 * the best is kept and the cache rewound to it. Every bar is still one the model wrote; the search only
 * chooses among them (best-of-n with a critic), at {@code w} times the passes. Mutable; one per cue; one
 * thread.
 */
final class SamplingLoop {
    private final CachedDecoder decoder;
    private final CachedDecoder flat;
    private final double guidance;
    private final CurveFeatures curve;
    private final CurveCritic critic;
    private final int searchWidth;
    private final TokenSampler sampler;
    private final SplittableRandom random;
    private final CueGrammar cue = new CueGrammar();
    private final boolean[] mask = new boolean[Vocabulary.SIZE];
    private int[] tokens = new int[1024];
    private float[] rows = new float[1024 * CurveFeatures.SIZE];
    private int count;
    /** Curve rows of the flat-curve decoder: zeros, grown when a window is fed again. */
    private float[] flatRows = new float[CurveFeatures.SIZE];

    /**
     * @param flat        the flat-curve decoder when {@code guidance > 0}, else {@code null}
     * @param critic      ranks candidate bars when {@code searchWidth > 1}
     * @param searchWidth candidate bars per bar; 1 samples straight through
     */
    SamplingLoop(CachedDecoder decoder, CachedDecoder flat, double guidance, CurveFeatures curve, CurveCritic critic,
            int searchWidth, TokenSampler sampler, long seed) {
        if (searchWidth < 1 || searchWidth > 1 && critic == null) {
            throw new IllegalArgumentException("searchWidth : " + searchWidth + " (expected: 1, or more with a critic)");
        }
        this.decoder = decoder;
        this.flat = flat;
        this.guidance = guidance;
        this.curve = curve;
        this.critic = critic;
        this.searchWidth = searchWidth;
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
        if (searchWidth > 1) {
            return searched(logits, durationSeconds, maxTokens, progress);
        }
        double reported = 0;
        double written = 0;
        boolean ended = false;
        while (count + 1 < maxTokens) {
            checkInterrupted();
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
                logits = slide();
            } else {
                logits = feed(count - 1, 1);
            }
        }
        progress.accept(ended ? 1 : written / durationSeconds); // short of 1 when maxTokens stopped it
        return closed();
    }

    /**
     * The curve search: a bar at a time, the best of {@code searchWidth} candidates. A candidate ends before
     * the next BAR it samples, at the cue's end, or after a quarter of the context (a dense bar then
     * continues in the next round), so that every candidate fits the cache without sliding.
     */
    private int[] searched(float[] logits, double durationSeconds, int maxTokens, DoubleConsumer progress)
            throws OrtException {
        int cap = Math.max(1, decoder.context() / 4);
        CurveCritic.Tally kept = new CurveCritic.Tally();
        boolean ended = false;
        while (!ended && count + 1 < maxTokens) {
            int room = Math.min(cap, maxTokens - 1 - count);
            if (decoder.past() + room > decoder.context()) {
                logits = slide();
            }
            float[] start = logits.clone(); // the decoder's array, which the candidates' feeds overwrite
            mark();
            Candidate best = null;
            for (int c = 0; c < searchWidth; c++) {
                Candidate next = candidate(start, room, durationSeconds, kept.copy());
                best = best == null || next.tally.score() > best.tally.score() ? next : best;
                rewind();
            }
            for (int id : best.tokens) {
                cue.accept(id);
                append(id);
            }
            logits = best.tokens.length == 0 ? start : feed(count - best.tokens.length, best.tokens.length);
            unmark();
            kept = best.tally;
            ended = best.ended;
            progress.accept(ended ? 1 : Math.min(1, cue.clock().now() / durationSeconds));
        }
        return closed();
    }

    /** Tokens one candidate adds, the critic's tally after them, and whether they reached the cue's end. */
    private record Candidate(int[] tokens, CurveCritic.Tally tally, boolean ended) {}

    /**
     * Samples one candidate from {@code start}, the logits after the tokens so far, feeding it as it goes;
     * {@code tally} is the critic's over the tokens so far, a copy the candidate adds its notes to.
     */
    private Candidate candidate(float[] start, int room, double durationSeconds, CurveCritic.Tally tally)
            throws OrtException {
        CueGrammar g = CueGrammar.after(tokens, count);
        int[] ids = new int[room];
        float[] row = new float[CurveFeatures.SIZE];
        float[] logits = start; // read, never written: each feed returns the decoder's own array
        int n = 0;
        while (n < room) {
            checkInterrupted(); // a round of 16 candidates takes a while: answer a cancel within one token
            g.mask(mask);
            int id = sampler.sample(logits, mask, random);
            if (n > 0 && Kind.BAR.contains(id)) {
                break; // the next bar is the next round's
            }
            double t = g.accept(id);
            if (t >= durationSeconds) {
                return new Candidate(Arrays.copyOf(ids, n), tally, true);
            }
            ids[n++] = id;
            if (Kind.VEL.contains(id)) {
                critic.add(tally, t, Vocabulary.velocity(Vocabulary.value(id)));
            }
            if (n < room) {
                curve.sample(g.clock(), row, 0);
                logits = feedOne(id, row);
            }
        }
        return new Candidate(Arrays.copyOf(ids, n), tally, false);
    }

    private void mark() {
        decoder.mark();
        if (flat != null) {
            flat.mark();
        }
    }

    private void rewind() {
        decoder.rewind();
        if (flat != null) {
            flat.rewind();
        }
    }

    private void unmark() {
        decoder.unmark();
        if (flat != null) {
            flat.unmark();
        }
    }

    /** Feeds the last {@code context / 2} tokens again from position 0; the logits after them. */
    private float[] slide() throws OrtException {
        int keep = decoder.context() / 2;
        decoder.reset();
        if (flat != null) {
            flat.reset();
        }
        return feed(count - keep, keep);
    }

    private void checkInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("neural generation cancelled after " + count + " tokens");
        }
    }

    /** Feeds one token outside {@link #tokens} with its curve row; the logits to sample the next token from. */
    private float[] feedOne(int id, float[] row) throws OrtException {
        float[] conditioned = decoder.feed(id, row, 0);
        return flat == null ? conditioned : guide(conditioned, flat.feed(id, flatRows, 0), guidance);
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
