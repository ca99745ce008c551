package org.v2mzero.models.video;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.v2mzero.protocol.BadInputException;

/**
 * Checks shared by the video and audio decoders, done before FFmpeg sees a file, so the common
 * mistakes get a plain reason instead of an FFmpeg error code. Pure; any thread.
 */
public final class MediaFiles {
    private MediaFiles() {}

    /**
     * @param noun what the file should be, for the message, e.g. {@code "a video"} or {@code "audio"}
     * @throws BadInputException naming the file when it is missing, not a regular file, unreadable or empty
     */
    public static void requireNonEmptyFile(Path file, String noun) throws BadInputException {
        if (!Files.exists(file)) {
            throw new BadInputException(file + ": no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw new BadInputException(file + ": not readable (permission denied)");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        if (size == 0) {
            throw new BadInputException(file + ": empty file (0 bytes), not " + noun);
        }
    }

    /** The first line of a throwable's message (JavaCV's run on), or its class name when it has none. */
    public static String firstLine(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
