package org.v2mzero.host.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real full disk, not a mock: the child JVM runs in a private mount namespace ({@code unshare -rm},
 * no privileges needed) with a 2 MiB tmpfs over the library. The mount dies with the child, so the
 * child reports what it saw as lines and the test judges them.
 */
class TakeLibraryDiskFullTest {
    /** Mounts a 2 MiB tmpfs on {@code $0}, then runs the rest of the command line on it. */
    private static final String MOUNT = "mount -t tmpfs -o size=2m tmpfs \"$0\" && exec \"$@\"";

    @TempDir
    Path dir;

    @Test
    void aFullDiskIsOneClearLineAndTheLibraryStaysReadable() throws Exception {
        Path library = Files.createDirectories(dir.resolve("takes"));
        requireTmpfsNamespace(library);
        List<String> output;
        try (ChildJvm child = ChildJvm.start(List.of("unshare", "-rm", "sh", "-c", MOUNT, library.toString()),
                LibraryChild.class, "disk-full", library.toString())) {
            assertEquals(0, child.awaitExit(Duration.ofSeconds(8)), "child output: " + child.output());
            output = child.output();
        }

        String small = value(output, "published ");
        String error = value(output, "error ");
        assertEquals(library + ": disk full while writing take big (No space left on device)", error);
        String entries = value(output, "entries ");
        assertEquals("[.v2m-state, " + small + "]", entries, "the half take's staging folder is gone, the rest stayed");
        assertEquals("1 [" + small + "]", value(output, "listed "));
        assertEquals("[]", value(output, "problems "));

        String currentError = value(output, "current-error ");
        assertTrue(currentError.startsWith(library + ": disk full while saving the current take of "
                + LibraryChild.SESSION), currentError);
        assertEquals(small, value(output, "current "), "the old pointer is whole after a failed write");
    }

    /** The value of the child's line that starts with {@code key}. */
    private static String value(List<String> output, String key) {
        return output.stream().filter(l -> l.startsWith(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no line '" + key + "' in " + output))
                .substring(key.length());
    }

    /** Skips (fails in CI, as {@code SharedTestData} does) when no private tmpfs can be mounted here. */
    private static void requireTmpfsNamespace(Path mountPoint) throws IOException, InterruptedException {
        String why = null;
        Path log = Files.createTempFile("unshare-probe", ".txt");
        try {
            Process probe = new ProcessBuilder("unshare", "-rm", "sh", "-c", MOUNT, mountPoint.toString(), "true")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!probe.waitFor(10, TimeUnit.SECONDS) || probe.exitValue() != 0) {
                probe.destroyForcibly();
                why = "unshare -rm cannot mount a tmpfs here (" + Files.readString(log).trim() + ")";
            }
        } catch (IOException e) {
            why = "unshare is not installed (" + e.getMessage() + ")";
        } finally {
            Files.delete(log);
        }
        if (why != null && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(why + " -- required in CI");
        }
        assumeTrue(why == null, why + " -- skipping");
    }
}
