package org.v2mzero.protocol.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the project's shared test material ({@code ../shared/data} beside the repository) and the
 * external tools some tests compare against (ffprobe, jackd).
 *
 * <p>A user's fresh clone has neither, so those tests skip there and say why. CI has both: when the
 * environment variable {@code CI} is {@code true}, a missing file or tool fails the test instead, so a
 * check can never be skipped silently in CI.
 */
public final class SharedTestData {
    private SharedTestData() {}

    /** The {@code shared/data} folder, or a skip (a failure in CI) when this checkout has none. */
    public static Path dir() {
        Optional<Path> found = find();
        require(found.isPresent(), "../shared/data not found beside the repository (fresh clone?)");
        return found.get();
    }

    /** A file under {@code shared/data}, e.g. {@code video/pyscenedetect/counter.mp4}. */
    public static Path file(String relative) {
        Path file = dir().resolve(relative);
        require(Files.isRegularFile(file), "shared test file missing: " + file);
        return file;
    }

    /** Absolute path of an executable on PATH, or a skip (a failure in CI) when it is not installed. */
    public static Path tool(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        require(false, name + " is not installed (CI installs it: .ci/run)");
        return null;
    }

    /** Runs a tool and returns its standard output; fails the test on a non-zero exit. */
    public static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        int rc = p.waitFor();
        if (rc != 0) {
            throw new IOException(String.join(" ", command) + " exited " + rc + ": " + new String(err));
        }
        return new String(out);
    }

    private static void require(boolean condition, String why) {
        if (!condition && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(why + " -- required in CI");
        }
        assumeTrue(condition, why + " -- skipping");
    }

    private static Optional<Path> find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("data");
            if (Files.isRegularFile(candidate.resolve("README.md"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
