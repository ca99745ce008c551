package org.v2mzero.bridge.ardour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.bridge.jack.JackStemPlayer;
import org.v2mzero.bridge.jack.JackTestServer;
import org.v2mzero.bridge.jack.PlayerState;
import org.v2mzero.protocol.Json;
import org.v2mzero.protocol.TakeManifest;
import org.v2mzero.protocol.TempoMap;
import org.v2mzero.protocol.testing.SharedTestData;

/**
 * {@code examples/ardour/v2m_stem_tracks.lua}, the editor action a composer runs, run by {@code ardour7-lua}
 * on the JACK backend against a scratch session that already has a {@code bass} track, with the player's
 * ports on the same JACK server and a manifest written by the protocol's own JSON writer. It must reuse
 * {@code bass}, add {@code drums} and {@code fx}, and connect each track's inputs to {@code v2m:<stem>_L/_R}
 * and nothing else (bass starts with a stray input connection), as Ardour's engine reports and its saved session keeps.
 *
 * <p>Every Lua script under {@code examples/} (Ardour's and Reaper's) must also parse ({@code luac5.3 -p}).
 *
 * <p>ardour7-lua meets the same start-up failure on jackd2 as the headless Ardour ({@code JACK HALTED},
 * see {@link HeadlessArdour}), so a run that shows it is repeated, up to {@value HeadlessArdour#MAX_TRIES}
 * times; any other failure fails at once.
 */
class StemTracksScriptTest {
    private static final Logger LOG = Logger.getLogger(StemTracksScriptTest.class.getName());
    private static final List<String> STEMS = List.of("drums", "bass", "fx");
    private static final long RUN_SECONDS = 60;

    @TempDir
    Path root;

    @Test
    void makesOrReusesATrackPerStemAndConnectsItToTheDaemonsPorts() throws Exception {
        Path script = script();
        Path lua = SharedTestData.tool("ardour7-lua");
        ArdourTestSession session = ArdourTestSession.create(root, "stems", List.of("bass"));
        Path manifest = root.resolve("manifest.json");
        Files.writeString(manifest, Json.write(manifest()));
        Path runner = root.resolve("run.lua");
        Files.writeString(runner, runner(session, script, manifest));
        try (JackTestServer jack = JackTestServer.start(1024);
                JackStemPlayer player = new JackStemPlayer("v2m", STEMS)) {
            assertEquals(PlayerState.CONNECTED, player.start());
            String out = runUntilNotHalted(session, jack, lua, runner);
            assertTrue(out.contains("3 of 3 stem tracks connected to v2m:<stem>_L/_R"), out);
            for (String stem : STEMS) {
                assertTrue(out.contains("input " + stem + " 1 <- v2m:" + stem + "_L.\n"), stem + ": " + out);
                assertTrue(out.contains("input " + stem + " 2 <- v2m:" + stem + "_R.\n"), stem + ": " + out);
            }
            assertTrue(out.contains("routes: Master, bass, drums, fx\n"), "bass reused, not duplicated: " + out);
        }
        String saved = Files.readString(session.sessionFile());
        for (String stem : STEMS) {
            assertTrue(saved.matches("(?s).*<Port type=\"audio\" name=\"" + stem + "/audio_in 1\">\\s*"
                    + "<Connection other=\"v2m:" + stem + "_L\"/>\\s*</Port>.*"), stem + " input 1 saved");
        }
    }

    @Test
    void everyExampleLuaScriptParses() throws Exception {
        Path luac = SharedTestData.tool("luac5.3");
        Path examples = script().getParent().getParent();
        List<Path> scripts;
        try (var files = Files.walk(examples)) {
            scripts = files.filter(p -> p.toString().endsWith(".lua")).sorted().toList();
        }
        assertTrue(scripts.size() >= 2, "the Ardour and Reaper scripts: " + scripts);
        for (Path lua : scripts) {
            SharedTestData.run(luac.toString(), "-p", lua.toString()); // throws with luac's message
        }
    }

    private static String runUntilNotHalted(ArdourTestSession session, JackTestServer jack, Path lua, Path runner)
            throws IOException, InterruptedException {
        for (int attempt = 1; attempt <= HeadlessArdour.MAX_TRIES; attempt++) {
            Path log = session.root.resolve("script-" + attempt + ".log");
            long jackLogBefore = Files.size(jack.log());
            ProcessBuilder builder = new ProcessBuilder(lua.toString(), "-X", runner.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(session.environment());
            Process process = builder.start();
            boolean done;
            try {
                done = process.waitFor(RUN_SECONDS, TimeUnit.SECONDS);
            } finally {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            String out = Files.readString(log);
            String jackNew = Files.readString(jack.log()).substring((int) jackLogBefore);
            if (done && out.contains("runner done")) {
                LOG.info("ardour7-lua ran the script in " + attempt + " start(s)");
                return out;
            }
            if (!out.contains("HALTED") && !jackNew.contains("CheckSize error")) {
                throw new AssertionError("ardour7-lua " + (done ? "exited " + process.exitValue() : "hung")
                        + ": " + ArdourTestSession.tail(log));
            }
            LOG.warning("ardour7-lua start " + attempt + " halted by JACK, retrying");
        }
        throw new AssertionError("ardour7-lua halted by JACK in " + HeadlessArdour.MAX_TRIES + " starts");
    }

    private static String runner(ArdourTestSession session, Path script, Path manifest) {
        return """
                AudioEngine:set_backend("JACK", "", "")
                assert(AudioEngine:start(false) == 0, "JACK backend did not start")
                Session = load_session(%s, %s)
                assert(Session, "cannot load the session")
                V2M_MANIFEST = %s
                -- A stray connection the script must remove: "and nothing else".
                assert(Session:route_by_name("bass"):input():audio(0):connect("system:capture_1") == 0)
                function ardour(descriptor) end
                dofile(%s)
                factory()()
                -- JACK's own view: connections of the ports' full names (<client>:<track>/audio_in n).
                local _, ports = Session:engine():get_backend_ports("", ARDOUR.DataType("audio"),
                                                                    ARDOUR.PortFlags.IsInput, C.StringVector())
                local full_names = ports[4]
                for _, stem in ipairs({"drums", "bass", "fx"}) do
                  local input = Session:route_by_name(stem):input()
                  for channel, side in ipairs({"_L", "_R"}) do
                    local port = input:audio(channel - 1)
                    local connected = {}
                    for name in full_names:iter() do
                      if name:sub(-#port:name() - 1) == ":" .. port:name() then
                        local _, refs = Session:engine():get_connections(name, C.StringVector())
                        for other in refs[2]:iter() do connected[#connected + 1] = other end
                      end
                    end
                    print("input " .. stem .. " " .. channel .. " <- " .. table.concat(connected, ", ") .. ".")
                  end
                end
                local names = {}
                for route in Session:get_routes():iter() do names[#names + 1] = route:name() end
                table.sort(names)
                print("routes: " .. table.concat(names, ", "))
                Session:save_state("", false, false, false, false, false)
                close_session()
                print("runner done")
                """.formatted(ArdourTestSession.luaString(session.dir.toString()),
                ArdourTestSession.luaString(session.name), ArdourTestSession.luaString(manifest.toString()),
                ArdourTestSession.luaString(script.toString()));
    }

    /** The example script, found from the module's folder (Surefire runs there) or the repository root. */
    private static Path script() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("examples/ardour/v2m_stem_tracks.lua");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("examples/ardour/v2m_stem_tracks.lua not found above " + Path.of("").toAbsolutePath());
    }

    private static TakeManifest manifest() {
        List<TakeManifest.Stem> stems = STEMS.stream()
                .map(s -> new TakeManifest.Stem(s, s.equals("drums") ? -1 : 33, s + ".wav", s + ".mid", -18.0))
                .toList();
        return new TakeManifest(TakeManifest.FORMAT_VERSION, "clip-1", "2026-01-01T00:00:00Z", "/clip.mp4", null,
                0, 0, 2.0, 48_000, 24, 2, "tense strings", 1, new TakeManifest.GeneratorInfo("symbolic", "0"),
                "suspense", new TempoMap(4, List.of(new TempoMap.Change(0, 0, 120))),
                new TakeManifest.SoundfontInfo(null, "built-in", null), "00", stems, "mix.wav", "score.mid",
                "curve.json", new TakeManifest.StyleMatchInfo("keywords", "suspense", 1,
                        List.of(new TakeManifest.Candidate("horror", 0.5))), null, null);
    }
}
