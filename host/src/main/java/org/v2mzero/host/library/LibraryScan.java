package org.v2mzero.host.library;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.v2mzero.host.take.TakeWriter;
import org.v2mzero.protocol.BadInputException;
import org.v2mzero.protocol.Json;
import org.v2mzero.protocol.TakeManifest;

/**
 * Reads a take library's folder: which subfolders are published takes, and why the others are not.
 * Stateless; any thread.
 */
final class LibraryScan {
    private LibraryScan() {}

    /** A published take as indexed: its manifest and its parsed creation time (the list's order). */
    record Take(TakeManifest manifest, Instant createdAt) {}

    /** The takes found, and one line per folder skipped, sorted by folder name. */
    record Result(List<Take> takes, List<String> problems) {}

    /**
     * Every direct, non-hidden subfolder with a valid manifest is a take. Hidden entries (staging folders,
     * {@code .v2m-state}, temp files) and plain files are not looked at; a symbolic link is skipped and
     * reported, since {@code TakeStaging} only ever publishes real folders.
     */
    static Result scan(Path folder) throws IOException {
        List<Take> takes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                if (Files.isSymbolicLink(entry)) {
                    problems.add("take " + name + ": a symbolic link, not a folder of the library");
                } else if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    try {
                        takes.add(read(entry));
                    } catch (BadInputException e) {
                        problems.add("take " + name + ": " + e.getMessage());
                    }
                }
            }
        }
        problems.sort(null);
        return new Result(takes, problems);
    }

    /**
     * Reads and checks one take folder's manifest.
     *
     * @throws BadInputException with a message that does not repeat the folder, e.g.
     *         {@code manifest.json unreadable (...)}
     */
    static Take read(Path dir) throws BadInputException {
        Path file = dir.resolve(TakeWriter.MANIFEST);
        TakeManifest manifest;
        try {
            manifest = Json.read(file, TakeManifest.class);
        } catch (NoSuchFileException e) {
            throw new BadInputException("no " + TakeWriter.MANIFEST);
        } catch (IOException | RuntimeException e) {
            // RuntimeException too: one odd manifest must never stop the daemon from starting.
            String why = e instanceof IOException io ? reason(io) : e.toString();
            throw new BadInputException(TakeWriter.MANIFEST + " unreadable (" + why.replace(file + ": ", "") + ")", e);
        }
        String folderName = dir.getFileName().toString();
        if (!folderName.equals(manifest.takeId())) {
            throw new BadInputException(TakeWriter.MANIFEST + " names take " + manifest.takeId()
                    + " (expected: " + folderName + ", the folder's name)");
        }
        try {
            return new Take(manifest, Instant.parse(manifest.createdAt()));
        } catch (DateTimeParseException | NullPointerException e) {
            throw new BadInputException(TakeWriter.MANIFEST + " createdAt: " + manifest.createdAt()
                    + " (expected: an ISO-8601 instant)");
        }
    }

    /** The part of an I/O failure a user can act on, in a few words. */
    static String reason(IOException e) {
        if (e instanceof FileAlreadyExistsException) {
            return "a file, not a folder, is in the way";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return String.valueOf(e.getMessage()).replace('\n', ' ');
    }
}
