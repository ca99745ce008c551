package org.v2mzero.host.testing;

import java.io.IOException;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/** Reads a take's WAV back through Java Sound (as any other program would) and measures it. */
public final class WavLevels {
    private WavLevels() {}

    /** @param format as Java Sound reads it; @param rmsDbfs RMS level over all samples */
    public record Levels(AudioFormat format, long frames, double rmsDbfs) {}

    public static Levels of(Path wav) throws IOException, UnsupportedAudioFileException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            AudioFormat f = in.getFormat();
            byte[] bytes = in.readAllBytes();
            int width = f.getSampleSizeInBits() / 8;
            double sum = 0;
            long n = bytes.length / width;
            for (int i = 0; i + width <= bytes.length; i += width) {
                // little-endian signed PCM, most significant byte last
                int v = bytes[i + width - 1];
                for (int b = width - 2; b >= 0; b--) {
                    v = (v << 8) | (bytes[i + b] & 0xff);
                }
                double x = v / Math.pow(2, f.getSampleSizeInBits() - 1);
                sum += x * x;
            }
            double rms = Math.sqrt(sum / Math.max(1, n));
            return new Levels(f, bytes.length / f.getFrameSize(), 20 * Math.log10(Math.max(rms, 1e-12)));
        }
    }
}
