package org.v2mzero.bridge.jack;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.v2mzero.protocol.testing.SharedTestData;

/**
 * A real JACK server for a test: {@code jackd} with the dummy backend (no sound card), under the name
 * Surefire puts in {@code JACK_DEFAULT_SERVER} for this module, so it never meets a user's server.
 * Stopped by its own PID: a second jackd with the same name would fail silently and
 * {@code jack_wait} would then talk to the first one (daw-notes.md).
 */
public final class JackTestServer implements AutoCloseable {
    private final Process process;
    private final Path log;

    private JackTestServer(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static String name() {
        String name = System.getenv("JACK_DEFAULT_SERVER");
        assertTrue(name != null && !name.isEmpty(), "Surefire sets JACK_DEFAULT_SERVER for bridge tests");
        return name;
    }

    /** Starts a server at 48 kHz with the given period and waits (at most 10 s) until it answers. */
    public static JackTestServer start(int periodFrames) throws IOException, InterruptedException {
        Path jackd = SharedTestData.tool("jackd");
        Path jackWait = SharedTestData.tool("jack_wait");
        Path log = Files.createTempFile("jackd-", ".log");
        Process process = new ProcessBuilder(jackd.toString(), "-n", name(), "--no-realtime",
                "-d", "dummy", "-r", "48000", "-p", Integer.toString(periodFrames))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        JackTestServer server = new JackTestServer(process, log);
        try {
            Process wait = new ProcessBuilder(jackWait.toString(), "-s", name(), "-w", "-t", "10")
                    .redirectErrorStream(true).start();
            wait.getInputStream().readAllBytes();
            assertTrue(wait.waitFor(15, TimeUnit.SECONDS) && wait.exitValue() == 0,
                    "jack_wait did not see server " + name() + ": " + Files.readString(log));
            assertTrue(process.isAlive(), "our jackd exited (another server named " + name() + "?): "
                    + Files.readString(log));
        } catch (IOException | InterruptedException | AssertionError e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** The server's output (stdout and stderr), for tests that watch it; deleted by {@link #close()}. */
    public Path log() {
        return log;
    }

    /**
     * Kills the server at once (SIGKILL), as a crash would, and waits (at most 5 s) until it is gone;
     * its clients are shut down by libjack. {@link #close()} still cleans up afterwards.
     */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
