package org.v2mzero.bridge.reaper;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.v2mzero.protocol.testing.SharedTestData;

/**
 * Runs the DAW scripts of {@code examples/} under plain {@code lua5.3} in a harness (a test resource) that
 * stands in for the DAW's Lua API, so the scripts' own logic really runs here: REAPER cannot be installed,
 * and Ardour's {@code Editor} exists only in its GUI. Skips (fails in CI) where the runner is not installed.
 *
 * <p>Test thread only; every run is bounded.
 */
public final class LuaScripts {
    private static final long RUN_SECONDS = 30;

    private LuaScripts() {}

    /** A file under the repository's {@code examples/}, found from the module's folder or the root. */
    public static Path example(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("examples").resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("examples/" + relative + " not found above " + Path.of("").toAbsolutePath());
    }

    /** A test resource beside {@code owner}'s class, as a file lua5.3 can run. */
    public static Path resource(Class<?> owner, String name) {
        try {
            return Path.of(owner.getResource(name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new AssertionError("test resource " + name + " beside " + owner.getName() + ": " + e);
        }
    }

    /**
     * Runs {@code lua5.3 harness args…} and returns its output lines; fails with its error output when it
     * exits non-zero (a Lua error in the script or the harness) or runs over 30 s.
     */
    public static List<String> run(Path harness, String... args) throws IOException, InterruptedException {
        return run("lua5.3", Map.of(), harness, args);
    }

    /** As {@link #run(Path, String...)} with another Lua runner ({@code ardour7-lua}) and more environment. */
    public static List<String> run(String tool, Map<String, String> env, Path script, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(SharedTestData.tool(tool).toString(), script.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("lua-out-", ".txt");
        Path err = Files.createTempFile("lua-err-", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().putAll(env);
            Process lua = builder.start();
            boolean done = lua.waitFor(RUN_SECONDS, TimeUnit.SECONDS);
            if (!done) {
                lua.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                fail(tool + " ran over " + RUN_SECONDS + " s: " + String.join(" ", command));
            }
            String errors = Files.readString(err, StandardCharsets.UTF_8);
            assertTrue(lua.exitValue() == 0, tool + " exited " + lua.exitValue() + ": " + errors);
            return Files.readAllLines(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
