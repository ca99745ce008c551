package org.v2mzero.models.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Java runs the graphs as torch ran the network: the tiny model's logits from ONNX Runtime equal the
 * reference torch wrote (reference.json) within 1e-4, for the whole sequence at once (full.onnx) and for
 * 5 tokens then 4 more on the attention cache (step.onnx through {@link CachedDecoder}).
 */
class NeuralLogitsTest {
    private static final double TOLERANCE = 1e-4;
    private static JsonNode ref;
    private static int[] tokens;
    private static float[] curve;
    private static float[] style;

    @BeforeAll
    static void reference() throws Exception {
        ref = new ObjectMapper().readTree(TinyModel.dir().resolve("reference.json").toFile());
        tokens = ints(ref.get("tokens"));
        curve = floats(ref.get("curve"));
        style = floats(ref.get("style"));
    }

    @Test
    void fullGraphMatchesTorch() throws Exception {
        try (NeuralModel model = TinyModel.load(NeuralModel.Device.CPU)) {
            assertClose(floats(ref.get("full_logits")), model.fullLogits(tokens, curve, style), "full.onnx");
        }
    }

    @Test
    void stepGraphWithTheCacheMatchesTorch() throws Exception {
        try (NeuralModel model = TinyModel.load(NeuralModel.Device.CPU);
                CachedDecoder decoder = new CachedDecoder(model, style)) {
            float[] last = decoder.feed(tokens, 0, 5, curve, 0);
            float[] first = floats(ref.get("step_first_logits"));
            assertClose(first, decoder.allLogits(), "step.onnx, tokens 0..4, P = 0");
            assertClose(Arrays.copyOfRange(first, 4 * Vocabulary.SIZE, 5 * Vocabulary.SIZE), last, "last row");
            assertEquals(5, decoder.past());

            decoder.feed(tokens, 5, 4, curve, 5 * CurveFeatures.SIZE);
            assertClose(floats(ref.get("step_second_logits")), decoder.allLogits(), "step.onnx, tokens 5..8, P = 5");
            assertEquals(9, decoder.past());
        }
    }

    @Test
    void oneTokenAtATimeMatchesTheWholeSequence() throws Exception {
        try (NeuralModel model = TinyModel.load(NeuralModel.Device.CPU);
                CachedDecoder decoder = new CachedDecoder(model, style)) {
            float[] full = floats(ref.get("full_logits"));
            for (int i = 0; i < tokens.length; i++) {
                float[] row = decoder.feed(tokens[i], curve, i * CurveFeatures.SIZE);
                assertClose(Arrays.copyOfRange(full, i * Vocabulary.SIZE, (i + 1) * Vocabulary.SIZE), row,
                        "token " + i + " fed alone on the cache");
            }
        }
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double worst = 0;
        int at = -1;
        for (int i = 0; i < expected.length; i++) {
            double d = Math.abs(expected[i] - actual[i]);
            if (!(d <= worst)) {
                worst = d;
                at = i;
            }
        }
        double w = worst;
        int a = at;
        org.junit.jupiter.api.Assertions.assertTrue(w <= TOLERANCE, () -> what + ": max |diff| " + w + " at " + a
                + " (row " + a / Vocabulary.SIZE + ", id " + a % Vocabulary.SIZE + ")");
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    private static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) array.get(i).asDouble();
        }
        return out;
    }
}
