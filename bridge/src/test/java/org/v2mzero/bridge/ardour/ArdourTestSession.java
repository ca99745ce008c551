package org.v2mzero.bridge.ardour;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.v2mzero.protocol.testing.SharedTestData;

/**
 * A scratch Ardour session made by Ardour's own tools, in a folder of the test's: {@code ardour7-new_session}
 * makes it (with a master bus: without one Ardour's OSC thread crashes, daw-notes.md), {@code ardour7-lua}
 * with the JACK-free dummy backend adds stereo audio tracks, and the test's edits switch on the OSC surface
 * and JACK transport sync. HOME and XDG_CONFIG_HOME point into the folder, so no run sees a user's or another
 * run's Ardour configuration.
 *
 * <p>JACK transport sync needs two things (daw-notes.md): session option {@code external-sync=1} and, in
 * the configuration, a {@code TransportMasters} list whose current master is "JACK Transport" (an empty
 * list crashed Ardour, so all four of Ardour's own masters are listed). Recording on it needs a third,
 * {@code latched-record-enable} (see {@link ArdourRecording#record}).
 */
final class ArdourTestSession {
    static final int RATE = 48_000;
    private static final long TOOL_SECONDS = 60;
    private static final String CONFIG = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Ardour>
              <Config>
                <Option name="latched-record-enable" value="1"/>
              </Config>
              <TransportMasters current="JACK Transport">
                <TransportMaster type="Engine" name="JACK Transport" removeable="0"/>
                <TransportMaster type="MTC" name="MTC" removeable="0"/>
                <TransportMaster type="MIDIClock" name="MIDI Clock" removeable="0"/>
                <TransportMaster type="LTC" name="LTC" removeable="0"/>
              </TransportMasters>
            </Ardour>
            """;

    final Path root;
    final Path dir;
    final String name;

    private ArdourTestSession(Path root, Path dir, String name) {
        this.root = root;
        this.dir = dir;
        this.name = name;
    }

    /**
     * Makes session {@code name} under {@code root} with the given stereo tracks, in this order (strip
     * ids 1, 2, …), inputs not connected (with none, ardour7-lua is not run). Skips (fails in CI) without
     * Ardour's tools.
     */
    static ArdourTestSession create(Path root, String name, List<String> tracks)
            throws IOException, InterruptedException {
        Path newSession = SharedTestData.tool("ardour7-new_session");
        Path lua = SharedTestData.tool("ardour7-lua");
        Files.createDirectories(root.resolve("home"));
        Files.createDirectories(root.resolve("config/ardour7"));
        ArdourTestSession session = new ArdourTestSession(root, root.resolve("session"), name);
        session.run(root.resolve("new-session.log"), newSession.toString(), "-s", Integer.toString(RATE),
                session.dir.toString(), name);
        if (tracks.isEmpty()) {
            return session;
        }
        Path script = root.resolve("add-tracks.lua");
        Files.writeString(script, addTracksScript(session, tracks));
        Path log = root.resolve("add-tracks.log");
        session.run(log, lua.toString(), script.toString());
        // ardour7-lua reports a Lua error on its output but may still exit 0.
        assertTrue(Files.readString(log).contains("tracks added"), "ardour7-lua: " + tail(log));
        return session;
    }

    private static String addTracksScript(ArdourTestSession session, List<String> tracks) {
        String names = tracks.stream().map(ArdourTestSession::luaString).collect(Collectors.joining(", "));
        return """
                AudioEngine:set_backend("None (Dummy)", "", "")
                AudioEngine:start(false)
                local s = load_session(%s, %s)
                assert(s, "cannot load the session")
                for _, name in ipairs({%s}) do
                  local added = s:new_audio_track(2, 2, nil, 1, name, ARDOUR.PresentationInfo.max_order,
                                                  ARDOUR.TrackMode.Normal, false)
                  assert(added:size() == 1, "cannot add track " .. name)
                end
                s:save_state("", false, false, false, false, false)
                close_session()
                print("tracks added")
                """.formatted(luaString(session.dir.toString()), luaString(session.name), names);
    }

    static String luaString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Switches the OSC surface on and makes Ardour follow (and drive) the JACK transport. */
    void enableOscAndJackSync() throws IOException {
        enableOsc();
        Path file = sessionFile();
        String xml = Files.readString(file);
        String synced = xml.replace("<Option name=\"external-sync\" value=\"0\"/>",
                "<Option name=\"external-sync\" value=\"1\"/>");
        assertTrue(!synced.equals(xml), "external-sync option in " + file);
        Files.writeString(file, synced);
        Files.writeString(root.resolve("config/ardour7/config"), CONFIG);
    }

    /** Switches the session's OSC surface on (UDP 3819, feedback to port 8000 of the sender's host). */
    void enableOsc() throws IOException {
        Path file = sessionFile();
        String xml = Files.readString(file);
        String osc = xml.replaceFirst("(<Protocol name=\"Open Sound Control \\(OSC\\)\" active=)\"0\"", "$1\"1\"");
        assertTrue(!osc.equals(xml), "OSC protocol line in " + file);
        Files.writeString(file, osc);
    }

    Path sessionFile() {
        return dir.resolve(name + ".ardour");
    }

    /** Where Ardour writes what it records: named after the session's folder, not the snapshot. */
    Path audioFiles() {
        return dir.resolve("interchange").resolve(dir.getFileName().toString()).resolve("audiofiles");
    }

    /** The environment every Ardour program of this session runs in. */
    Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", root.resolve("home").toString());
        env.put("XDG_CONFIG_HOME", root.resolve("config").toString());
        return env;
    }

    private void run(Path log, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment());
        Process process = builder.start();
        try {
            boolean done = process.waitFor(TOOL_SECONDS, TimeUnit.SECONDS);
            assertTrue(done && process.exitValue() == 0, command[0] + (done ? " exited " + process.exitValue()
                    : " hung for " + TOOL_SECONDS + " s") + ": " + tail(log));
        } finally {
            process.destroyForcibly();
        }
    }

    static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no log)";
        }
        String text = Files.readString(log);
        return text.substring(Math.max(0, text.length() - 2000));
    }
}
