package org.v2mzero.host.take;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.v2mzero.protocol.BadInputException;

/**
 * A take being written. Its files go into a hidden staging folder inside the take library; only
 * {@link #publish()} makes the take visible, by renaming the whole folder in one step. Closing an
 * unpublished staging deletes it, so a failed job leaves nothing behind (DESIGN.md §5). A job passes
 * its write failures through {@link #explain} so that a full disk reaches the user as one clear line.
 *
 * <p>One thread at a time.
 */
public final class TakeStaging implements AutoCloseable {
    private static final String STAGING_PREFIX = ".v2m-staging-";
    /** strerror(ENOSPC), as the JDK words it in file-system and stream exceptions. */
    private static final String ENOSPC = "No space left on device";

    private final Path library;
    private final String takeId;
    private final Path dir;
    private boolean published;

    private TakeStaging(Path library, String takeId, Path dir) {
        this.library = library;
        this.takeId = takeId;
        this.dir = dir;
    }

    /**
     * Opens a staging folder for a take named {@code takeId} (or {@code takeId-2}, {@code -3}, ... when
     * that name is taken) in {@code library}, creating the library folder if needed.
     *
     * @throws BadInputException when the library folder cannot be created or written
     */
    public static TakeStaging open(Path library, String takeId) throws BadInputException {
        Path lib = library.toAbsolutePath().normalize();
        try {
            Files.createDirectories(lib);
            // Not createTempDirectory: its 0700 would make the published take private to this user.
            Path dir = Files.createDirectory(lib.resolve(STAGING_PREFIX
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)));
            return new TakeStaging(lib, uniqueId(lib, takeId), dir);
        } catch (IOException | UnsupportedOperationException e) {
            throw new BadInputException(library + ": cannot write takes there (" + describe(e) + ")", e);
        }
    }

    /** The id the take will have once published (its folder name). */
    public String takeId() {
        return takeId;
    }

    /** Where the take's files are written before publishing. */
    public Path dir() {
        return dir;
    }

    /** Renames the staging folder to {@code library/takeId} and returns that folder. */
    public Path publish() throws IOException {
        Path target = library.resolve(takeId);
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString(), null, "a take with this id already exists");
        }
        Files.move(dir, target, StandardCopyOption.ATOMIC_MOVE);
        published = true;
        return target;
    }

    /**
     * What a failure while writing this take should tell the user: a full file system (ENOSPC) becomes one
     * line naming the library and the take; any other failure is returned as is. Close the staging
     * afterwards as usual, which frees the space the half take held.
     */
    public IOException explain(IOException e) {
        if (!isDiskFull(e)) {
            return e;
        }
        String line = library + ": disk full while writing take " + takeId + " (" + ENOSPC + ")";
        return line.equals(e.getMessage()) ? e : new BadInputException(line, e);
    }

    /**
     * Whether {@code e} or one of its causes is the file system running out of space (ENOSPC). Streams
     * throw a plain {@code IOException} with strerror as message; file operations a
     * {@code FileSystemException} with it as reason.
     */
    public static boolean isDiskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String text = t instanceof FileSystemException fse ? fse.getReason() : t.getMessage();
            if (text != null && text.contains(ENOSPC)) {
                return true;
            }
        }
        return false;
    }

    /** Deletes the staging folder unless the take was published. */
    @Override
    public void close() throws IOException {
        if (published || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(TakeStaging::delete);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String uniqueId(Path library, String base) {
        String id = base;
        for (int n = 2; Files.exists(library.resolve(id)); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(Exception e) {
        if (e instanceof FileAlreadyExistsException) {
            return "a file, not a folder, is in the way: " + e.getMessage();
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage();
    }
}
