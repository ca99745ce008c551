package org.v2mzero.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.host.testing.TakeAssertions;
import org.v2mzero.protocol.Json;
import org.v2mzero.protocol.TakeManifest;

/** The newcomer's first command: no input, a real take. */
class DemoCommandTest {
    @TempDir
    Path out;

    @Test
    void drawsAClipScoresItAndFindsItsCuts() throws Exception {
        CliRun run = CliRun.of("demo", "--out", out.toString());

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(Files.isRegularFile(out.resolve(DemoCommand.CLIP)));
        List<Path> takes;
        try (Stream<Path> s = Files.list(out)) {
            takes = s.filter(Files::isDirectory).toList();
        }
        assertEquals(1, takes.size(), takes.toString());
        TakeManifest manifest = Json.read(takes.get(0).resolve("manifest.json"), TakeManifest.class);
        TakeAssertions.assertComplete(takes.get(0), manifest, DemoCommand.CLIP_SECONDS);
        assertTrue(run.out().contains(DemoCommand.CLIP_CUTS.size() + " cuts [2.00 4.40 7.20 9.60]"), run.out());
    }
}
