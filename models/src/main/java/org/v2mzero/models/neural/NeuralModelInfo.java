package org.v2mzero.models.neural;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import org.v2mzero.protocol.BadInputException;

/**
 * A model's {@code model.json} (training/MODEL.md): the network's shape and the contract it was trained
 * on. Read from a file or a classpath resource, so errors name a {@code source}, not a path.
 *
 * @param source   where it was read, named by every error
 * @param context  learned positions: the longest sequence one pass sees
 * @param layers   transformer blocks (the cache's first dimension)
 * @param heads    attention heads
 * @param headDim  floats per head
 * @param dModel   the embedding width
 * @param full     file name of the whole-sequence graph, beside model.json
 * @param step     file name of the attention-cache graph, beside model.json
 * @param training what the exporter recorded about training (steps, loss, data), as written
 * @param sampling how this model is best sampled (optional in model.json; {@link Sampling#DEFAULT} without)
 */
public record NeuralModelInfo(String source, int context, int layers, int heads, int headDim, int dModel,
        String full, String step, JsonNode training, Sampling sampling) {
    /** The one network format this code runs. */
    public static final String FORMAT = "v2m-neural-3";
    public static final String FILE = "model.json";
    /** The style vector's length: a MiniLM embedding. */
    public static final int STYLE_DIMENSIONS = 384;

    /** The fields as written; boxed so a missing one reads as null. Unknown fields are ignored (newer exporters). */
    record Fields(String format, String tokens, Integer vocab, Integer context, Integer layers, Integer heads,
            Integer headDim, Integer dModel, double[] curveOffsets, List<String> hitChannels, Integer gridSlots,
            Integer styleDimensions, Graphs graphs, JsonNode training, Sampling sampling) {}

    record Graphs(String full, String step) {}

    /**
     * The sampling a model was measured best with, kept beside it like its shapes (and in its digest, so a
     * take names the settings that made it).
     *
     * @param temperature   softmax temperature
     * @param topP          nucleus mass
     * @param curveGuidance how much the curve's pull is amplified: logits {@code l_c + g·(l_c − l_flat)}, where
     *                      {@code l_flat} is the model fed a flat curve (0 = the model as trained)
     * @param curveSearch   candidate bars the curve search samples for each bar it keeps (1 = no search)
     */
    public record Sampling(Double temperature, Double topP, Double curveGuidance, Integer curveSearch) {
        public static final Sampling DEFAULT = new Sampling(1.0, 0.95, 0.0, 1);
        /** The widest curve search model.json may ask for: each candidate costs a full pass over its bar. */
        public static final int MAX_CURVE_SEARCH = 16;
    }

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * Parses and checks a model.json.
     *
     * @throws BadInputException one line naming the source and the field
     */
    public static NeuralModelInfo parse(String source, byte[] json) throws BadInputException {
        Fields f;
        try {
            f = MAPPER.readValue(json, Fields.class);
        } catch (JsonProcessingException e) {
            throw new BadInputException(source + ": not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (java.io.IOException e) {
            throw new BadInputException(source + ": unreadable (" + e.getMessage() + ")");
        }
        if (f == null) {
            throw new BadInputException(source + ": empty (expected: a model.json, training/MODEL.md)");
        }
        equal(source, "format", f.format(), FORMAT);
        equal(source, "tokens", f.tokens(), Vocabulary.VERSION);
        equal(source, "vocab", f.vocab(), Vocabulary.SIZE);
        equal(source, "styleDimensions", f.styleDimensions(), STYLE_DIMENSIONS);
        double[] offsets = required(source, "curveOffsets", f.curveOffsets());
        if (!Arrays.equals(offsets, CurveFeatures.offsets())) {
            throw error(source, "curveOffsets", Arrays.toString(offsets), Arrays.toString(CurveFeatures.offsets())
                    + ", the offsets this code samples the curve at");
        }
        equal(source, "hitChannels", f.hitChannels(), CurveFeatures.hitChannels());
        equal(source, "gridSlots", f.gridSlots(), CurveFeatures.GRID_SLOTS);
        int context = positive(source, "context", f.context());
        int layers = positive(source, "layers", f.layers());
        int heads = positive(source, "heads", f.heads());
        int headDim = positive(source, "headDim", f.headDim());
        int dModel = positive(source, "dModel", f.dModel());
        if (context < 8) {
            throw error(source, "context", context, ">= 8: the header and half a window of music");
        }
        Graphs g = required(source, "graphs", f.graphs());
        String full = fileName(source, "graphs.full", g.full());
        String step = fileName(source, "graphs.step", g.step());
        return new NeuralModelInfo(source, context, layers, heads, headDim, dModel, full, step, f.training(),
                sampling(source, f.sampling()));
    }

    /** The model's sampling, missing fields from {@link Sampling#DEFAULT}; checked like the options. */
    private static Sampling sampling(String source, Sampling s) throws BadInputException {
        if (s == null) {
            return Sampling.DEFAULT;
        }
        Sampling d = Sampling.DEFAULT;
        Sampling full = new Sampling(s.temperature() == null ? d.temperature() : s.temperature(),
                s.topP() == null ? d.topP() : s.topP(), s.curveGuidance() == null ? d.curveGuidance() : s.curveGuidance(),
                s.curveSearch() == null ? d.curveSearch() : s.curveSearch());
        if (!(full.temperature() >= 0 && full.temperature() <= 10)) {
            throw error(source, "sampling.temperature", full.temperature(), "0..10");
        }
        if (!(full.topP() > 0 && full.topP() <= 1)) {
            throw error(source, "sampling.topP", full.topP(), "> 0 and <= 1");
        }
        if (!(full.curveGuidance() >= 0 && full.curveGuidance() <= 10)) {
            throw error(source, "sampling.curveGuidance", full.curveGuidance(), "0..10");
        }
        if (!(full.curveSearch() >= 1 && full.curveSearch() <= Sampling.MAX_CURVE_SEARCH)) {
            throw error(source, "sampling.curveSearch", full.curveSearch(), "1.." + Sampling.MAX_CURVE_SEARCH);
        }
        return full;
    }

    /** A plain file name beside model.json: no folders, so a model folder cannot point outside itself. */
    private static String fileName(String source, String field, String name) throws BadInputException {
        required(source, field, name);
        if (name.isBlank() || name.contains("/") || name.contains("\\") || name.equals("..")) {
            throw error(source, field, "\"" + name + "\"", "a file name beside model.json");
        }
        return name;
    }

    private static void equal(String source, String field, Object value, Object expected) throws BadInputException {
        if (!expected.equals(required(source, field, value))) {
            throw error(source, field, value instanceof String ? "\"" + value + "\"" : value,
                    expected instanceof String ? "\"" + expected + "\"" : expected);
        }
    }

    private static int positive(String source, String field, Integer value) throws BadInputException {
        if (required(source, field, value) <= 0) {
            throw error(source, field, value, "> 0");
        }
        return value;
    }

    private static <T> T required(String source, String field, T value) throws BadInputException {
        if (value == null) {
            throw new BadInputException(source + ": " + field + " : missing (expected: a value; training/MODEL.md)");
        }
        return value;
    }

    static BadInputException error(String source, String field, Object value, Object expected) {
        return new BadInputException(source + ": " + field + " : " + value + " (expected: " + expected + ")");
    }
}
