package org.v2mzero.host.library;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.v2mzero.protocol.AtomicFiles;
import org.v2mzero.protocol.BadInputException;
import org.v2mzero.protocol.Json;

/**
 * Which take each session plays, persisted as one small JSON file per session in the library's
 * {@code .v2m-state} folder. The file is named by the SHA-256 of the session key, because keys are
 * arbitrary strings (absolute project paths of any length and character), and holds the key itself, so
 * the map can be rebuilt from the folder. Files are written temp + rename ({@link AtomicFiles}): a crash
 * or a full disk leaves the previous pointer whole.
 *
 * <p>Threads: any. Reads come from a concurrent map; writes are serialised, so the file on disk and the
 * map agree on the last call.
 */
final class CurrentTakes {
    static final String STATE_DIR = ".v2m-state";
    private static final String PREFIX = "current-";
    private static final String SUFFIX = ".json";

    /** The content of one pointer file. */
    record Pointer(String sessionKey, String takeId) {}

    private final Path dir;
    private final Map<String, String> takeBySession = new ConcurrentHashMap<>();

    private CurrentTakes(Path dir) {
        this.dir = dir;
    }

    /** Reads every pointer under {@code library/.v2m-state}; unreadable ones are added to {@code problems}. */
    static CurrentTakes load(Path library, List<String> problems) throws IOException {
        CurrentTakes current = new CurrentTakes(library.resolve(STATE_DIR));
        if (!Files.isDirectory(current.dir)) {
            return current;
        }
        // Only finished pointers: a crash mid-write leaves a hidden .v2m-tmp-* file, which is not one.
        try (DirectoryStream<Path> files = Files.newDirectoryStream(current.dir, PREFIX + "*" + SUFFIX)) {
            for (Path file : files) {
                try {
                    Pointer p = Json.read(file, Pointer.class);
                    if (p.sessionKey() == null || p.takeId() == null
                            || !file.getFileName().toString().equals(fileName(p.sessionKey()))) {
                        throw new BadInputException("names no session, or another one");
                    }
                    current.takeBySession.put(p.sessionKey(), p.takeId());
                } catch (IOException | RuntimeException e) {
                    String why = e instanceof IOException io ? LibraryScan.reason(io) : e.toString();
                    problems.add("current take " + STATE_DIR + "/" + file.getFileName() + ": unreadable ("
                            + why.replace(file + ": ", "") + ")");
                }
            }
        }
        return current;
    }

    Optional<String> get(String sessionKey) {
        return Optional.ofNullable(takeBySession.get(sessionKey));
    }

    /** Every session with a pointer, and its take. */
    Map<String, String> all() {
        return Map.copyOf(takeBySession);
    }

    synchronized void set(String sessionKey, String takeId) throws IOException {
        Files.createDirectories(dir);
        AtomicFiles.write(dir.resolve(fileName(sessionKey)), Json.writeBytes(new Pointer(sessionKey, takeId)));
        takeBySession.put(sessionKey, takeId);
    }

    static String fileName(String sessionKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionKey.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest) + SUFFIX;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
