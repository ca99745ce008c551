package org.v2mzero.bridge.ardour;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.v2mzero.bridge.jack.JackTestServer;
import org.v2mzero.protocol.testing.SharedTestData;

/**
 * The JACK-only headless Ardour ({@code hardour}, shipped without a wrapper in {@code /usr/lib/ardour7})
 * on the test's JACK server, started until it is healthy.
 *
 * <p>Why it retries: on jackd2's dummy backend 40–50 % of headless starts die at once, Ardour logging
 * {@code JACK HALTED} and jackd {@code CheckSize error} (daw-notes.md). The failure is in the start-up
 * handshake, not the session: a start that came up stayed up, and up to ten tries always brought one up.
 * So each try is watched: it is healthy when Ardour's process lives, neither log shows the failure, its
 * probe port is on the JACK server and it is still alive a second later; a failed try is killed and the
 * next one started. Retrying the start hides nothing the test asserts on: everything after it runs once.
 *
 * <p>Never hangs the build: every wait is bounded, and {@link #close()} kills what {@code destroy} does
 * not end within 5 s. Test thread only.
 */
final class HeadlessArdour implements AutoCloseable {
    static final int MAX_TRIES = 10;
    private static final Logger LOG = Logger.getLogger(HeadlessArdour.class.getName());
    private static final Duration TRY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration SETTLE = Duration.ofSeconds(1);
    private static final Path LIB = Path.of("/usr/lib/ardour7");

    private final Process process;
    private final Path log;
    private final int tries;

    private HeadlessArdour(Process process, Path log, int tries) {
        this.process = process;
        this.log = log;
        this.tries = tries;
    }

    /**
     * Starts Ardour on {@code session} until {@code probePort} (e.g. {@code ardour:Drums/audio_in 1}) is on
     * the JACK server; fails with both logs after {@value #MAX_TRIES} tries.
     */
    static HeadlessArdour start(ArdourTestSession session, JackTestServer jack, String probePort)
            throws IOException, InterruptedException {
        Path binary = binary();
        String failures = "";
        for (int attempt = 1; attempt <= MAX_TRIES; attempt++) {
            Path log = session.root.resolve("hardour-" + attempt + ".log");
            long jackLogBefore = Files.size(jack.log());
            long started = System.nanoTime();
            Process process = launch(binary, session, log);
            String problem = watch(process, log, jack.log(), jackLogBefore, probePort);
            if (problem == null) {
                LOG.info("Ardour up after " + attempt + " start(s), "
                        + (System.nanoTime() - started) / 1_000_000 + " ms for the last");
                return new HeadlessArdour(process, log, attempt);
            }
            kill(process);
            failures += "\n try " + attempt + ": " + problem;
            LOG.warning("Ardour start " + attempt + " failed: " + problem);
        }
        fail("Ardour did not come up in " + MAX_TRIES + " starts:" + failures + "\n last Ardour log: "
                + ArdourTestSession.tail(session.root.resolve("hardour-" + MAX_TRIES + ".log"))
                + "\n jackd log: " + ArdourTestSession.tail(jack.log()));
        return null;
    }

    private static Path binary() throws IOException {
        SharedTestData.tool("ardour7-lua"); // skips (fails in CI) where Ardour is not installed
        try (Stream<Path> files = Files.list(LIB)) {
            return files.filter(p -> p.getFileName().toString().startsWith("hardour")).filter(Files::isExecutable)
                    .findFirst().orElseThrow(() -> new AssertionError("no hardour in " + LIB
                            + " although ardour7-lua is installed"));
        }
    }

    private static Process launch(Path binary, ArdourTestSession session, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(binary.toString(), session.dir.toString(), session.name)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.putAll(session.environment());
        // What Debian's ardour7-* wrappers set: hardour has none of its own.
        env.put("LD_LIBRARY_PATH", LIB.toString());
        env.put("ARDOUR_DATA_PATH", "/usr/share/ardour7");
        env.put("ARDOUR_CONFIG_PATH", "/etc/ardour7");
        env.put("ARDOUR_DLL_PATH", LIB.toString());
        env.put("VAMP_PATH", LIB.resolve("vamp").toString());
        return builder.start();
    }

    /** Null when healthy, else what went wrong. */
    private static String watch(Process process, Path log, Path jackLog, long jackLogBefore, String probePort)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TRY_TIMEOUT.toNanos();
        long healthySince = 0;
        while (System.nanoTime() < deadline) {
            String problem = problem(process, log, jackLog, jackLogBefore);
            if (problem != null) {
                return problem;
            }
            if (healthySince == 0 && portExists(probePort)) {
                healthySince = System.nanoTime();
            }
            if (healthySince != 0 && System.nanoTime() - healthySince >= SETTLE.toNanos()) {
                return null;
            }
            process.waitFor(100, TimeUnit.MILLISECONDS);
        }
        return "no port " + probePort + " within " + TRY_TIMEOUT.toSeconds() + " s";
    }

    private static String problem(Process process, Path log, Path jackLog, long jackLogBefore) throws IOException {
        if (!process.isAlive()) {
            return "exited " + process.exitValue() + ": " + lastLines(Files.readString(log));
        }
        if (Files.readString(log).contains("HALTED")) {
            return "JACK HALTED: " + lastLines(Files.readString(log));
        }
        String jackNew = Files.readString(jackLog).substring((int) Math.min(jackLogBefore, Files.size(jackLog)));
        return jackNew.contains("CheckSize error") ? "jackd: " + lastLines(jackNew) : null;
    }

    private static String lastLines(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank() && !l.contains("OUT OF SYNC")).toList();
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 4), lines.size()));
    }

    private static boolean portExists(String port) throws IOException, InterruptedException {
        Path out = Files.createTempFile("jack_lsp-", ".txt");
        Process lsp = new ProcessBuilder(SharedTestData.tool("jack_lsp").toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            return lsp.waitFor(5, TimeUnit.SECONDS) && Files.readAllLines(out).contains(port);
        } finally {
            lsp.destroyForcibly();
            Files.deleteIfExists(out);
        }
    }

    /** How many starts it took. */
    int tries() {
        return tries;
    }

    Path log() {
        return log;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Ends Ardour: SIGTERM, then SIGKILL after 5 s; its children too. */
    @Override
    public void close() throws InterruptedException {
        kill(process);
    }

    private static void kill(Process process) throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }
}
