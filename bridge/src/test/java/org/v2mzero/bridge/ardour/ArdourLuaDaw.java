package org.v2mzero.bridge.ardour;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.v2mzero.protocol.AtomicFiles;
import org.v2mzero.protocol.testing.SharedTestData;

/**
 * A real Ardour 7 session running in {@code ardour7-lua} on the JACK-free Dummy backend with its OSC surface
 * on: the robust way to run Ardour's OSC dialect here (5 of 5 starts fine, daw-notes.md; Ardour on JACK dies
 * in 40–50 % of starts). The runner {@code transport-rig.lua} (test resource) prints Ardour's own transport
 * whenever it changes, which is the truth a test checks the OSC follower against, and runs the test's
 * commands (a locate as if the user moved the playhead).
 *
 * <p>Which port Ardour's OSC surface took (3819 unless taken; it then tries the next ones) is read from the
 * {@code osc_url} file Ardour fills when one exists in its configuration folder.
 *
 * <p>The Dummy backend is not locked to the wall clock: it sleeps out each period without making up for
 * oversleeping, so Ardour's transport runs a few percent slow (about 95 % of 48 kHz with 128-sample periods,
 * measured here). The truth here is Ardour's sample clock, so that drift is part of what a follower sees.
 *
 * <p>Threads: the output is read on a thread of its own; the other methods from the test's thread.
 */
final class ArdourLuaDaw implements AutoCloseable {
    static final int RATE = ArdourTestSession.RATE;
    private static final Duration START = Duration.ofSeconds(30);
    private static final Duration COMMAND = Duration.ofSeconds(5);
    private static final Pattern TRUTH = Pattern.compile("v2m-truth (\\d+) (\\d+) ([01])");
    private static final Pattern URL = Pattern.compile("osc\\.udp://[^:/]*:(\\d+)/?\\s*");

    /** Ardour's transport as the runner saw it at {@code nanos} (CLOCK_MONOTONIC, as System.nanoTime). */
    private record Truth(long nanos, long sample, boolean rolling) {}

    private final Process process;
    private final Path commands;
    private final Deque<String> tail = new ArrayDeque<>();
    private final Object lock = new Object();
    private volatile Truth truth;
    private boolean ready;
    private int acked;
    private int sent;
    private int oscPort;
    private volatile long rolledSamples;
    private volatile long rolledNanos;

    private ArdourLuaDaw(Process process, Path commands) {
        this.process = process;
        this.commands = commands;
    }

    /** Starts {@code ardour7-lua} on {@code session} (OSC on) and waits until its OSC surface listens. */
    static ArdourLuaDaw start(ArdourTestSession session) throws IOException, InterruptedException {
        Path lua = SharedTestData.tool("ardour7-lua");
        Path runner = session.root.resolve("transport-rig.lua");
        try (InputStream in = ArdourLuaDaw.class.getResourceAsStream("transport-rig.lua")) {
            Files.write(runner, in.readAllBytes());
        }
        Path url = session.root.resolve("config/ardour7/osc_url");
        Files.writeString(url, ""); // Ardour writes its OSC URL only into a file that exists
        ProcessBuilder builder = new ProcessBuilder(lua.toString(), runner.toString()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.putAll(session.environment());
        env.put("V2M_SESSION_DIR", session.dir.toString());
        env.put("V2M_SESSION_NAME", session.name);
        env.put("V2M_COMMANDS", session.root.resolve("command").toString());
        ArdourLuaDaw daw = new ArdourLuaDaw(builder.start(), session.root.resolve("command"));
        Thread reader = new Thread(() -> daw.read(daw.process.getInputStream()), "ardour7-lua-output");
        reader.setDaemon(true);
        reader.start();
        daw.awaitReady(url);
        return daw;
    }

    private void awaitReady(Path url) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            Matcher m = URL.matcher(Files.readString(url));
            synchronized (lock) {
                if (ready && m.matches()) {
                    oscPort = Integer.parseInt(m.group(1));
                    return;
                }
                lock.wait(50);
            }
        }
        close();
        fail("ardour7-lua did not bring the session's OSC surface up within " + START.toSeconds() + " s: " + tail());
    }

    private void read(InputStream out) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(out, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                Matcher m = TRUTH.matcher(line);
                if (m.matches()) {
                    Truth t = new Truth(Long.parseLong(m.group(1)) * 1000, Long.parseLong(m.group(2)),
                            m.group(3).equals("1"));
                    Truth before = truth;
                    // Steps of a few periods only: a locate is a jump, not the clock's speed.
                    if (before != null && before.rolling() && t.rolling() && t.sample() > before.sample()
                            && t.sample() - before.sample() < RATE / 20) {
                        rolledSamples += t.sample() - before.sample();
                        rolledNanos += t.nanos() - before.nanos();
                    }
                    truth = t;
                    continue;
                }
                synchronized (lock) {
                    if (line.equals("v2m-ready")) {
                        ready = true;
                    } else if (line.startsWith("v2m-ack ")) {
                        acked = Integer.parseInt(line.substring(8).trim());
                    }
                    tail.addLast(line);
                    if (tail.size() > 20) {
                        tail.removeFirst();
                    }
                    lock.notifyAll();
                }
            }
        } catch (IOException e) {
            synchronized (lock) {
                tail.addLast("(output unreadable: " + e.getMessage() + ")"); // seen by the next fail's message
            }
        }
    }

    /**
     * How fast Ardour's transport rolled, as a share of the nominal rate against the wall clock, over all
     * the time it rolled (locates left out); NaN before it rolled.
     */
    double speed() {
        return rolledNanos == 0 ? Double.NaN : rolledSamples / (rolledNanos * (RATE / 1e9));
    }

    /** The UDP port Ardour's OSC surface listens on. */
    int oscPort() {
        return oscPort;
    }

    /** Ardour's transport sample now: the last one it reported, advanced at the nominal rate while rolling. */
    long truthFrame() {
        Truth t = truth;
        if (t == null) {
            return 0;
        }
        long elapsed = System.nanoTime() - t.nanos();
        return t.rolling() && elapsed > 0 ? t.sample() + Math.round(elapsed * (RATE / 1e9)) : t.sample();
    }

    /** Whether Ardour's transport rolls, asked afresh (a round trip to the runner, a few ms). */
    boolean truthPlaying() throws IOException, InterruptedException {
        command("report");
        return truth.rolling();
    }

    /** Moves Ardour's playhead through its own API, as a user would, keeping the play state. */
    void locate(long sample) throws IOException, InterruptedException {
        command("locate " + sample);
    }

    /** Starts or stops Ardour's transport through its own API, as the user's transport buttons do. */
    void play(boolean rolling) throws IOException, InterruptedException {
        command(rolling ? "play" : "stop");
    }

    /** Hands one command to the runner and waits until it ran (it then printed a fresh truth line). */
    private void command(String command) throws IOException, InterruptedException {
        synchronized (lock) {
            int n = ++sent;
            AtomicFiles.write(commands.resolveSibling(commands.getFileName() + "-" + n),
                    (command + "\n").getBytes(StandardCharsets.UTF_8));
            long deadline = System.nanoTime() + COMMAND.toNanos();
            while (acked < n) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !process.isAlive()) {
                    fail("ardour7-lua did not run '" + command + "' within " + COMMAND.toSeconds() + " s: " + tail());
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    /** The runner's last lines that were not truth reports: Ardour's messages and Lua errors. */
    String tail() {
        synchronized (lock) {
            return (process.isAlive() ? "" : "exited " + process.exitValue() + "; ") + String.join(" | ", tail);
        }
    }

    /** Asks the runner to close the session and quit; kills it after 15 s. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (process.isAlive()) {
            synchronized (lock) {
                AtomicFiles.write(commands.resolveSibling(commands.getFileName() + "-" + (++sent)),
                        "quit\n".getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
