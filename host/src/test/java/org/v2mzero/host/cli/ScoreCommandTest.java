package org.v2mzero.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.host.testing.TakeAssertions;
import org.v2mzero.models.video.SyntheticClip;
import org.v2mzero.protocol.Json;
import org.v2mzero.protocol.TakeManifest;

/** {@code v2m score} as a user runs it, on a clip the test draws (so it runs on a fresh clone too). */
class ScoreCommandTest {
    @TempDir
    Path dir;

    @Test
    void scoresAClipIntoACompleteTakeAndSummarisesIt() throws Exception {
        Path video = dir.resolve("drawn.mp4");
        SyntheticClip.write(video, 6.0, List.of(2.0, 4.0));
        Path out = dir.resolve("takes");

        CliRun run = CliRun.of("score", video.toString(), "--prompt", "tense orchestral", "--out", out.toString(),
                "--seed", "3");

        assertEquals(0, run.exitCode(), run.toString());
        Path take = onlyEntry(out);
        TakeManifest manifest = Json.read(take.resolve("manifest.json"), TakeManifest.class);
        TakeAssertions.assertComplete(take, manifest, 6.0);
        assertEquals("tense orchestral", manifest.prompt());
        assertEquals(3, manifest.seed());
        assertEquals(0.0, manifest.timelineOffsetSeconds());
        assertEquals(video.toAbsolutePath().normalize().toString(), manifest.source());
        assertTrue(run.out().contains("drawn.mp4"), run.out());
        assertTrue(run.out().contains(take.getFileName().toString()), run.out());
        assertTrue(run.out().contains("2 cuts [2.00 4.00]"), run.out());
        assertTrue(run.out().lines().count() <= 24, "fits one screen");
    }

    static Path onlyEntry(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            List<Path> entries = s.toList();
            assertEquals(1, entries.size(), "exactly one entry: " + entries);
            return entries.get(0);
        }
    }
}
