package org.v2mzero.bridge.ardour;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the mono 32-bit float WAVE files Ardour records into (its default native format). */
final class FloatWav {
    private FloatWav() {}

    static float[] read(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.getInt(0) != 0x46464952 || bytes.getInt(8) != 0x45564157) {
            throw new IOException(file + " : not RIFF/WAVE");
        }
        int at = 12;
        boolean floatMono = false;
        while (at + 8 <= bytes.limit()) {
            int id = bytes.getInt(at);
            int size = bytes.getInt(at + 4);
            if (id == 0x20746d66) { // "fmt "
                floatMono = bytes.getShort(at + 8) == 3 && bytes.getShort(at + 10) == 1
                        && bytes.getShort(at + 22) == 32;
            } else if (id == 0x61746164) { // "data"
                if (!floatMono) {
                    throw new IOException(file + " : not mono 32-bit float (expected: Ardour's FormatFloat WAVE)");
                }
                float[] samples = new float[Math.min(size, bytes.limit() - at - 8) / 4];
                bytes.position(at + 8);
                bytes.asFloatBuffer().get(samples);
                return samples;
            }
            at += 8 + size + (size & 1);
        }
        throw new IOException(file + " : no data chunk");
    }
}
