package org.v2mzero.host.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.models.video.SyntheticClip;
import org.v2mzero.protocol.testing.SharedTestData;

/** The benchmark's bookkeeping, not its speed: speed is never asserted in a test. */
class CurveBenchmarkTest {
    @TempDir
    Path dir;

    @Test
    void measuresTheAnalysisAndFfmpegOnTheSameFile() throws Exception {
        SharedTestData.tool("ffmpeg");
        Path clip = dir.resolve("clip.mp4");
        SyntheticClip.write(clip, 2.0, List.of(1.0));

        CurveBenchmark.Result r = CurveBenchmark.run(clip, 1);

        assertEquals(SyntheticClip.FPS * 2, r.frames());
        assertEquals(2.0, r.durationSeconds(), 0.05);
        assertTrue(r.analysisSeconds() > 0 && r.ffmpegSeconds().getAsDouble() > 0);
        assertEquals(r.ffmpegSeconds().getAsDouble() / r.analysisSeconds(), r.ratioToFfmpeg().getAsDouble(), 1e-12);
        assertTrue(r.report().contains("ratio"), r.report());
    }
}
