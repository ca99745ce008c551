package org.v2mzero.models.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.protocol.BadInputException;

/** Decodes self-made clips (always) and checks the error messages of bad inputs. */
class VideoDecoderTest {
    @TempDir
    Path dir;

    static List<GreyFrame> decodeAll(Path file, int thumbWidth) throws IOException {
        List<GreyFrame> frames = new ArrayList<>();
        try (VideoDecoder decoder = VideoDecoder.open(file, thumbWidth)) {
            for (GreyFrame f = decoder.next(); f != null; f = decoder.next()) {
                frames.add(f);
            }
            assertNull(decoder.next(), "stays at the end");
        }
        return frames;
    }

    @Test
    void syntheticClipDecodesEveryFrameAtItsExactTime() throws IOException {
        Path clip = dir.resolve("clip.mp4");
        SyntheticClip.write(clip, 3.0, List.of(1.0));
        try (VideoDecoder decoder = VideoDecoder.open(clip)) {
            VideoInfo info = decoder.info();
            assertEquals(SyntheticClip.WIDTH, info.width());
            assertEquals(SyntheticClip.HEIGHT, info.height());
            assertEquals(0, info.rotationDegrees());
            assertEquals(SyntheticClip.FPS, info.nominalFps(), 1e-9);
            assertEquals("mpeg4", info.codec());
            assertEquals(3.0, info.durationSeconds(), 1.0 / SyntheticClip.FPS);
            assertEquals(64, decoder.thumbWidth());
            assertEquals(36, decoder.thumbHeight());
        }
        List<GreyFrame> frames = decodeAll(clip, 64);
        assertEquals(75, frames.size());
        for (int n = 0; n < frames.size(); n++) {
            GreyFrame f = frames.get(n);
            assertEquals(n / (double) SyntheticClip.FPS, f.timeSeconds(), 1e-6, "frame " + n);
            assertEquals(64 * 36, f.luma().length);
        }
    }

    @Test
    void thumbnailsAreGreyAverages() throws IOException {
        Path clip = dir.resolve("fade.mp4");
        // Frame 0 is the full scene; a fade of 0.08 s reaches black by frame 2.
        SyntheticClip.writeFadeThroughBlack(clip, 0.4, 0.0, 0.08, 1.0);
        List<GreyFrame> frames = decodeAll(clip, 16);
        float max = 0;
        for (float v : frames.get(3).luma()) {
            max = Math.max(max, v);
        }
        assertTrue(max < 20, "black frame max luma " + max);
        double mean = 0;
        for (float v : frames.get(0).luma()) {
            mean += v / frames.get(0).luma().length;
        }
        assertTrue(mean > 60 && mean < 220, "lit frame mean luma " + mean);
    }

    @Test
    void missingFile() {
        Path file = dir.resolve("nothere.mp4");
        assertBad(file, "no such file");
    }

    @Test
    void zeroByteFile() throws IOException {
        Path file = Files.createFile(dir.resolve("empty.mp4"));
        assertBad(file, "empty file");
    }

    @Test
    void randomBytesNamedMp4() throws IOException {
        byte[] noise = new byte[64 * 1024];
        new Random(7).nextBytes(noise);
        Path file = Files.write(dir.resolve("noise.mp4"), noise);
        assertBad(file, "not a video FFmpeg can read");
    }

    @Test
    void audioOnlyWav() throws IOException {
        AudioFormat format = new AudioFormat(48_000, 16, 1, true, false);
        byte[] pcm = new byte[48_000 * 2];
        Path file = dir.resolve("tone.wav");
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), format, 48_000)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
        assertBad(file, "has no video stream");
    }

    @Test
    void directory() {
        assertBad(dir, "not a regular file");
    }

    @Test
    void invalidThumbWidth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VideoDecoder.open(dir.resolve("x.mp4"), 1));
        assertEquals("thumbWidth : 1 (expected: >= 2)", e.getMessage());
    }

    private static void assertBad(Path file, String reason) {
        BadInputException e = assertThrows(BadInputException.class, () -> VideoDecoder.open(file).close());
        String message = e.getMessage();
        assertTrue(message.startsWith(file.toString() + ": "), message);
        assertTrue(message.contains(reason), message);
        assertFalse(message.contains("\n"), "one line: " + message);
    }
}
