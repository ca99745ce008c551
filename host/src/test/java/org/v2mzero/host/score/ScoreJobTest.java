package org.v2mzero.host.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.host.testing.TakeAssertions;
import org.v2mzero.models.compose.SymbolicComposer;
import org.v2mzero.models.video.SyntheticClip;
import org.v2mzero.protocol.BadInputException;
import org.v2mzero.protocol.TakeManifest;
import org.v2mzero.protocol.VideoPlacement;
import org.v2mzero.protocol.testing.SharedTestData;

/** The main job on a real clip of {@code ../shared/data}: complete, and reproducible for a seed. */
class ScoreJobTest {
    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void theSameSeedGivesTheSameFilesAndAnotherSeedOtherOnes() throws Exception {
        Path video = SharedTestData.file("video/pyscenedetect/testvideo.mp4");
        ScoreJob job = new ScoreJob(new SymbolicComposer(), FIXED);

        ScoreResult first = job.run(request(video, 5, "a"), Progress.NONE);
        ScoreResult again = job.run(request(video, 5, "b"), Progress.NONE);
        ScoreResult other = job.run(request(video, 6, "c"), Progress.NONE);

        TakeAssertions.assertComplete(first.takeDir(), first.manifest(), 24.02);
        assertEquals(first.manifest(), again.manifest());
        List<String> names = fileNames(first.takeDir());
        assertEquals(names, fileNames(again.takeDir()));
        for (String name : names) {
            assertArrayEquals(Files.readAllBytes(first.takeDir().resolve(name)),
                    Files.readAllBytes(again.takeDir().resolve(name)), name + " is byte-identical for the same seed");
        }
        // Files.mismatch is -1 for identical files
        assertNotEquals(-1, Files.mismatch(first.takeDir().resolve("score.mid"), other.takeDir().resolve("score.mid")),
                "another seed, other notes");
        assertNotEquals(-1, Files.mismatch(first.takeDir().resolve("mix.wav"), other.takeDir().resolve("mix.wav")),
                "another seed, another mix");
    }

    @Test
    void onlyTheAskedStemsAreWrittenAndAnUnknownOneIsNamedWithTheValidOnes() throws Exception {
        Path video = dir.resolve("drawn.mp4");
        SyntheticClip.write(video, 6.0, List.of(2.0, 4.0));
        ScoreJob job = new ScoreJob(new SymbolicComposer(), FIXED);

        ScoreResult two = job.run(new ScoreRequest(new VideoPlacement(video, 0, 0, null), null, "tense orchestral", 1,
                dir.resolve("two"), null, List.of("bass", "drums")), Progress.NONE);

        assertEquals(List.of("drums", "bass"), two.manifest().stems().stream().map(TakeManifest.Stem::name).toList(),
                "in the generator's order");
        assertEquals(List.of("bass.mid", "bass.wav", "curve.json", "drums.mid", "drums.wav", "manifest.json", "mix.wav",
                "score.mid"), fileNames(two.takeDir()));
        BadInputException e = assertThrows(BadInputException.class, () -> job.run(new ScoreRequest(
                new VideoPlacement(video, 0, 0, null), null, "strings only", 1, dir.resolve("bad"), null,
                List.of("drums", "strings")), Progress.NONE));
        assertEquals("stems : drums, strings (expected: some of bass, harmony, melody, fx)", e.getMessage());
    }

    private ScoreRequest request(Path video, long seed, String library) {
        return ScoreRequest.ofVideo(video, "dark synthwave", seed, dir.resolve(library), null);
    }

    private static List<String> fileNames(Path take) throws IOException {
        try (Stream<Path> s = Files.list(take)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
