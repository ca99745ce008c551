package org.v2mzero.models.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code training/import_onnx.py} takes an exported model's weights back into a checkpoint (so a new
 * training run can continue the shipped model): on the tiny export the rebuilt torch model gives the
 * export's reference logits, and when it cannot (here: a reference.json that is not this model's) it
 * says so and writes nothing.
 */
class ImportOnnxPythonTest {
    @TempDir
    Path dir;

    @Test
    void theImportedWeightsGiveTheExportsReferenceLogits() throws Exception {
        Path checkpoint = dir.resolve("tiny.pt");
        Python.Result r = importOnnx(TinyModel.dir(), checkpoint);
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("max |logit - reference.json|"), r.out());
        assertTrue(Files.size(checkpoint) > 0);
    }

    @Test
    void weightsThatMissTheReferenceAreNotWritten() throws Exception {
        Path model = Files.createDirectories(dir.resolve("model"));
        for (String f : List.of("step.onnx", "full.onnx", "model.json")) {
            Files.copy(TinyModel.dir().resolve(f), model.resolve(f));
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode reference = (ObjectNode) json.readTree(TinyModel.dir().resolve("reference.json").toFile());
        ArrayNode logits = (ArrayNode) reference.get("full_logits");
        logits.set(0, logits.get(0).asDouble() + 0.01);
        json.writeValue(model.resolve("reference.json").toFile(), reference);

        Path checkpoint = dir.resolve("wrong.pt");
        Python.Result r = importOnnx(model, checkpoint);
        assertTrue(r.exitCode() != 0, r.out());
        assertTrue(r.err().contains("do not reproduce reference.json"), r.err());
        assertFalse(Files.exists(checkpoint));
    }

    private static Python.Result importOnnx(Path model, Path out) throws Exception {
        return Python.run(List.of(Python.repoFile("training/import_onnx.py").toString(),
                "--model", model.toString(), "--out", out.toString()));
    }
}
