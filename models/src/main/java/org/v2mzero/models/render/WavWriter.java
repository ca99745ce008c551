package org.v2mzero.models.render;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.v2mzero.protocol.AtomicFiles;

/**
 * Writes stems as 24-bit PCM Broadcast WAV: {@code fmt }, then a {@code bext} chunk whose TimeReference
 * (samples since the timeline's zero) lets a DAW's "move to original position" place the file, then
 * {@code data}. Samples are clamped to [-1, 1] and rounded (no dither). The origination date and time
 * are left blank on purpose, so the same take always gives the same bytes.
 *
 * <p>Writes are atomic (temp file + rename). Stateless; any thread.
 */
public final class WavWriter {
    /** Bits per sample of every stem (DESIGN.md §5). */
    public static final int BITS = 24;
    /** The BWF originator field. */
    public static final String ORIGINATOR = "v2m";
    static final int BEXT_SIZE = 602;
    static final int DESCRIPTION_BYTES = 256;
    private static final int BYTES = BITS / 8;
    private static final int MAX_24 = (1 << 23) - 1;
    /**
     * Full scale is 2^23, as {@link WavReader} and every PCM reader decode it, so a file read and written
     * again keeps every sample (a regenerated take copies its parent's audio before the range this way).
     */
    private static final double FULL_SCALE = 1 << 23;

    private WavWriter() {}

    /**
     * @param file                  the WAV to create or replace
     * @param samples               {@code [channel][frame]}, every channel the same length
     * @param sampleRate            frames per second (48000 for takes)
     * @param timeReferenceSamples  the file's start on the DAW timeline, in samples at {@code sampleRate}
     * @param description           BWF description, ASCII, at most 256 characters (longer is cut)
     */
    public static void write(Path file, float[][] samples, int sampleRate, long timeReferenceSamples,
            String description) throws IOException {
        validate(samples, sampleRate, timeReferenceSamples);
        int channels = samples.length;
        long dataBytes = (long) samples[0].length * channels * BYTES;
        long riffSize = 4 + (8 + 16) + (8 + BEXT_SIZE) + (8 + dataBytes + (dataBytes & 1));
        if (riffSize > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("samples : " + samples[0].length + " frames (expected: < 4 GiB of WAV)");
        }
        AtomicFiles.write(file, raw -> {
            OutputStream out = new BufferedOutputStream(raw, 1 << 16);
            out.write(header(riffSize, channels, sampleRate));
            out.write(bext(timeReferenceSamples, description));
            writeData(out, samples, dataBytes);
            out.flush();
        });
    }

    private static void validate(float[][] samples, int sampleRate, long timeReferenceSamples) {
        if (samples == null || samples.length < 1 || samples.length > 8) {
            throw new IllegalArgumentException("samples : " + (samples == null ? "null" : samples.length + " channels")
                    + " (expected: 1..8 channels)");
        }
        for (int c = 1; c < samples.length; c++) {
            if (samples[c].length != samples[0].length) {
                throw new IllegalArgumentException("samples[" + c + "] : " + samples[c].length
                        + " frames (expected: " + samples[0].length + ", like channel 0)");
            }
        }
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sampleRate : " + sampleRate + " (expected: > 0)");
        }
        if (timeReferenceSamples < 0) {
            throw new IllegalArgumentException("timeReferenceSamples : " + timeReferenceSamples + " (expected: >= 0)");
        }
    }

    private static byte[] header(long riffSize, int channels, int sampleRate) {
        ByteBuffer b = ByteBuffer.allocate(12 + 8 + 16).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt((int) riffSize).put(ascii("WAVE"));
        b.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) channels).putInt(sampleRate)
                .putInt(sampleRate * channels * BYTES).putShort((short) (channels * BYTES)).putShort((short) BITS);
        return b.array();
    }

    /** EBU Tech 3285 version 1 {@code bext}: fixed 602 bytes, no coding history. */
    private static byte[] bext(long timeReference, String description) {
        ByteBuffer b = ByteBuffer.allocate(8 + BEXT_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("bext")).putInt(BEXT_SIZE);
        b.put(fixed(description == null ? "" : description, DESCRIPTION_BYTES));
        b.put(fixed(ORIGINATOR, 32));
        b.put(fixed("", 32 + 10 + 8));
        b.putInt((int) timeReference).putInt((int) (timeReference >>> 32));
        b.putShort((short) 1);
        return b.array();
    }

    private static void writeData(OutputStream out, float[][] samples, long dataBytes) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        out.write(head.put(ascii("data")).putInt((int) dataBytes).array());
        int channels = samples.length;
        byte[] frame = new byte[channels * BYTES];
        for (int i = 0; i < samples[0].length; i++) {
            for (int c = 0; c < channels; c++) {
                int v = toInt24(samples[c][i]);
                frame[c * 3] = (byte) v;
                frame[c * 3 + 1] = (byte) (v >> 8);
                frame[c * 3 + 2] = (byte) (v >> 16);
            }
            out.write(frame);
        }
        if ((dataBytes & 1) != 0) {
            out.write(0);
        }
    }

    /** Clamped and rounded to the 24-bit grid; NaN becomes silence rather than full scale. */
    static int toInt24(float sample) {
        if (Float.isNaN(sample)) {
            return 0;
        }
        double clamped = Math.max(-1.0, Math.min(1.0, sample));
        return (int) Math.max(-MAX_24 - 1, Math.min(MAX_24, Math.round(clamped * FULL_SCALE)));
    }

    private static byte[] fixed(String text, int length) {
        byte[] bytes = new byte[length];
        byte[] src = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(src, 0, bytes, 0, Math.min(src.length, length));
        return bytes;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
