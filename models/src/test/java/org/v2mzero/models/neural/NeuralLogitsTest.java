package org.v2mzero.models.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Java runs the graphs as torch ran the network: logits from ONNX Runtime equal the reference torch wrote
 * at export (reference.json) within 1e-4, for the whole sequence at once (full.onnx) and for 5 tokens then
 * 4 more on the attention cache (step.onnx through {@link CachedDecoder}). Two models: the tiny random one
 * {@code export_onnx.py --tiny} writes here (needs torch), and the shipped one with the reference.json
 * shipped beside it (needs nothing: a fresh clone checks the weights it runs).
 */
class NeuralLogitsTest {
    private static final double TOLERANCE = 1e-4;

    /** A model and the reference its export wrote. */
    private record Case(NeuralModel model, JsonNode ref, int[] tokens, float[] curve, float[] style)
            implements AutoCloseable {
        static Case of(String which) throws Exception {
            JsonNode ref;
            NeuralModel model;
            if (which.equals("tiny")) {
                ref = new ObjectMapper().readTree(TinyModel.dir().resolve("reference.json").toFile());
                model = TinyModel.load(NeuralModel.Device.CPU);
            } else {
                try (InputStream in = NeuralModel.class.getResourceAsStream(NeuralModel.RESOURCE_FOLDER + "reference.json")) {
                    ref = new ObjectMapper().readTree(in);
                }
                model = NeuralModel.loadDefault(NeuralModel.Device.CPU);
            }
            return new Case(model, ref, ints(ref.get("tokens")), floats(ref.get("curve")), floats(ref.get("style")));
        }

        @Override
        public void close() {
            model.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tiny", "shipped"})
    void fullGraphMatchesTorch(String which) throws Exception {
        try (Case c = Case.of(which)) {
            assertClose(floats(c.ref().get("full_logits")), c.model().fullLogits(c.tokens(), c.curve(), c.style()),
                    which + " full.onnx");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tiny", "shipped"})
    void stepGraphWithTheCacheMatchesTorch(String which) throws Exception {
        try (Case c = Case.of(which); CachedDecoder decoder = new CachedDecoder(c.model(), c.style())) {
            float[] last = decoder.feed(c.tokens(), 0, 5, c.curve(), 0);
            float[] first = floats(c.ref().get("step_first_logits"));
            assertClose(first, decoder.allLogits(), which + " step.onnx, tokens 0..4, P = 0");
            assertClose(Arrays.copyOfRange(first, 4 * Vocabulary.SIZE, 5 * Vocabulary.SIZE), last, which + " last row");
            assertEquals(5, decoder.past());

            decoder.feed(c.tokens(), 5, 4, c.curve(), 5 * CurveFeatures.SIZE);
            assertClose(floats(c.ref().get("step_second_logits")), decoder.allLogits(),
                    which + " step.onnx, tokens 5..8, P = 5");
            assertEquals(9, decoder.past());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tiny", "shipped"})
    void oneTokenAtATimeMatchesTheWholeSequence(String which) throws Exception {
        try (Case c = Case.of(which); CachedDecoder decoder = new CachedDecoder(c.model(), c.style())) {
            float[] full = floats(c.ref().get("full_logits"));
            for (int i = 0; i < c.tokens().length; i++) {
                float[] row = decoder.feed(c.tokens()[i], c.curve(), i * CurveFeatures.SIZE);
                assertClose(Arrays.copyOfRange(full, i * Vocabulary.SIZE, (i + 1) * Vocabulary.SIZE), row,
                        which + " token " + i + " fed alone on the cache");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tiny", "shipped"})
    void rewindingToAMarkForgetsWhatWasFedSince(String which) throws Exception {
        try (Case c = Case.of(which); CachedDecoder decoder = new CachedDecoder(c.model(), c.style())) {
            decoder.feed(c.tokens(), 0, 5, c.curve(), 0);
            decoder.mark();
            for (int tries = 0; tries < 2; tries++) { // the mark outlives a rewind: the search tries bar after bar
                decoder.feed(c.tokens(), 0, 3, c.curve(), 0); // another continuation, then back
                decoder.feed(c.tokens()[1], c.curve(), 0);
                assertEquals(9, decoder.past());
                decoder.rewind();
                assertEquals(5, decoder.past());
            }
            decoder.feed(c.tokens(), 5, 4, c.curve(), 5 * CurveFeatures.SIZE);
            decoder.unmark();
            assertClose(floats(c.ref().get("step_second_logits")), decoder.allLogits(),
                    which + " step.onnx after a rewind, tokens 5..8, P = 5");
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
