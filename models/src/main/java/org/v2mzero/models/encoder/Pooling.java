package org.v2mzero.models.encoder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How an image encoder's output becomes one feature vector per picture ({@link ImageEncoderManifest}'s
 * {@code pooling}). Pure; any thread.
 */
public enum Pooling {
    /** A {@code [batch, dim]} output, taken as is. */
    NONE(2),
    /** The mean over tokens ({@code [batch, tokens, dim]}) or positions ({@code [batch, dim, h, w]}). */
    MEAN(3, 4),
    /** Token 0 of a {@code [batch, tokens, dim]} output (a ViT's class token). */
    CLS(3);

    private final int[] ranks;

    Pooling(int... ranks) {
        this.ranks = ranks;
    }

    /** Whether an output of this rank (batch included) can be pooled this way. */
    public boolean accepts(int rank) {
        for (int r : ranks) {
            if (r == rank) {
                return true;
            }
        }
        return false;
    }

    /** The output shapes it takes, for messages. */
    public String expectedShape() {
        return switch (this) {
            case NONE -> "rank 2, [batch, dim]";
            case MEAN -> "rank 3 or 4, [batch, tokens, dim] or [batch, dim, height, width]";
            case CLS -> "rank 3, [batch, tokens, dim]";
        };
    }

    /** The name written in manifests. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * One vector per batch row of a row-major output of {@code shape} (batch first, a rank this
     * pooling {@link #accepts}).
     */
    public List<float[]> pool(float[] data, long[] shape) {
        if (!accepts(shape.length) || shape[0] < 1 || data.length % shape[0] != 0) {
            throw new IllegalArgumentException("shape : " + Arrays.toString(shape) + " of " + data.length
                    + " values (expected: " + expectedShape() + ")");
        }
        int n = (int) shape[0];
        int per = data.length / n;
        // [b, tokens, dim] averages with stride dim; [b, dim, h, w] averages contiguous runs of h*w.
        int dim = (int) (shape.length == 4 ? shape[1] : shape[shape.length - 1]);
        int count = per / dim;
        boolean tokens = shape.length == 3;
        List<float[]> out = new ArrayList<>(n);
        for (int b = 0; b < n; b++) {
            int base = b * per;
            float[] v = new float[dim];
            if (this == MEAN) {
                for (int d = 0; d < dim; d++) {
                    double sum = 0;
                    for (int k = 0; k < count; k++) {
                        sum += data[base + (tokens ? k * dim + d : d * count + k)];
                    }
                    v[d] = (float) (sum / count);
                }
            } else {
                // NONE: the row itself; CLS: the row's first token.
                System.arraycopy(data, base, v, 0, dim);
            }
            out.add(v);
        }
        return out;
    }
}
