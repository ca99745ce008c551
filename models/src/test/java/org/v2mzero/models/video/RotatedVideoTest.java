package org.v2mzero.models.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.protocol.testing.SharedTestData;

/**
 * A clip tagged with a display rotation (made by the ffmpeg CLI from a self-made clip) decodes to
 * upright thumbnails: the same picture the ffmpeg CLI shows after its own auto-rotation.
 */
class RotatedVideoTest {
    @TempDir
    Path dir;

    @Test
    void rotatedClipComesOutUpright() throws Exception {
        String ffmpeg = SharedTestData.tool("ffmpeg").toString();
        Path plain = dir.resolve("plain.mp4");
        SyntheticClip.write(plain, 0.4, List.of());
        Path rotated = dir.resolve("rotated.mp4");
        SharedTestData.run(ffmpeg, "-v", "error", "-i", plain.toString(), "-c", "copy",
                "-metadata:s:v:0", "rotate=90", rotated.toString());
        Path reference = dir.resolve("upright.gray");
        SharedTestData.run(ffmpeg, "-v", "error", "-i", rotated.toString(), "-frames:v", "1",
                "-vf", "scale=36:64:flags=area", "-pix_fmt", "gray", "-f", "rawvideo", reference.toString());
        byte[] expected = Files.readAllBytes(reference);

        GreyFrame first;
        try (VideoDecoder decoder = VideoDecoder.open(rotated, 36)) {
            assertEquals(SyntheticClip.WIDTH, decoder.info().width(), "coded width is reported");
            // This ffmpeg CLI (5.1) turns "rotate=90" into a display matrix of +90 degrees
            // counter-clockwise (ffprobe prints rotation=90): 270 clockwise. The pixel comparison
            // with ffmpeg's own auto-rotation below is the authority on the direction.
            assertEquals(270, decoder.info().rotationDegrees());
            first = decoder.next();
        }
        assertEquals(36, first.width());
        assertEquals(64, first.height());
        assertEquals(expected.length, first.luma().length);
        double same = meanAbsDiff(expected, first.luma());
        double flipped = meanAbsDiff(expected, Rotation.rotate(first.luma(), 36, 64, 180));
        assertTrue(same < 8, "mean |diff| to ffmpeg's upright frame: " + same);
        assertTrue(flipped > 3 * same, "upside down would differ more: " + flipped + " vs " + same);
    }

    private static double meanAbsDiff(byte[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs((a[i] & 0xFF) - b[i]);
        }
        return sum / a.length;
    }
}
