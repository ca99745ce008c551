package org.v2mzero.models.neural;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Python side of {@code training/} for the twin tests: Debian's {@code /usr/bin/python3} with
 * {@code python3-mido} (the first {@code python3} on a developer's PATH may be another interpreter
 * without Debian's packages). Missing, the tests skip and say why; in CI ({@code CI=true}, where
 * {@code .ci/run} installs python3-mido) they fail, as {@code SharedTestData} does for tools.
 */
final class Python {
    static final Path PYTHON = Path.of("/usr/bin/python3");

    record Result(int exitCode, String out, String err) {}

    private Python() {}

    /** A file of the repository, e.g. {@code training/v2m_tokens.py}, found upward from the module. */
    static Path repoFile(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        throw new AssertionError(relative + " not found above " + Path.of("").toAbsolutePath());
    }

    /** Skips (fails in CI) unless /usr/bin/python3 can import mido. */
    static void requireMido() throws IOException, InterruptedException {
        require(Files.isExecutable(PYTHON) && run(List.of("-c", "import mido")).exitCode() == 0,
                PYTHON + " with python3-mido is not installed (CI installs it: .ci/run)");
    }

    /** Skips (fails in CI) unless /usr/bin/python3 can import torch and onnx (the exporter of training/). */
    static void requireTorch() throws IOException, InterruptedException {
        require(Files.isExecutable(PYTHON) && run(List.of("-c", "import torch, onnx")).exitCode() == 0,
                PYTHON + " with python3-torch and python3-onnx is not installed (CI installs them: .ci/run)");
    }

    /** Skips (fails in CI) unless /usr/bin/python3 is there. */
    static void requirePython() {
        require(Files.isExecutable(PYTHON), PYTHON + " is not installed (CI installs it with python3-mido: .ci/run)");
    }

    private static void require(boolean ok, String why) {
        if (!ok && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(why + " -- required in CI");
        }
        assumeTrue(ok, why + " -- skipping");
    }

    /** Runs /usr/bin/python3 with these arguments; at most a minute. */
    static Result run(List<String> args) throws IOException, InterruptedException {
        return run(args, 60);
    }

    /** Runs /usr/bin/python3 with these arguments; at most {@code seconds}. */
    static Result run(List<String> args, int seconds) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PYTHON.toString()));
        command.addAll(args);
        // Output to files: no pipe can fill up and block it, and the wait below stays bounded.
        Path out = Files.createTempFile("python", ".out");
        Path err = Files.createTempFile("python", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + ": still running after " + seconds + " s");
            }
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
