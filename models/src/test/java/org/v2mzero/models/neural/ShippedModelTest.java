package org.v2mzero.models.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.v2mzero.models.compose.Arrangement;
import org.v2mzero.models.compose.StemPart;
import org.v2mzero.models.compose.StyleMatcher;

/** The trained model that ships in the models jar (training/MODEL_CARD.md): small, licensed, and it writes music. */
class ShippedModelTest {
    @Test
    void isTheTrainedNetworkOfTheCardWithinTenMegabytesAndItsLicence() throws Exception {
        try (NeuralModel m = NeuralModel.loadDefault(NeuralModel.Device.CPU)) {
            NeuralModelInfo i = m.info();
            assertEquals(List.of(512, 4, 4, 48, 192), List.of(i.context(), i.layers(), i.heads(), i.headDim(), i.dModel()));
            // Its own steps and those of the runs it started from (MODEL_CARD.md: r1, r3, then r9).
            int steps = i.training().get("step").asInt() + i.training().path("initFromSteps").asInt(0);
            assertTrue(steps >= 1000, i.training().toString());
            assertEquals("CPU", m.executionProvider());
        }
        long bytes = 0;
        for (String f : List.of("model.json", "step.onnx", "full.onnx", "reference.json", "FREEDOOM-COPYRIGHT.txt")) {
            bytes += resource(f).length;
        }
        assertTrue(bytes <= 10_000_000, bytes + " bytes");
        String licence = new String(resource("FREEDOOM-COPYRIGHT.txt"), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(licence.contains("Redistributions in binary form must reproduce the above copyright"), licence);
    }

    @Test
    void writesAGrammaticalCueOfSeveralInstrumentsTheSameForASeed() throws Exception {
        try (NeuralModel m = NeuralModel.loadDefault(NeuralModel.Device.CPU)) {
            OnnxGenerator g = new OnnxGenerator(m, StyleMatcher.keywords("test: no MiniLM"),
                    OnnxGenerator.Options.of(m.info().sampling()));
            int[] tokens = g.tokens(OnnxGeneratorTest.request(1, 12), f -> { });
            TokenGrammar.check(tokens);
            assertArrayEquals(tokens, g.tokens(OnnxGeneratorTest.request(1, 12), f -> { }));
            Arrangement a = g.generate(OnnxGeneratorTest.request(1, 12));
            long sounding = a.stems().stream().filter(s -> s.notes().size() >= 2).count();
            int notes = a.stems().stream().mapToInt(s -> s.notes().size()).sum();
            // Music of several instruments, not a density: r3 is sparse (20 notes in 6 stems here, 1.2-2.4
            // notes a second on the shared clips; r1 wrote 40 or more), a weakness its card names.
            assertTrue(sounding >= 2 && notes >= 15, "stems " + a.stems().stream().map(s -> s.name() + " "
                    + s.notes().size()).toList() + ", " + notes + " notes");
            for (StemPart s : a.stems()) {
                s.notes().forEach(n -> assertTrue(n.startSeconds() < 12, s.name() + " " + n));
            }
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = NeuralModel.class.getResourceAsStream(NeuralModel.RESOURCE_FOLDER + name)) {
            assertTrue(in != null, "shipped: " + name);
            return in.readAllBytes();
        }
    }
}
