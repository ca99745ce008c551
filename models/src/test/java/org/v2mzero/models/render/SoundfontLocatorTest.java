package org.v2mzero.models.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.protocol.BadInputException;

class SoundfontLocatorTest {
    @TempDir
    Path dir;

    @Test
    void explicitMissingPathIsNamed() {
        Path missing = dir.resolve("my-strings.sf2");
        var e = assertThrows(BadInputException.class, () -> SoundfontLocator.locate(missing));
        assertEquals(missing + ": soundfont not found", e.getMessage());
    }

    @Test
    void explicitSf3IsRefused() throws Exception {
        Path sf3 = Files.write(dir.resolve("bank.sf3"), Sf2HeaderTest.sfbk(3, 1, "Compressed"));
        var e = assertThrows(BadInputException.class, () -> SoundfontLocator.locate(sf3));
        assertTrue(e.getMessage().contains("is an SF3 (compressed) soundfont"), e.getMessage());
    }

    @Test
    void explicitHeaderWithoutSamplesIsRefusedInOneLine() throws Exception {
        Path stub = Files.write(dir.resolve("stub.sf2"), Sf2HeaderTest.sfbk(2, 1, "Stub"));
        var e = assertThrows(BadInputException.class, () -> SoundfontLocator.locate(stub));
        assertEquals(stub + ": soundfont has no instruments (expected: a General MIDI SF2)", e.getMessage());
    }

    @Test
    void builtInBankCarriesTheGivenWarning() throws Exception {
        Soundfont builtIn = SoundfontLocator.builtIn(Optional.of(SoundfontLocator.FALLBACK_WARNING));
        assertEquals(null, builtIn.path());
        assertEquals(null, builtIn.version());
        assertNotNull(builtIn.soundbank().getInstruments()[0]);
        assertTrue(builtIn.warning().orElseThrow().contains("fluid-soundfont-gm"));
    }

    @Test
    void debianFluidR3IsFoundWhenInstalled() throws Exception {
        assumeTrue(Files.isRegularFile(SoundfontLocator.FLUID_R3),
                SoundfontLocator.FLUID_R3 + " not installed (Debian fluid-soundfont-gm) -- skipping");
        assumeTrue(System.getenv(SoundfontLocator.ENV) == null, "$V2M_SOUNDFONT is set -- skipping");
        assertEquals(SoundfontLocator.FLUID_R3, SoundfontLocator.candidates().get(0));
        Sf2Header header = Sf2Header.read(SoundfontLocator.FLUID_R3);
        assertEquals(2, header.major(), "version " + header.version());
    }
}
