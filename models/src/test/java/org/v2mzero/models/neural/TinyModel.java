package org.v2mzero.models.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A tiny random {@code v2m-neural-3} model (context 64, 2 layers, d 32) that {@code training/export_onnx.py
 * --tiny} writes with torch's reference logits: the tests never depend on a shipped model. Exported once
 * per test JVM (a few seconds) into {@code target/}; skipped (failed in CI) without torch and onnx.
 */
final class TinyModel {
    static final int SEED = 7;
    private static Path dir;

    private TinyModel() {}

    /** The folder holding step.onnx, full.onnx, model.json and reference.json. */
    static synchronized Path dir() throws Exception {
        Python.requireTorch();
        if (dir == null) {
            Path out = Path.of("target", "tiny-neural-" + SEED).toAbsolutePath();
            Files.createDirectories(out);
            Python.Result r = Python.run(List.of(script().toString(), "--tiny", "--seed", Integer.toString(SEED),
                    "--out", out.toString()));
            assertEquals(0, r.exitCode(), r.out() + r.err());
            dir = out;
        }
        return dir;
    }

    static NeuralModel load(NeuralModel.Device device) throws Exception {
        return NeuralModel.load(dir(), device);
    }

    private static Path script() {
        return Python.repoFile("training/export_onnx.py");
    }
}
