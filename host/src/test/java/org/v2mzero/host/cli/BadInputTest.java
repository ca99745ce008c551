package org.v2mzero.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.models.video.SyntheticClip;

/**
 * Bad input gets one clear line naming the file and the reason, a non-zero exit, and leaves no take
 * (not even a half one) behind.
 */
class BadInputTest {
    @TempDir
    Path dir;

    @Test
    void missingFile() {
        assertRejected(dir.resolve("nope.mp4"), "nope.mp4");
    }

    @Test
    void zeroByteFile() throws IOException {
        assertRejected(Files.createFile(dir.resolve("empty.mp4")), "empty.mp4");
    }

    @Test
    void randomBytesNamedMp4() throws IOException {
        byte[] noise = new byte[64 * 1024];
        new Random(7).nextBytes(noise);
        assertRejected(Files.write(dir.resolve("noise.mp4"), noise), "noise.mp4");
    }

    @Test
    void audioOnlyFile() throws IOException {
        Path wav = dir.resolve("tone.wav");
        AudioFormat format = new AudioFormat(48000, 16, 1, true, false);
        byte[] pcm = new byte[48000 * 2];
        for (int i = 0; i < 48000; i++) {
            short s = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / 48000.0));
            pcm[2 * i] = (byte) s;
            pcm[2 * i + 1] = (byte) (s >> 8);
        }
        AudioSystem.write(new AudioInputStream(new java.io.ByteArrayInputStream(pcm), format, 48000),
                AudioFileFormat.Type.WAVE, wav.toFile());
        assertRejected(wav, "tone.wav");
    }

    @Test
    void unwritableOutputFolder() throws IOException {
        Path video = dir.resolve("ok.mp4");
        SyntheticClip.write(video, 2.0, List.of(1.0));
        Path blocker = Files.writeString(dir.resolve("blocker"), "a file where a folder should be");
        Path out = blocker.resolve("takes");

        CliRun run = CliRun.of("score", video.toString(), "--out", out.toString());

        assertEquals(1, run.exitCode(), run.toString());
        assertEquals(1, run.messages().size(), run.toString());
        assertTrue(run.messages().get(0).contains(out.toString()), run.toString());
        assertTrue(Files.isRegularFile(blocker), "the file in the way is untouched");
    }

    @Test
    void benchRenderOfAFolderThatIsNoTake() {
        CliRun run = CliRun.of("bench", "render", dir.toString(), "--runs", "1");
        assertEquals(1, run.exitCode(), run.toString());
        assertEquals(1, run.messages().size(), run.toString());
        assertTrue(run.messages().get(0).contains(dir + ": no score.mid"), run.toString());
    }

    private void assertRejected(Path video, String name) {
        Path out = dir.resolve("takes");

        CliRun run = CliRun.of("score", video.toString(), "--out", out.toString());

        assertEquals(1, run.exitCode(), run.toString());
        List<String> messages = run.messages();
        assertEquals(1, messages.size(), "one line: " + run);
        assertTrue(messages.get(0).contains(name), "names the file: " + messages);
        assertTrue(messages.get(0).length() > ("v2m: " + video).length() + 5, "says why: " + messages);
        assertTrue(!run.err().contains("Exception") && !run.err().contains("\tat "), "no stack trace: " + run);
        assertEquals(List.of(), takesIn(out), "no take, not even a half one");
    }

    private static List<Path> takesIn(Path out) {
        if (!Files.exists(out)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(out)) {
            return s.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
