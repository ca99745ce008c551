package org.v2mzero.models.render;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.v2mzero.protocol.BadInputException;

/**
 * Reads back the PCM Broadcast WAV files {@link WavWriter} writes (and other 16/24-bit PCM WAVs):
 * format, {@code bext} description/originator/TimeReference when present, and the samples as floats.
 * Stateless; any thread. Loads the whole file into memory.
 */
public final class WavReader {
    /**
     * @param sampleRate    frames per second
     * @param bitsPerSample 16 or 24
     * @param timeReference the bext TimeReference in samples, or 0 without a bext chunk
     * @param description   the bext description, or empty
     * @param originator    the bext originator, or empty
     * @param samples       {@code [channel][frame]} in [-1, 1)
     */
    public record Wav(int sampleRate, int bitsPerSample, long timeReference, String description,
            String originator, float[][] samples) {}

    private WavReader() {}

    public static Wav read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (b.remaining() < 12 || !"RIFF".equals(fourCc(b)) || b.getInt() == 0 || !"WAVE".equals(fourCc(b))) {
            throw new BadInputException(file + ": not a WAV file (no RIFF WAVE header)");
        }
        int channels = 0;
        int rate = 0;
        int bits = 0;
        long timeRef = 0;
        String description = "";
        String originator = "";
        while (b.remaining() >= 8) {
            String id = fourCc(b);
            int size = b.getInt();
            if (size < 0 || size > b.remaining()) {
                throw new BadInputException(file + ": truncated WAV (chunk " + id + " runs past the end)");
            }
            ByteBuffer body = b.slice(b.position(), size).order(ByteOrder.LITTLE_ENDIAN);
            // Chunks are padded to even sizes; a writer that forgot the final pad byte is tolerated.
            b.position(Math.min(b.position() + size + (size & 1), b.limit()));
            switch (id) {
                case "fmt " -> {
                    if (body.getShort(0) != 1) {
                        throw new BadInputException(file + ": WAV format " + body.getShort(0) + " (expected: 1, PCM)");
                    }
                    channels = body.getShort(2);
                    rate = body.getInt(4);
                    bits = body.getShort(14);
                }
                case "bext" -> {
                    description = text(body, 0, WavWriter.DESCRIPTION_BYTES);
                    originator = text(body, 256, 32);
                    timeRef = (body.getInt(338) & 0xFFFF_FFFFL) | (long) body.getInt(342) << 32;
                }
                case "data" -> {
                    if (channels == 0 || (bits != 16 && bits != 24)) {
                        throw new BadInputException(file + ": WAV data before a 16/24-bit PCM fmt chunk");
                    }
                    return new Wav(rate, bits, timeRef, description, originator, samples(body, channels, bits));
                }
                default -> {
                    // Other chunks (LIST, iXML, ...) carry nothing stems need.
                }
            }
        }
        throw new BadInputException(file + ": WAV has no data chunk");
    }

    private static float[][] samples(ByteBuffer data, int channels, int bits) {
        int bytes = bits / 8;
        int frames = data.remaining() / (channels * bytes);
        float[][] out = new float[channels][frames];
        double scale = 1.0 / (1 << (bits - 1));
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < channels; c++) {
                int at = (i * channels + c) * bytes;
                int v = bits == 16 ? data.getShort(at)
                        : (data.get(at) & 0xff) | (data.get(at + 1) & 0xff) << 8 | data.get(at + 2) << 16;
                out[c][i] = (float) (v * scale);
            }
        }
        return out;
    }

    private static String text(ByteBuffer body, int offset, int length) {
        byte[] bytes = new byte[length];
        body.get(offset, bytes);
        int end = 0;
        while (end < length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.US_ASCII);
    }

    private static String fourCc(ByteBuffer b) {
        byte[] id = new byte[4];
        b.get(id);
        return new String(id, StandardCharsets.US_ASCII);
    }
}
