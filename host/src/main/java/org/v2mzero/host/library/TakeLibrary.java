package org.v2mzero.host.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.v2mzero.host.daemon.NotFoundException;
import org.v2mzero.host.take.TakeStaging;
import org.v2mzero.protocol.BadInputException;
import org.v2mzero.protocol.TakeManifest;

/**
 * The daemon's take library (DESIGN.md §5): a folder whose subfolders are the takes {@link TakeStaging}
 * published, indexed in memory, plus which take each session plays. Takes are immutable: the library
 * never modifies or deletes one. Its only writes are its own small state files under {@code .v2m-state/}.
 *
 * <p>Threads: any. The daemon calls it from HTTP threads (list, serve files) and from job threads (add a
 * take just made). The index is an immutable snapshot that {@link #add} replaces whole, so readers take
 * no lock, never see half an update and never wait behind a job's disk I/O; writers are serialised.
 */
public final class TakeLibrary {
    private final Path folder;
    private final Path realFolder;
    private final CurrentTakes current;
    private final List<String> problems;
    private volatile TakeIndex index;

    private TakeLibrary(Path folder, Path realFolder, CurrentTakes current, TakeIndex index, List<String> problems) {
        this.folder = folder;
        this.realFolder = realFolder;
        this.current = current;
        this.index = index;
        this.problems = List.copyOf(problems);
    }

    /**
     * Opens the library in {@code folder}, creating the folder if missing, and scans it. A folder that
     * is not a take is skipped and reported in {@link #problems()}, never fatal.
     *
     * @throws BadInputException one line naming the folder when it cannot be created, read or written
     */
    public static TakeLibrary open(Path folder) throws BadInputException {
        Path dir = folder.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
            if (!Files.isWritable(dir)) {
                throw new BadInputException(dir + ": cannot use as take library (not writable)");
            }
            LibraryScan.Result scan = LibraryScan.scan(dir);
            List<String> problems = new ArrayList<>(scan.problems());
            CurrentTakes current = CurrentTakes.load(dir, problems);
            TakeIndex index = TakeIndex.of(scan.takes());
            current.all().forEach((session, take) -> {
                if (!index.byId().containsKey(take)) {
                    problems.add("session " + TakeFiles.printable(session) + ": its current take " + take
                            + " is not in the library");
                }
            });
            return new TakeLibrary(dir, dir.toRealPath(), current, index, problems);
        } catch (BadInputException e) {
            throw e;
        } catch (IOException e) {
            throw new BadInputException(dir + ": cannot use as take library (" + LibraryScan.reason(e) + ")", e);
        }
    }

    /** The library's folder, absolute. */
    public Path folder() {
        return folder;
    }

    /** Every readable published take, oldest first (by {@code createdAt}, then {@code takeId}). */
    public List<TakeManifest> list() {
        return index.oldestFirst();
    }

    /** The take of this id, if the library has it. */
    public Optional<TakeManifest> find(String takeId) {
        LibraryScan.Take take = takeId == null ? null : index.byId().get(takeId);
        return Optional.ofNullable(take).map(LibraryScan.Take::manifest);
    }

    /** The folder of a take of this library. */
    public Path takeDir(String takeId) throws NotFoundException {
        require(takeId);
        return folder.resolve(takeId);
    }

    /**
     * A file of a take, by a name its manifest lists (stem WAV and MIDI, mix, score MIDI, curve) or
     * {@code manifest.json}, as its real path (links resolved). Nothing outside the take's folder can be
     * reached: other names, paths, and links leading out are all not found.
     */
    public Path file(String takeId, String fileName) throws NotFoundException {
        return TakeFiles.resolve(realFolder, require(takeId), fileName);
    }

    /**
     * Indexes a take {@link TakeStaging#publish()} just made in this library. Any thread; the manifest is
     * read before the index is locked.
     *
     * @throws BadInputException when the folder is not a take of this library
     */
    public TakeManifest add(Path publishedTakeDir) throws IOException {
        Path dir = publishedTakeDir.toAbsolutePath().normalize();
        Path parent = dir.getParent();
        if (parent == null || dir.getFileName().toString().startsWith(".") || Files.isSymbolicLink(dir)
                || !Files.isDirectory(parent) || !Files.isSameFile(parent, folder)) {
            throw new BadInputException(dir + ": not a take folder of the library " + folder);
        }
        LibraryScan.Take take;
        try {
            take = LibraryScan.read(dir);
        } catch (BadInputException e) {
            throw new BadInputException(dir + ": " + e.getMessage(), e);
        }
        synchronized (this) {
            index = index.with(take);
        }
        return take.manifest();
    }

    /** The take the session plays, as last set (also by an earlier daemon), while it is in the library. */
    public Optional<String> current(String sessionKey) {
        TakeIndex now = index;
        return sessionKey == null ? Optional.empty() : current.get(sessionKey).filter(now.byId()::containsKey);
    }

    /**
     * Makes {@code takeId} the take the session plays, persisted atomically (temp + rename) under
     * {@code .v2m-state/}, so a restarted daemon finds it and a crash or full disk keeps the previous one.
     *
     * @param sessionKey any string naming the session, e.g. the project's absolute path
     * @throws NotFoundException when the take is not in the library
     * @throws BadInputException one line naming the library when the disk is full
     */
    public void setCurrent(String sessionKey, String takeId) throws IOException {
        Objects.requireNonNull(sessionKey, "sessionKey");
        require(takeId);
        try {
            current.set(sessionKey, takeId);
        } catch (IOException e) {
            if (TakeStaging.isDiskFull(e)) {
                throw new BadInputException(folder + ": disk full while saving the current take of "
                        + TakeFiles.printable(sessionKey) + " (" + LibraryScan.reason(e) + ")", e);
            }
            throw e;
        }
    }

    /** One line per folder or state file skipped when the library was opened, for the daemon's log. */
    public List<String> problems() {
        return problems;
    }

    private TakeManifest require(String takeId) throws NotFoundException {
        return find(takeId).orElseThrow(() -> new NotFoundException("take " + TakeFiles.printable(takeId)
                + " is not in the library " + folder));
    }
}
