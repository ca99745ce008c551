package org.v2mzero.protocol;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that a reader (a DAW, the daemon, a user) sees either the old state or the whole new
 * file, never a half-written one: the bytes go to a hidden temporary file in the same folder, which is
 * then renamed over the target. A crash leaves at most a {@code .v2m-tmp-*} file behind.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** What writes the file's content. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void write(Path target, byte[] content) throws IOException {
        write(target, out -> out.write(content));
    }

    /** Writes through {@code writer} into a temporary sibling of {@code target}, then renames it. */
    public static void write(Path target, Writer writer) throws IOException {
        Path tmp = temporarySibling(target);
        try {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW)) {
                writer.writeTo(out);
            }
            moveIntoPlace(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * A fresh hidden name beside {@code target}. Not {@code Files.createTempFile}: that makes the file
     * private (0600), and a take's files must get the user's usual permissions (umask) like any other.
     */
    public static Path temporarySibling(Path target) {
        String random = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
        return target.toAbsolutePath().resolveSibling(".v2m-tmp-" + random + "-" + target.getFileName());
    }

    /** Renames {@code source} to {@code target} atomically, replacing a file already there. */
    public static void moveIntoPlace(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException(target + ": file system cannot rename atomically (" + e.getMessage() + ")", e);
        }
    }
}
