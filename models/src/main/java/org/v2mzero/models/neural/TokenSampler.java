package org.v2mzero.models.neural;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws the next token from the model's logits among the ids a mask allows: softmax at a temperature,
 * cut to the smallest set of most likely ids holding {@code topP} of the probability (nucleus sampling).
 * Whatever the logits hold (NaN, all -inf), the id drawn is an allowed one. Allocation-free after
 * construction; one per generation; not thread-safe.
 */
final class TokenSampler {
    private final double temperature;
    private final double topP;
    /** Per allowed id: its probability's float bits (positive floats sort as their bits) above the id. */
    private final long[] ranked = new long[Vocabulary.SIZE];
    private final double[] weights = new double[Vocabulary.SIZE];

    /**
     * @param temperature above 0 flattens (>1) or sharpens (<1) the distribution; 0 takes the most likely id
     * @param topP        in (0, 1]: 1 samples from every allowed id
     */
    TokenSampler(double temperature, double topP) {
        if (!(temperature >= 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("temperature : " + temperature + " (expected: >= 0)");
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("topP : " + topP + " (expected: in (0, 1])");
        }
        this.temperature = temperature;
        this.topP = topP;
    }

    /** @throws IllegalStateException when the mask allows nothing (the grammar never does that) */
    int sample(float[] logits, boolean[] allowed, SplittableRandom random) {
        double max = Double.NEGATIVE_INFINITY;
        int best = -1;
        int firstAllowed = -1;
        for (int id = 0; id < Vocabulary.SIZE; id++) {
            if (allowed[id]) {
                firstAllowed = firstAllowed < 0 ? id : firstAllowed;
                if (logits[id] > max) {
                    max = logits[id];
                    best = id;
                }
            }
        }
        if (firstAllowed < 0) {
            throw new IllegalStateException("the mask allows no token");
        }
        if (best < 0) {
            return uniform(allowed, random); // every allowed logit NaN or -inf: nothing to prefer
        }
        if (temperature == 0) {
            return best;
        }
        int n = 0;
        double total = 0;
        for (int id = 0; id < Vocabulary.SIZE; id++) {
            if (allowed[id]) {
                double w = Math.exp((logits[id] - max) / temperature); // NaN logits give NaN: weight 0
                w = Double.isNaN(w) ? 0 : w;
                weights[id] = w;
                total += w;
                ranked[n++] = ((long) Float.floatToIntBits((float) w) << 32) | id;
            }
        }
        Arrays.sort(ranked, 0, n); // ascending: the most likely last
        double keep = topP * total;
        double kept = 0;
        int cut = n;
        while (cut > 0 && (kept < keep || cut == n)) {
            kept += weights[(int) ranked[--cut]];
        }
        double r = random.nextDouble() * kept;
        for (int i = n - 1; i >= cut; i--) {
            int id = (int) ranked[i];
            r -= weights[id];
            if (r < 0) {
                return id;
            }
        }
        return (int) ranked[cut]; // rounding left a sliver: the least likely kept id
    }

    private static int uniform(boolean[] allowed, SplittableRandom random) {
        int count = 0;
        for (boolean a : allowed) {
            count += a ? 1 : 0;
        }
        int pick = random.nextInt(count);
        for (int id = 0; ; id++) {
            if (allowed[id] && pick-- == 0) {
                return id;
            }
        }
    }
}
