package org.v2mzero.models.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.v2mzero.protocol.testing.SharedTestData;

/** Frame timing on the shared real clips, checked against their documentation and against ffprobe. */
class SharedVideoDecodingTest {
    @Test
    void counterFrameNIsAtNMinusOneTenths() throws IOException {
        // counter_description.txt: 30 frames, frame #1 at 0 s, 10 fps.
        List<GreyFrame> frames = VideoDecoderTest.decodeAll(
                SharedTestData.file("video/pyscenedetect/counter.mp4"), 64);
        assertEquals(30, frames.size());
        for (int i = 0; i < 30; i++) {
            assertEquals(i * 0.1, frames.get(i).timeSeconds(), 1e-6, "frame #" + (i + 1));
        }
    }

    @Test
    void variableFrameRateTimesEqualFfprobePts() throws Exception {
        Path clip = SharedTestData.file("video/pyscenedetect/goldeneye-vfr-drop3.mp4");
        String csv = SharedTestData.run(SharedTestData.tool("ffprobe").toString(), "-v", "error",
                "-select_streams", "v:0", "-show_entries", "frame=pts_time", "-of", "csv=p=0", clip.toString());
        double[] expected = csv.lines().map(String::strip).filter(s -> !s.isEmpty())
                .mapToDouble(s -> Double.parseDouble(s.replace(",", ""))).toArray();
        List<GreyFrame> frames = VideoDecoderTest.decodeAll(clip, 64);
        assertEquals(expected.length, frames.size());
        boolean uneven = false;
        for (int i = 0; i < expected.length; i++) {
            double t = frames.get(i).timeSeconds();
            assertEquals(expected[i], t, 1e-3, "frame " + i);
            if (i > 0) {
                assertTrue(t > frames.get(i - 1).timeSeconds(), "strictly increasing at frame " + i);
            }
            if (i > 1) {
                double gap = t - frames.get(i - 1).timeSeconds();
                double previousGap = frames.get(i - 1).timeSeconds() - frames.get(i - 2).timeSeconds();
                uneven |= Math.abs(gap - previousGap) > 0.01;
            }
        }
        assertTrue(uneven, "the clip really is variable-rate (dropped frames leave longer gaps)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pyscenedetect/counter.mp4", "pyscenedetect/goldeneye-vfr-drop3.mp4",
        "pyscenedetect/testvideo.mp4", "pyscenedetect/fades.mp4", "bigbuckbunny/big_buck_bunny_0_30.webm"})
    void durationIsTheContainersWithinOneFrame(String name) throws Exception {
        Path clip = SharedTestData.file("video/" + name);
        String out = SharedTestData.run(SharedTestData.tool("ffprobe").toString(), "-v", "error",
                "-show_entries", "format=duration", "-of", "csv=p=0", clip.toString());
        double expected = Double.parseDouble(out.strip());
        try (VideoDecoder decoder = VideoDecoder.open(clip)) {
            VideoInfo info = decoder.info();
            assertEquals(expected, info.durationSeconds(), 1 / info.nominalFps(), name);
        }
    }
}
