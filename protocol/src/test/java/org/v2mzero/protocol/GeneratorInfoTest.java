package org.v2mzero.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A manifest names the execution provider of a network generator, and only of one. */
class GeneratorInfoTest {
    @TempDir
    Path dir;

    @Test
    void theProviderIsWrittenOnlyWhenThereIsOne() throws Exception {
        String symbolic = Json.write(new TakeManifest.GeneratorInfo("symbolic", "0.7.0"));
        assertFalse(symbolic.contains("executionProvider"), symbolic);
        String neural = Json.write(new TakeManifest.GeneratorInfo("neural", "0.1.0+abc", "CUDA"));
        assertTrue(neural.contains("\"executionProvider\" : \"CUDA\""), neural);

        Path file = dir.resolve("g.json");
        Files.writeString(file, neural);
        assertEquals("CUDA", Json.read(file, TakeManifest.GeneratorInfo.class).executionProvider());
        Files.writeString(file, symbolic);
        assertNull(Json.read(file, TakeManifest.GeneratorInfo.class).executionProvider(), "older takes read as before");
    }
}
