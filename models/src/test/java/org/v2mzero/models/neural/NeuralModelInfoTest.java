package org.v2mzero.models.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.v2mzero.protocol.BadInputException;

class NeuralModelInfoTest {
    private static final String GOOD = """
            {"format": "v2m-neural-3", "tokens": "v2m-remi-1", "vocab": 1014, "context": 512, "layers": 4,
             "heads": 4, "headDim": 64, "dModel": 256, "curveOffsets": [-0.5, -0.25, 0.0, 0.25, 0.5, 1.0],
             "hitChannels": ["onHit", "nextHit", "lastHit"], "gridSlots": 16, "styleDimensions": 384, "graphs": {"full": "full.onnx", "step": "step.onnx"},
             "training": {"step": 4000}, "newerField": 1}
            """;

    @Test
    void readsTheContract() throws Exception {
        NeuralModelInfo i = parse(GOOD);
        assertEquals(512, i.context());
        assertEquals(4, i.layers());
        assertEquals(64, i.headDim());
        assertEquals("step.onnx", i.step());
        assertEquals(4000, i.training().get("step").asInt());
    }

    @Test
    void samplingIsOptionalAndFilledFromTheDefaults() throws Exception {
        assertEquals(NeuralModelInfo.Sampling.DEFAULT, parse(GOOD).sampling());
        NeuralModelInfo.Sampling s = parse(GOOD.replace("\"newerField\": 1", "\"sampling\": {\"curveGuidance\": 1.5}"))
                .sampling();
        assertEquals(new NeuralModelInfo.Sampling(1.0, 0.95, 1.5, 1), s);
        assertEquals(4, parse(GOOD.replace("\"newerField\": 1", "\"sampling\": {\"curveSearch\": 4}")).sampling()
                .curveSearch());
        assertError("m/model.json: sampling.curveSearch : 0 (expected: 1..16)",
                GOOD.replace("\"newerField\": 1", "\"sampling\": {\"curveSearch\": 0}"));
        assertError("m/model.json: sampling.curveGuidance : -1.0 (expected: 0..10)",
                GOOD.replace("\"newerField\": 1", "\"sampling\": {\"curveGuidance\": -1}"));
        assertError("m/model.json: sampling.topP : 0.0 (expected: > 0 and <= 1)",
                GOOD.replace("\"newerField\": 1", "\"sampling\": {\"topP\": 0}"));
    }

    @Test
    void errorsNameTheFileAndTheField() {
        // A v2m-neural-2 model (9 curve features, no bar grid) cannot run on this code.
        assertError("m/model.json: format : \"v2m-neural-2\" (expected: \"v2m-neural-3\")",
                GOOD.replace("v2m-neural-3", "v2m-neural-2"));
        assertError("m/model.json: gridSlots : 8 (expected: 16)", GOOD.replace("\"gridSlots\": 16", "\"gridSlots\": 8"));
        assertError("m/model.json: hitChannels : [onHit] (expected: [onHit, nextHit, lastHit])",
                GOOD.replace("[\"onHit\", \"nextHit\", \"lastHit\"]", "[\"onHit\"]"));
        assertError("m/model.json: tokens : \"other\" (expected: \"v2m-remi-1\")", GOOD.replace("v2m-remi-1", "other"));
        assertError("m/model.json: vocab : 1000 (expected: 1014)", GOOD.replace("1014", "1000"));
        assertError("m/model.json: heads : missing (expected: a value; training/MODEL.md)",
                GOOD.replace("\"heads\": 4,", ""));
        assertError("m/model.json: context : 0 (expected: > 0)", GOOD.replace("512", "0"));
        assertError("m/model.json: curveOffsets : [-0.5, 0.0, 0.5] (expected: [-0.5, -0.25, 0.0, 0.25, 0.5, 1.0],"
                + " the offsets this code samples the curve at)",
                GOOD.replace("[-0.5, -0.25, 0.0, 0.25, 0.5, 1.0]", "[-0.5, 0.0, 0.5]"));
        assertError("m/model.json: graphs.step : \"../x.onnx\" (expected: a file name beside model.json)",
                GOOD.replace("\"step.onnx\"", "\"../x.onnx\""));
        assertEquals(1, parseError("{").lines().count());
    }

    private static void assertError(String expected, String json) {
        assertEquals(expected, parseError(json));
    }

    private static String parseError(String json) {
        return assertThrows(BadInputException.class, () -> parse(json)).getMessage();
    }

    private static NeuralModelInfo parse(String json) throws BadInputException {
        return NeuralModelInfo.parse("m/model.json", json.getBytes(StandardCharsets.UTF_8));
    }
}
