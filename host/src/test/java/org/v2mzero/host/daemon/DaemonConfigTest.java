package org.v2mzero.host.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.protocol.BadInputException;

class DaemonConfigTest {
    @TempDir
    Path dir;

    @Test
    void defaultsAreLoopbackJackAndEveryStem() throws Exception {
        DaemonConfig c = DaemonConfig.empty().validated();

        assertEquals("127.0.0.1", c.apiHost());
        assertEquals(DaemonConfig.DEFAULT_API_PORT, c.apiPort());
        assertEquals(DaemonConfig.DEFAULT_OSC_PORT, c.oscPort());
        assertEquals("jack", c.transport());
        assertEquals(DaemonConfig.ALL_STEMS, c.stems());
        assertEquals("takes", c.library());
    }

    @Test
    void flagsOverrideTheFileWhichOverridesDefaults() throws Exception {
        Path file = write("{\"library\": \"/srv/takes\", \"apiPort\": 8000, \"stems\": [\"drums\", \"bass\"]}");
        DaemonConfig flags = new DaemonConfig(null, null, "none", null, null, null, null, 9000, null, null, null,
                null, null, null);

        DaemonConfig c = DaemonConfig.read(file).overriddenBy(flags).validated();

        assertEquals("/srv/takes", c.library());
        assertEquals(9000, c.apiPort());
        assertEquals("none", c.transport());
        assertEquals(List.of("drums", "bass"), c.stems());
    }

    @Test
    void aTypoInTheFileIsNamedWithItsLine() throws Exception {
        Path file = write("{\n  \"library\": \"x\",\n  \"apiPrt\": 8000\n}");

        BadInputException e = assertThrows(BadInputException.class, () -> DaemonConfig.read(file));

        assertTrue(e.getMessage().startsWith(file + ": unknown setting \"apiPrt\" at line 3 (expected one of ["),
                e.getMessage());
        assertTrue(e.getMessage().contains("apiPort"), e.getMessage());
    }

    @Test
    void malformedJsonAndWrongTypesAreOneLine() throws Exception {
        Path broken = write("{\"library\": ");
        Path wrongType = write("{\"apiPort\": \"eighty\"}");

        assertTrue(assertThrows(BadInputException.class, () -> DaemonConfig.read(broken)).getMessage()
                .startsWith(broken + ": "));
        assertTrue(assertThrows(BadInputException.class, () -> DaemonConfig.read(wrongType)).getMessage()
                .startsWith(wrongType + ": "));
        assertEquals(dir.resolve("nope.json") + ": no such configuration file", assertThrows(
                BadInputException.class, () -> DaemonConfig.read(dir.resolve("nope.json"))).getMessage());
    }

    @Test
    void badValuesAreRefusedNamingTheSetting() {
        assertEquals("transport : ableton (expected: jack, ardour, reaper or none)", refused(
                new DaemonConfig(null, null, "ableton", null, null, null, null, null, null, null, null, null, null, null)));
        assertEquals("apiPort : 70000 (expected: 0..65535)", refused(
                new DaemonConfig(null, null, null, null, null, null, null, 70000, null, null, null, null, null, null)));
        assertEquals("stems : kazoo (expected some of [drums, bass, harmony, melody, fx])", refused(
                new DaemonConfig(null, null, null, null, null, null, null, null, null, null, null, null,
                        List.of("kazoo"), null)));
    }

    @Test
    void anApiReachableFromOtherMachinesNeedsAToken() throws Exception {
        DaemonConfig open = new DaemonConfig(null, null, null, null, null, null, "0.0.0.0", null, null, null, null,
                null, null, null);
        DaemonConfig withToken = new DaemonConfig(null, null, null, null, null, null, "0.0.0.0", null,
                "a-long-enough-secret", null, null, null, null, null);

        assertTrue(refused(open).startsWith("apiHost : 0.0.0.0 is reachable from other machines; set apiToken"));
        assertEquals("0.0.0.0", withToken.validated().apiHost());
    }

    private static String refused(DaemonConfig c) {
        return assertThrows(BadInputException.class, c::validated).getMessage();
    }

    private Path write(String json) throws Exception {
        Path file = Files.createTempFile(dir, "config", ".json");
        Files.writeString(file, json);
        return file;
    }
}
