package org.v2mzero.host.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.v2mzero.host.daemon.NotFoundException;
import org.v2mzero.host.take.TakeWriter;
import org.v2mzero.protocol.TakeManifest;

/**
 * Which files of a take may be served, and where they really are. A request's file name comes from the
 * network, and a take folder is on a disk others can write to: a name must be one the manifest lists,
 * a single plain path segment, and its real path (every link resolved) must be a regular file directly
 * in the take's real folder. Stateless; any thread.
 */
final class TakeFiles {
    private TakeFiles() {}

    /** The real path of a listed file of the take in {@code realLibrary}, or not found. */
    static Path resolve(Path realLibrary, TakeManifest take, String fileName) throws NotFoundException {
        String id = take.takeId();
        if (fileName == null || !isPlainName(fileName) || !listed(take).contains(fileName)) {
            throw new NotFoundException("take " + id + " has no file " + printable(fileName));
        }
        Path realTake = realLibrary.resolve(id);
        Path real;
        try {
            real = realTake.resolve(fileName).toRealPath();
        } catch (IOException e) {
            throw new NotFoundException("take " + id + ": " + fileName + " is missing");
        }
        if (!realTake.equals(real.getParent()) || !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new NotFoundException("take " + id + ": " + fileName + " is not a file of the take's folder");
        }
        return real;
    }

    /** The names a take may serve: its manifest and every file the manifest names. */
    static Set<String> listed(TakeManifest take) {
        Set<String> names = new HashSet<>();
        names.add(TakeWriter.MANIFEST);
        names.add(take.mix());
        names.add(take.midi());
        names.add(take.curve());
        for (TakeManifest.Stem stem : take.stems()) {
            names.add(stem.wav());
            names.add(stem.mid());
        }
        names.remove(null);
        return names;
    }

    /** One segment, no separators, no {@code .}/{@code ..}: a manifest can be edited, so it is checked too. */
    static boolean isPlainName(String name) {
        return !name.isEmpty() && !name.equals(".") && !name.equals("..")
                && name.chars().noneMatch(c -> c == '/' || c == '\\' || c == 0);
    }

    /** A name from a request, safe for a one-line message. */
    static String printable(String name) {
        return name == null ? "(none)" : name.replaceAll("\\p{Cntrl}", "?");
    }
}
