package org.v2mzero.models.render;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.v2mzero.protocol.BadInputException;

/**
 * The identity of a SoundFont file, read from its RIFF header without loading the samples:
 * {@code "RIFF" size "sfbk"}, then {@code LIST INFO} with the {@code ifil} version and {@code INAM} name.
 *
 * <p>Java's synthesizer loads SF3 (compressed) soundfonts without complaint and renders them as noise,
 * so {@link #read} refuses them; that check is the main reason this class exists.
 *
 * @param major ifil major version (2 for SF2)
 * @param minor ifil minor version (e.g. 1 for "2.01")
 * @param name  the bank's INAM name, or the empty string when it has none
 */
public record Sf2Header(int major, int minor, String name) {
    /** INFO sub-chunks are short texts; anything larger means the file is not what it claims. */
    static final int MAX_INFO_CHUNK = 1 << 16;

    /** The version as the manifest records it, e.g. {@code 2.1}. */
    public String version() {
        return major + "." + minor;
    }

    /**
     * Reads and checks the header of a soundfont file. Any thread.
     *
     * @throws BadInputException one line naming the file: missing, not a soundfont, truncated, or SF3
     */
    public static Sf2Header read(Path file) throws BadInputException {
        try (InputStream in = Files.newInputStream(file)) {
            Sf2Header header = parse(in, file);
            if (header.major() >= 3) {
                throw new BadInputException(file + " is an SF3 (compressed) soundfont (version "
                        + header.version() + "); Java's synthesizer renders it as noise: use an SF2 such as"
                        + " fluid-soundfont-gm");
            }
            if (header.major() != 2) {
                throw new BadInputException(file + ": unsupported soundfont version " + header.version()
                        + " (expected: 2.x)");
            }
            return header;
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": soundfont not found");
        } catch (EOFException e) {
            throw new BadInputException(file + ": truncated soundfont (file ends inside its header)");
        } catch (BadInputException e) {
            throw e;
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read soundfont (" + e.getMessage() + ")", e);
        }
    }

    private static Sf2Header parse(InputStream in, Path file) throws IOException {
        if (!"RIFF".equals(fourCc(in))) {
            throw new BadInputException(file + ": not a soundfont (no RIFF header)");
        }
        readU32(in);
        if (!"sfbk".equals(fourCc(in))) {
            throw new BadInputException(file + ": not a soundfont (RIFF form is not sfbk)");
        }
        if (!"LIST".equals(fourCc(in))) {
            throw new BadInputException(file + ": not a soundfont (no INFO list after sfbk)");
        }
        long listSize = readU32(in);
        if (!"INFO".equals(fourCc(in))) {
            throw new BadInputException(file + ": not a soundfont (first list is not INFO)");
        }
        return readInfo(in, listSize - 4, file);
    }

    /** Walks the INFO sub-chunks; {@code ifil} is mandatory, {@code INAM} optional. */
    private static Sf2Header readInfo(InputStream in, long remaining, Path file) throws IOException {
        int major = -1;
        int minor = -1;
        String name = "";
        while (remaining >= 8) {
            String id = fourCc(in);
            long size = readU32(in);
            long padded = size + (size & 1);
            if (padded > MAX_INFO_CHUNK) {
                throw new BadInputException(file + ": not a soundfont (INFO chunk " + id + " of " + size
                        + " bytes; expected: <= " + MAX_INFO_CHUNK + ")");
            }
            byte[] body = readFully(in, (int) padded);
            if ("ifil".equals(id) && size >= 4) {
                major = (body[0] & 0xff) | (body[1] & 0xff) << 8;
                minor = (body[2] & 0xff) | (body[3] & 0xff) << 8;
            } else if ("INAM".equals(id)) {
                name = zeroTerminated(body, (int) size);
            }
            remaining -= 8 + padded;
        }
        if (major < 0) {
            throw new BadInputException(file + ": not a soundfont (INFO list has no ifil version)");
        }
        return new Sf2Header(major, minor, name);
    }

    private static String zeroTerminated(byte[] bytes, int length) {
        int end = 0;
        while (end < length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.US_ASCII).trim();
    }

    private static String fourCc(InputStream in) throws IOException {
        return new String(readFully(in, 4), StandardCharsets.US_ASCII);
    }

    private static long readU32(InputStream in) throws IOException {
        byte[] b = readFully(in, 4);
        return (b[0] & 0xffL) | (b[1] & 0xffL) << 8 | (b[2] & 0xffL) << 16 | (b[3] & 0xffL) << 24;
    }

    private static byte[] readFully(InputStream in, int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw new EOFException();
        }
        return b;
    }
}
