package org.v2mzero.models.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.protocol.testing.SharedTestData;

/** {@link VideoDecoder#openPictures}: exact-size grey or RGB pictures, for an image encoder. */
class VideoDecoderPicturesTest {
    @TempDir
    Path dir;

    @Test
    void greyPicturesAreTheThumbnails() throws IOException {
        Path clip = dir.resolve("clip.mp4");
        SyntheticClip.write(clip, 1.0, List.of(0.5));
        assertSameAsThumbnails(clip, 64, 36);
    }

    @Test
    void rotatedGreyPicturesAreTheUprightThumbnails() throws Exception {
        Path plain = dir.resolve("plain.mp4");
        SyntheticClip.write(plain, 0.4, List.of());
        Path rotated = dir.resolve("rotated.mp4");
        SharedTestData.run(SharedTestData.tool("ffmpeg").toString(), "-v", "error", "-i", plain.toString(),
                "-c", "copy", "-metadata:s:v:0", "rotate=90", rotated.toString());
        assertSameAsThumbnails(rotated, 36, 64);
    }

    @Test
    void rgbPicturesAreTheDrawnColoursInThatOrder() throws IOException {
        Path clip = dir.resolve("clip.mp4");
        SyntheticClip.write(clip, 0.4, List.of());
        int w = SyntheticClip.WIDTH / 10;
        int h = SyntheticClip.HEIGHT / 10;
        List<Picture> pictures = new ArrayList<>();
        try (VideoDecoder decoder = VideoDecoder.openPictures(clip, w, h, 3)) {
            assertThrows(IllegalStateException.class, decoder::next, "RGB pictures have no grey frames");
            for (Picture p = decoder.nextPicture(); p != null; p = decoder.nextPicture()) {
                pictures.add(p);
            }
            assertNull(decoder.nextPicture(), "stays at the end");
        }
        assertEquals(10, pictures.size());
        for (int n = 0; n < pictures.size(); n++) {
            assertEquals(n / (double) SyntheticClip.FPS, pictures.get(n).timeSeconds(), 1e-6, "frame " + n);
        }
        Picture first = pictures.get(0);
        assertEquals(w, first.width());
        assertEquals(h, first.height());
        assertEquals(3, first.channels());
        // The frame as drawn, averaged over the 10 x 10 blocks the scaler shrinks into one pixel.
        byte[] bgr = new byte[SyntheticClip.WIDTH * SyntheticClip.HEIGHT * 3];
        new ScenePainter(SyntheticClip.WIDTH, SyntheticClip.HEIGHT).paint(0, 0, 1.0, bgr);
        double same = 0;
        double swapped = 0;
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double v = first.planes()[c][y * w + x];
                    same += Math.abs(v - blockMean(bgr, x, y, 2 - c)) / (3.0 * w * h);
                    swapped += Math.abs(v - blockMean(bgr, x, y, c)) / (3.0 * w * h);
                }
            }
        }
        assertTrue(same < 8, "mean |decoded - drawn| " + same);
        assertTrue(swapped > 3 * same, "red and blue swapped would differ more: " + swapped + " vs " + same);
    }

    @Test
    void sizesAndChannelsAreChecked() {
        Path clip = dir.resolve("any.mp4");
        assertThrows(IllegalArgumentException.class, () -> VideoDecoder.openPictures(clip, 32, 32, 2));
        assertThrows(IllegalArgumentException.class, () -> VideoDecoder.openPictures(clip, 0, 32, 3));
    }

    private static void assertSameAsThumbnails(Path clip, int width, int height) throws IOException {
        try (VideoDecoder thumbs = VideoDecoder.open(clip, width);
                VideoDecoder pictures = VideoDecoder.openPictures(clip, width, height, 1)) {
            assertEquals(height, thumbs.thumbHeight(), "the display aspect gives this height");
            int n = 0;
            for (GreyFrame t = thumbs.next(); t != null; t = thumbs.next(), n++) {
                Picture p = pictures.nextPicture();
                assertEquals(t.timeSeconds(), p.timeSeconds(), 0.0, "frame " + n);
                assertEquals(t.width(), p.width());
                assertEquals(t.height(), p.height());
                assertArrayEquals(t.luma(), p.planes()[0], 0f, "frame " + n);
            }
            assertNull(pictures.nextPicture(), "as many pictures as thumbnails");
            assertTrue(n > 5, "frames: " + n);
        }
    }

    /** Mean of one BGR byte channel over the 10 x 10 block of output pixel (x, y). */
    private static double blockMean(byte[] bgr, int x, int y, int channel) {
        double sum = 0;
        for (int dy = 0; dy < 10; dy++) {
            for (int dx = 0; dx < 10; dx++) {
                sum += bgr[3 * ((y * 10 + dy) * SyntheticClip.WIDTH + x * 10 + dx) + channel] & 0xFF;
            }
        }
        return sum / 100;
    }
}
