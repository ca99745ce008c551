package org.v2mzero.models.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavWriterTest {
    private static final double LSB = 1.0 / (1 << 23);

    @TempDir
    Path dir;

    @Test
    void roundTripKeepsFormatTimeReferenceAndSamples() throws Exception {
        float[][] stereo = sine(4801);
        stereo[1][7] = 1.5f;
        stereo[0][9] = -2f;
        long timeRef = 5_000_000_000L; // past 2^32 samples: the high word must be written too
        Path file = dir.resolve("drums.wav");

        WavWriter.write(file, stereo, 48_000, timeRef, "drums, take 3");
        WavReader.Wav wav = WavReader.read(file);

        assertEquals(48_000, wav.sampleRate());
        assertEquals(24, wav.bitsPerSample());
        assertEquals(timeRef, wav.timeReference());
        assertEquals("drums, take 3", wav.description());
        assertEquals("v2m", wav.originator());
        assertEquals(2, wav.samples().length);
        assertEquals(4801, wav.samples()[0].length);
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < 4801; i++) {
                double expected = Math.max(-1, Math.min(1, stereo[c][i]));
                assertEquals(expected, wav.samples()[c][i], LSB, "channel " + c + " frame " + i);
            }
        }
        // 12 RIFF + 24 fmt + 610 bext + 8 data head + 4801 * 6 bytes, padded to even
        assertEquals(12 + 24 + 610 + 8 + 28_806, Files.size(file));
    }

    @Test
    void javaSoundReadsTheFile() throws Exception {
        Path file = dir.resolve("mix.wav");
        WavWriter.write(file, sine(1000), 48_000, 96_000, "mix");
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            AudioFormat f = in.getFormat();
            assertEquals(AudioFormat.Encoding.PCM_SIGNED, f.getEncoding());
            assertEquals(48_000f, f.getSampleRate());
            assertEquals(24, f.getSampleSizeInBits());
            assertEquals(2, f.getChannels());
            assertEquals(1000, in.getFrameLength());
            assertEquals(6000, in.readAllBytes().length);
        }
    }

    @Test
    void leavesNoTempFileAndReplacesAtomically() throws Exception {
        Path file = dir.resolve("bass.wav");
        WavWriter.write(file, sine(100), 48_000, 0, "first");
        WavWriter.write(file, sine(200), 48_000, 0, "second");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
        assertEquals("second", WavReader.read(file).description());
    }

    @Test
    void refusesChannelsOfUnequalLength() {
        float[][] ragged = {new float[10], new float[9]};
        var e = assertThrows(IllegalArgumentException.class,
                () -> WavWriter.write(dir.resolve("x.wav"), ragged, 48_000, 0, ""));
        assertEquals("samples[1] : 9 frames (expected: 10, like channel 0)", e.getMessage());
    }

    /** A take regenerated from a parent copies the parent's audio before the range through this round trip. */
    @Test
    void aFileReadAndWrittenAgainIsTheSameFile() throws Exception {
        float[][] loud = sine(4800);
        loud[0][0] = 1f; // full scale clamps to the top code
        loud[0][1] = -1f;
        loud[1][2] = 0.99999994f;
        Path first = dir.resolve("first.wav");
        Path second = dir.resolve("second.wav");
        WavWriter.write(first, loud, 48_000, 0, "same");

        WavWriter.write(second, WavReader.read(first).samples(), 48_000, 0, "same");

        assertEquals(-1, Files.mismatch(first, second), "every 24-bit code survives decode and encode");
    }

    private static float[][] sine(int frames) {
        float[][] s = new float[2][frames];
        for (int i = 0; i < frames; i++) {
            s[0][i] = (float) (0.8 * Math.sin(2 * Math.PI * 440 * i / 48_000.0));
            s[1][i] = (float) (0.5 * Math.cos(2 * Math.PI * 220 * i / 48_000.0));
        }
        return s;
    }
}
