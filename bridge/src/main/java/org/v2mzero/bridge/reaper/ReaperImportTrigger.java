package org.v2mzero.bridge.reaper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.v2mzero.bridge.osc.ReaperOscTransportSource;
import org.v2mzero.protocol.AtomicFiles;
import org.v2mzero.protocol.Json;
import org.v2mzero.protocol.TakeManifest;

/**
 * Has Reaper import a take's stems: writes an import request into the queue folder that
 * {@code examples/reaper/v2m_import_take.lua} reads, then runs that script over the Reaper OSC link
 * ({@code /action/<command id>}). OSC actions carry no string, which is why the stems travel in a file.
 *
 * <p>The queue is {@code <REAPER resource path>/v2m/import-queue/} ({@link #queueDir(Path)}); the script finds
 * it with {@code reaper.GetResourcePath()}. One file per take, {@code take-<epoch ms>-<sequence>-<random>.txt},
 * so names sort in the order they were queued and two requests never share a file. Each is written to a
 * hidden temporary name and renamed ({@link AtomicFiles}), so the script sees a whole request or none; it
 * reads only {@code take-*.txt}, imports each and deletes it. UTF-8, LF line ends, TAB between fields:
 * <pre>
 * v2m-import 1
 * take	&lt;take id&gt;
 * stem	&lt;stem name&gt;	&lt;absolute path of the stem's WAV&gt;
 * stem	…
 * </pre>
 * The script puts each WAV on a new track named {@code <take id> <stem name>} at the WAV's BWF position.
 * A request whose trigger is lost (Reaper not running; UDP) stays queued and is imported by the script's
 * next run, triggered or by hand.
 *
 * <p>Threads: any thread, concurrently; a request is written before its trigger is sent.
 */
public final class ReaperImportTrigger {
    /** The command id the README registers the script under (a {@code reaper-kb.ini} line). */
    public static final String DEFAULT_COMMAND_ID = "_V2M_IMPORT_TAKE";
    /** The first line of every request: format and version, which the script checks. */
    public static final String FORMAT_LINE = "v2m-import 1";
    private static final String MANIFEST = "manifest.json";

    private final Path queueDir;
    private final String commandId;
    private final ReaperOscTransportSource reaper;
    private final AtomicLong sequence = new AtomicLong();

    /**
     * @param queueDir  where the script looks: {@link #queueDir(Path)} of Reaper's resource path
     * @param commandId the script's command id in Reaper, e.g. {@link #DEFAULT_COMMAND_ID} or {@code _RS…}
     * @param reaper    the started OSC link to Reaper the trigger is sent over
     */
    public ReaperImportTrigger(Path queueDir, String commandId, ReaperOscTransportSource reaper) {
        if (queueDir == null || reaper == null) {
            throw new IllegalArgumentException("queueDir : " + queueDir + ", reaper : " + reaper
                    + " (expected: both given)");
        }
        this.queueDir = queueDir.toAbsolutePath();
        this.commandId = ReaperOscTransportSource.requireActionId(commandId);
        this.reaper = reaper;
    }

    /** The queue folder under Reaper's resource path (the folder of {@code reaper.ini}). */
    public static Path queueDir(Path reaperResourcePath) {
        return reaperResourcePath.resolve("v2m").resolve("import-queue");
    }

    /**
     * Reaper's resource path of a standard install (not a portable one): {@code %APPDATA%\REAPER} on Windows,
     * {@code ~/Library/Application Support/REAPER} on macOS, {@code ~/.config/REAPER} elsewhere.
     */
    public static Path defaultResourcePath() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.startsWith("windows")) {
            String appData = System.getenv("APPDATA");
            return (appData != null ? Path.of(appData) : home.resolve("AppData").resolve("Roaming")).resolve("REAPER");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("REAPER");
        }
        return home.resolve(".config").resolve("REAPER");
    }

    /** As {@link #importTake(Path, TakeManifest)} with the take's own {@code manifest.json}. */
    public Path importTake(Path takeDir) throws IOException {
        Path manifest = takeDir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            throw new IOException(takeDir + ": no " + MANIFEST + " (expected: a take folder)");
        }
        return importTake(takeDir, Json.read(manifest, TakeManifest.class));
    }

    /**
     * Queues the take's stems ({@link #enqueue}) and triggers the script. Returns the request file.
     *
     * @throws IOException one line: a stem file missing, the queue not writable, the trigger not sent
     */
    public Path importTake(Path takeDir, TakeManifest manifest) throws IOException {
        Path request = enqueue(takeDir, manifest);
        reaper.triggerAction(commandId);
        return request;
    }

    /**
     * Writes the import request for the take in {@code takeDir} without triggering the script, which imports
     * it on its next run. Returns the request file.
     */
    public Path enqueue(Path takeDir, TakeManifest manifest) throws IOException {
        String request = request(takeDir.toAbsolutePath().normalize(), manifest);
        Files.createDirectories(queueDir);
        Path file = queueDir.resolve(requestName());
        AtomicFiles.write(file, request.getBytes(StandardCharsets.UTF_8));
        return file;
    }

    /** Sorts by time, then by this trigger's sequence; the random part keeps two daemons' names apart. */
    private String requestName() {
        String random = Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36);
        return String.format(Locale.ROOT, "take-%013d-%06d-%s.txt", System.currentTimeMillis(),
                sequence.incrementAndGet() % 1_000_000, random);
    }

    private static String request(Path dir, TakeManifest manifest) throws IOException {
        if (manifest.stems().isEmpty()) {
            throw new IOException(dir.resolve(MANIFEST) + ": take " + manifest.takeId() + " has no stems");
        }
        StringBuilder text = new StringBuilder(FORMAT_LINE).append('\n');
        text.append("take\t").append(field("takeId", manifest.takeId())).append('\n');
        for (TakeManifest.Stem stem : manifest.stems()) {
            Path wav = dir.resolve(stem.wav()).normalize();
            if (!wav.startsWith(dir) || !Files.isRegularFile(wav)) {
                throw new IOException("take " + manifest.takeId() + ": stem '" + stem.name() + "' file " + wav
                        + (wav.startsWith(dir) ? " is missing" : " is outside the take folder " + dir));
            }
            text.append("stem\t").append(field("stem", stem.name())).append('\t')
                    .append(field("path", wav.toString())).append('\n');
        }
        return text.toString();
    }

    /** A field of the request: one line, no TAB (the separator). */
    private static String field(String what, String value) {
        if (value == null || value.isEmpty() || value.chars().anyMatch(c -> c == '\t' || c == '\n' || c == '\r')) {
            throw new IllegalArgumentException(what + " : \"" + value
                    + "\" (expected: not empty, no tab or line break)");
        }
        return value;
    }

    /** Where requests are written. */
    public Path queueDir() {
        return queueDir;
    }

    /** The action the trigger runs. */
    public String commandId() {
        return commandId;
    }
}
