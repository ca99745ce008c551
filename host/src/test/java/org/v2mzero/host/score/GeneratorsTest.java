package org.v2mzero.host.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.v2mzero.models.compose.SymbolicComposer;
import org.v2mzero.models.neural.NeuralModel;
import org.v2mzero.protocol.BadInputException;

class GeneratorsTest {
    @Test
    void symbolicIsTheDefaultAndUnknownNamesAreOneLine() throws Exception {
        assertInstanceOf(SymbolicComposer.class, Generators.of(Generators.DEFAULT, null));
        assertEquals("--generator : bogus (expected: symbolic or neural)",
                assertThrows(BadInputException.class, () -> Generators.of("bogus", null)).getMessage());
    }

    @Test
    void neuralWithoutAShippedModelSaysSo() {
        Assumptions.assumeFalse(NeuralModel.hasDefault(), "a model is shipped now");
        assertEquals(NeuralModel.NO_DEFAULT,
                assertThrows(BadInputException.class, () -> Generators.of("neural", null)).getMessage());
    }
}
