package org.v2mzero.models.curve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.v2mzero.models.video.SyntheticClip;
import org.v2mzero.models.video.SyntheticClip.Container;
import org.v2mzero.protocol.CurveAnalysis;
import org.v2mzero.protocol.Json;
import org.v2mzero.protocol.Section;
import org.v2mzero.protocol.testing.SharedTestData;

/**
 * Damage in the middle of a file: FFmpeg skips the frames it cannot decode and goes on, so without a
 * check the curve would bridge the hole without a word. Clips are self-made, then 40-50 % of their
 * bytes zeroed (a bad sector, a broken copy); the container's index is left whole.
 */
class DamagedVideoTest {
    private static final double SECONDS = 24.0;
    private static final int FRAMES = (int) (SECONDS * SyntheticClip.FPS);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Container.class)
    void zeroedBytesInTheMiddleAreOneDamagedSpanWhereTheFramesAreMissing(Container container) throws IOException {
        Path whole = dir.resolve("whole." + (container == Container.MKV ? "mkv" : "mp4"));
        SyntheticClip.write(whole, SECONDS, List.of(4.0, 20.0), container);
        Path damaged = zeroed(whole, 0.4, 0.5);

        CurveAnalysis a = VideoCurveAnalyzer.DEFAULT.analyze(damaged);

        assertFalse(a.partial(), "it decodes to its end");
        assertEquals(1, a.damaged().size(), container + ": " + a.damaged() + ", " + a.frames() + " frames");
        Section span = a.damaged().get(0);
        assertTrue(span.start() > 0.3 * SECONDS && span.end() < 0.7 * SECONDS, span.toString());
        double missing = FRAMES - a.frames();
        assertTrue(missing > 0, "frames were skipped");
        assertEquals(missing / SyntheticClip.FPS, span.length(), 0.1 * missing / SyntheticClip.FPS + 0.05,
                "the span is as long as the frames that did not decode: " + a.frames() + " frames, " + span);
        assertEquals(List.of(4.0, 20.0), a.cuts(), "the cuts either side of the damage are still found; " + span);
        assertTrue(Json.write(a).contains("\"damaged\""));
    }

    @Test
    void wholeClipsHaveNoDamage() throws IOException {
        for (Container container : Container.values()) {
            Path clip = dir.resolve("whole-" + container + (container == Container.MKV ? ".mkv" : ".mp4"));
            SyntheticClip.write(clip, 3.0, List.of(1.0), container);

            CurveAnalysis a = VideoCurveAnalyzer.DEFAULT.analyze(clip);

            assertEquals(List.of(), a.damaged(), container.toString());
            assertFalse(Json.write(a).contains("damaged"), container.toString());
        }
    }

    /** Including goldeneye-vfr-drop3, whose dropped frames are the file's own timing, not damage. */
    @Test
    void sharedClipsHaveNoDamage() throws IOException {
        List<Path> clips;
        try (var files = Files.walk(SharedTestData.dir().resolve("video"))) {
            clips = files.filter(f -> f.toString().matches(".*\\.(mp4|webm|mkv|mov)$")).sorted().toList();
        }
        assertFalse(clips.isEmpty());
        for (Path clip : clips) {
            CurveAnalysis a = VideoCurveAnalyzer.DEFAULT.analyze(clip);
            assertEquals(List.of(), a.damaged(), clip + ": " + a.frames() + " frames");
        }
    }

    /** A copy of {@code whole} with the bytes from {@code from} to {@code to} (fractions of its size) zeroed. */
    private Path zeroed(Path whole, double from, double to) throws IOException {
        byte[] bytes = Files.readAllBytes(whole);
        Arrays.fill(bytes, (int) (bytes.length * from), (int) (bytes.length * to), (byte) 0);
        return Files.write(dir.resolve("damaged-" + whole.getFileName()), bytes);
    }
}
