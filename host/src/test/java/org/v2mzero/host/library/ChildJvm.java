package org.v2mzero.host.library;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A second JVM running a main class of the test classpath, so that a test can kill a real writer with
 * SIGKILL or run one in a namespace with a full disk. Its stdout and stderr are read line by line.
 */
final class ChildJvm implements AutoCloseable {
    /** Marks the end of the child's output in {@link #lines}; compared by identity. */
    private static final String EOF = new String("EOF");

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> output = new ArrayList<>();

    private ChildJvm(Process process) {
        this.process = process;
        Thread reader = new Thread(this::readOutput, "child-jvm-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code main} with {@code args}, behind {@code wrapper} (e.g. {@code unshare ...}), or directly
     * when the wrapper is empty. The C locale makes the system's error texts English.
     */
    static ChildJvm start(List<String> wrapper, Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>(wrapper);
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.addAll(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                main.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("LC_ALL", "C");
        return new ChildJvm(builder.start());
    }

    Process process() {
        return process;
    }

    /** Waits, at most {@code timeout}, for a line starting with {@code prefix}; fails with the output so far. */
    String awaitLine(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (long left = timeout.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            String line = lines.poll(left, TimeUnit.NANOSECONDS);
            if (line == EOF) {
                break;
            }
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
        }
        return fail("child printed no line starting '" + prefix + "' within " + timeout + "; output: " + output());
    }

    /** Waits, at most {@code timeout}, for the child to end; returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            fail("child still running after " + timeout + "; output: " + output());
        }
        return process.exitValue();
    }

    /** Everything the child printed so far. */
    synchronized List<String> output() {
        return List.copyOf(output);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (this) {
                    output.add(line);
                }
                lines.add(line);
            }
        } catch (IOException e) {
            // Killing the child closes its streams under this reader: the output simply ends here.
            synchronized (this) {
                output.add("(output ended: " + e.getMessage() + ")");
            }
        } finally {
            lines.add(EOF);
        }
    }
}
