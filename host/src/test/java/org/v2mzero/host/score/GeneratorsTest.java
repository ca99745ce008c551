package org.v2mzero.host.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.v2mzero.models.compose.SymbolicComposer;
import org.v2mzero.models.neural.NeuralModel;
import org.v2mzero.models.neural.OnnxGenerator;
import org.v2mzero.protocol.BadInputException;

class GeneratorsTest {
    @Test
    void symbolicIsTheDefaultAndUnknownNamesAreOneLine() throws Exception {
        assertInstanceOf(SymbolicComposer.class, Generators.of(Generators.DEFAULT, null));
        assertEquals("--generator : bogus (expected: symbolic or neural)",
                assertThrows(BadInputException.class, () -> Generators.of("bogus", null)).getMessage());
    }

    @Test
    void neuralIsTheShippedModel() throws Exception {
        OnnxGenerator g = assertInstanceOf(OnnxGenerator.class, Generators.of("neural", null));
        try (NeuralModel shipped = NeuralModel.loadDefault(NeuralModel.Device.CPU)) {
            assertEquals(OnnxGenerator.CODE_VERSION + "+" + shipped.digest(), g.version());
        }
        g.model().close();
    }
}
