package org.v2mzero.host.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.illposed.osc.OSCMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.bridge.osc.OscTestClient;
import org.v2mzero.models.video.SyntheticClip;
import org.v2mzero.protocol.BadInputException;
import org.v2mzero.protocol.TakeManifest;

/**
 * The daemon without JACK (transport {@code none}): what survives a restart, the OSC control surface,
 * a changed video, and bad input that must leave it running. Real videos (drawn by the test), real
 * takes, real sockets on loopback.
 */
class DaemonTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void aRestartedDaemonListsTheSameTakesAndPlaysTheSameCurrentTake() throws Exception {
        Path clip = clip("reel.mp4", List.of(1.5, 3.0));
        String first;
        String second;
        try (DaemonServer server = DaemonServer.start(config()); ApiClient api = ApiClient.of(server)) {
            String session = api.post("/api/sessions", Map.of("path", clip.toString())).path("id").asText();
            first = api.awaitTake(api.post("/api/sessions/" + session + "/takes", Map.of("seed", 1)));
            second = api.awaitTake(api.post("/api/sessions/" + session + "/takes", Map.of("seed", 2)));
            server.daemon().makeCurrent(session, first);
        }
        try (DaemonServer restarted = DaemonServer.start(config())) {
            Daemon daemon = restarted.daemon();
            assertTrue(daemon.sessions().isEmpty());
            SessionInfo session = daemon.openSession(new OpenSession(clip.toString(), null, null, null));

            assertEquals(List.of(first, second), daemon.takes(session.id()).stream().map(TakeManifest::takeId).toList());
            assertEquals(first, session.currentTakeId(), "the take made current before the restart");
        }
    }

    @Test
    @Timeout(120)
    void theOscControlSurfaceSetsThePromptRegeneratesAndSwitchesTakes() throws Exception {
        Path clip = clip("reel.mp4", List.of(2.0, 4.0));
        try (DaemonServer server = DaemonServer.start(config()); ApiClient api = ApiClient.of(server);
                OscTestClient surface = new OscTestClient("127.0.0.1", server.oscPort())) {
            surface.send("/v2m/regenerate");
            assertEquals("/v2m/error", surface.receive().getAddress(), "no session yet");

            surface.send("/v2m/ping");
            OSCMessage pong = surface.receive();
            assertEquals("/v2m/pong", pong.getAddress());
            assertTrue(pong.getArguments().get(0).toString().startsWith("v2m "), pong.getArguments().toString());

            String session = api.post("/api/sessions", Map.of("path", clip.toString())).path("id").asText();
            String first = api.awaitTake(api.post("/api/sessions/" + session + "/takes", Map.of("seed", 1)));
            surface.send("/v2m/prompt", "dark synthwave");
            surface.expect("/v2m/ok", "/v2m/prompt");
            assertEquals("dark synthwave", server.daemon().session(session).prompt());

            surface.send("/v2m/regenerate", 2.0f, 4.0f);
            surface.expect("/v2m/ok", "/v2m/regenerate");
            String regenerated = api.awaitTake(api.awaitEvent("a second job", e -> e.path("type").asText().equals("take")
                    && !first.equals(e.path("data").path("takeId").asText())).path("data"));
            TakeManifest made = server.daemon().take(regenerated);
            assertEquals(first, made.lineage().parentTakeId());
            assertEquals("dark synthwave", made.prompt());
            assertEquals(regenerated, server.daemon().session(session).currentTakeId());

            surface.send("/v2m/take/current", first);
            surface.expect("/v2m/ok", "/v2m/take/current");
            assertEquals(first, server.daemon().session(session).currentTakeId());
            surface.send("/v2m/take/current", "no-such-take");
            assertEquals("/v2m/error", surface.receive().getAddress());
            assertEquals(first, server.daemon().session(session).currentTakeId());
        }
    }

    @Test
    @Timeout(120)
    void aChangedVideoIsAnalysedAgainBeforeTheNextTake() throws Exception {
        Path clip = clip("reel.mp4", List.of(2.0));
        try (DaemonServer server = DaemonServer.start(config()); ApiClient api = ApiClient.of(server)) {
            String session = api.post("/api/sessions", Map.of("path", clip.toString())).path("id").asText();
            assertEquals(1, server.daemon().curve(session).cuts().size());

            SyntheticClip.write(clip, 5.0, List.of(1.0, 2.5, 4.0));
            Files.setLastModifiedTime(clip, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
            String take = api.awaitTake(api.post("/api/sessions/" + session + "/takes", Map.of("seed", 1)));

            assertEquals(3, server.daemon().curve(session).cuts().size(), "the session's curve is the new video's");
            assertEquals(3, api.get("/api/takes/" + take + "/files/curve.json").path("cuts").size(),
                    "and so is the take's");
        }
    }

    @Test
    @Timeout(120)
    void badInputIsOneLineAndTheDaemonKeepsWorking() throws Exception {
        Path clip = clip("reel.mp4", List.of(2.0));
        Path corrupt = Files.write(dir.resolve("corrupt.mp4"), new byte[] {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 1, 2});
        try (DaemonServer server = DaemonServer.start(config()); ApiClient api = ApiClient.of(server)) {
            Daemon daemon = server.daemon();

            BadInputException bad = assertThrows(BadInputException.class,
                    () -> daemon.openSession(new OpenSession(corrupt.toString(), null, null, null)));
            assertTrue(bad.getMessage().contains(corrupt.toString()) && !bad.getMessage().contains("\n"),
                    bad.getMessage());
            assertThrows(NotFoundException.class, () -> daemon.requestTake("s99", null));
            SessionInfo session = daemon.openSession(new OpenSession(clip.toString(), null, null, null));
            assertEquals("session " + session.id() + " has no take to regenerate yet; request a whole take first",
                    assertThrows(BadInputException.class, () -> daemon.requestTake(session.id(),
                            new TakeRequest(null, null, null, 1.0, 2.0, null, null))).getMessage());
            assertEquals("stems : kazoo (expected some of [drums, bass, harmony, melody, fx])",
                    assertThrows(BadInputException.class, () -> daemon.requestTake(session.id(),
                            new TakeRequest(null, null, List.of("kazoo"), null, null, null, null))).getMessage());

            String take = api.awaitTake(api.post("/api/sessions/" + session.id() + "/takes", Map.of("seed", 1)));
            assertNotEquals("", take, "after all that, a take is still made");
        }
    }

    private DaemonConfig config() throws BadInputException {
        return new DaemonConfig(dir.resolve("takes").toString(), null, "none", null, null, null, null, 0, null, 0,
                null, null, null, "gentle solo piano").validated();
    }

    private Path clip(String name, List<Double> cuts) throws Exception {
        Path clip = dir.resolve(name);
        SyntheticClip.write(clip, 5.0, cuts);
        return clip;
    }
}
