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
import org.v2mzero.models.render.Loudness;
import org.v2mzero.models.render.WavReader;
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
        assertStyleMatchAndLoudness(take, manifest, run.out());
    }

    /** The manifest explains the style and reports the mix's loudness as measured from mix.wav itself. */
    private static void assertStyleMatchAndLoudness(Path take, TakeManifest m, String out) throws Exception {
        TakeManifest.StyleMatchInfo match = m.styleMatch();
        assertEquals("minilm", match.method());
        assertTrue(m.style().startsWith(match.chosen() + ","), m.style() + " vs " + match);
        assertEquals(3, match.runnersUp().size());
        assertTrue(match.similarity() > match.runnersUp().get(0).similarity(), match.toString());
        assertTrue(out.contains("style     " + match.chosen()), out);

        TakeManifest.LoudnessInfo loudness = m.loudness();
        WavReader.Wav mix = WavReader.read(take.resolve(m.mix()));
        assertEquals(loudness.integratedLufs(), Loudness.integratedLufs(mix.samples(), mix.sampleRate()), 0.05);
        assertTrue(loudness.truePeakDbtp() <= -1.0, "true peak " + loudness.truePeakDbtp());
        // At the -23 LUFS target unless the true-peak ceiling held the gain back.
        assertTrue(Math.abs(loudness.integratedLufs() + 23) < 0.05 || loudness.truePeakDbtp() > -1.05, loudness.toString());
        assertTrue(out.contains(String.format(java.util.Locale.ROOT, "mix %.1f LUFS", loudness.integratedLufs())), out);
    }

    static Path onlyEntry(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            List<Path> entries = s.toList();
            assertEquals(1, entries.size(), "exactly one entry: " + entries);
            return entries.get(0);
        }
    }
}
