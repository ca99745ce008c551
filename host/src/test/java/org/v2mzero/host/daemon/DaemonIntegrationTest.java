package org.v2mzero.host.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.bridge.jack.JackRecorder;
import org.v2mzero.bridge.jack.JackTestServer;
import org.v2mzero.bridge.jack.PlayableTake;
import org.v2mzero.host.play.TakeAudio;
import org.v2mzero.models.video.SyntheticClip;
import org.v2mzero.protocol.TakeManifest;
import org.v2mzero.protocol.testing.SharedTestData;

/**
 * The daemon end to end, as a composer uses it: a real JACK server (dummy backend), the daemon following
 * its transport, a client of the test standing in for the DAW's tracks. Over the HTTP API it opens a
 * session on a video the test draws, makes a take, rolls, regenerates "from the playhead" while rolling,
 * and the test checks every sample the DAW side heard: the parent take up to the regenerated range's bar
 * line, the new take from there on (after the player's 256-frame crossfade), nothing missing between.
 */
class DaemonIntegrationTest {
    private static final int RATE = 48_000;
    /**
     * Long enough that the regenerated range (the playhead plus 1.5 times the first job's time) starts
     * well before the end even when the first job is slow on a loaded machine.
     */
    private static final double CLIP_SECONDS = 30;

    @TempDir
    Path dir;

    @Test
    @Timeout(240)
    void regeneratesWhileRollingAndTheOutputSwitchesAtTheBarLineWithoutAGap() throws Exception {
        SharedTestData.tool("jack_connect");
        Path clip = dir.resolve("reel.mp4");
        SyntheticClip.write(clip, CLIP_SECONDS, List.of(3.0, 7.5, 12.0, 16.2, 21.0, 25.5));
        DaemonConfig config = new DaemonConfig(dir.resolve("takes").toString(), null, "jack", null, null, null,
                null, 0, null, -1, null, "v2m-it", null, "cinematic orchestral underscore").validated();

        try (JackTestServer jack = JackTestServer.start(256);
                DaemonServer server = DaemonServer.start(config);
                ApiClient api = ApiClient.of(server);
                JackRecorder daw = JackRecorder.open("v2m-it-daw", (int) (RATE * (CLIP_SECONDS + 5)))) {
            String session = api.post("/api/sessions", Map.of("path", clip.toString())).path("id").asText();
            String parentId = api.awaitTake(api.post("/api/sessions/" + session + "/takes", Map.of("seed", 1)));
            TakeManifest parent = server.daemon().take(parentId);
            api.awaitEvent("the parent playing", e -> e.path("type").asText().equals("transport")
                    && parentId.equals(e.path("data").path("playingTake").asText()));

            connect("v2m-it:melody_L", "v2m-it-daw:in_L");
            connect("v2m-it:drums_L", "v2m-it-daw:in_R");
            daw.locate(0);
            daw.awaitCycles(4);
            daw.arm();
            daw.play();
            JackRecorder.await("the transport past 1 s", Duration.ofSeconds(10), () -> daw.frame() > RATE);

            String childId = api.awaitTake(api.post("/api/sessions/" + session + "/takes",
                    Map.of("fromPlayhead", true, "prompt", "aggressive rock with heavy drums", "seed", 2)));
            TakeManifest child = server.daemon().take(childId);
            double rangeStart = child.lineage().startSeconds();
            long until = Math.min((long) ((rangeStart + 3) * RATE), (long) ((CLIP_SECONDS - 0.5) * RATE));
            JackRecorder.await("the transport past the regenerated bar line", Duration.ofSeconds(60),
                    () -> daw.frame() > until);
            daw.stop();
            daw.disarm();

            assertEquals(parentId, child.lineage().parentTakeId());
            assertEquals(parent.tempoMap(), child.tempoMap(), "the tempo map is kept");
            double bar = child.tempoMap().beatAt(rangeStart) / child.tempoMap().beatsPerBar();
            assertEquals(Math.rint(bar), bar, 1e-6, "the range starts on a bar line: bar " + bar);
            PlayableTake before = TakeAudio.load(server.daemon().takeFile(parentId, "manifest.json").getParent(), parent);
            PlayableTake after = TakeAudio.load(server.daemon().takeFile(childId, "manifest.json").getParent(), child);
            long switchFrame = Math.round(rangeStart * RATE);
            Heard melody = Heard.check(daw.left, daw.frames, daw.count(), before.stems().get("melody")[0],
                    after.stems().get("melody")[0], switchFrame, until);
            Heard drums = Heard.check(daw.right, daw.frames, daw.count(), before.stems().get("drums")[0],
                    after.stems().get("drums")[0], switchFrame, until);

            int xruns = daw.xruns() + (int) server.daemon().stats().xruns();
            System.out.printf(java.util.Locale.ROOT, "regenerated from %.3f s; heard melody %s, drums %s; xruns: the"
                    + " test's client %d, the player %d%n", rangeStart, melody, drums, daw.xruns(),
                    server.daemon().stats().xruns());
            assertTrue(melody.glitchedBlocks() <= xruns && drums.glitchedBlocks() <= xruns,
                    "only blocks hit by xruns may differ: melody " + melody + ", drums " + drums + ", xruns " + xruns);
            assertTrue(melody.checked() > (until - RATE) * 0.9, "heard nearly every frame: " + melody);
            assertTrue(melody.newMaterial() + drums.newMaterial() > 0,
                    "the regenerated range really differs from the parent: " + melody + ", " + drums);
            assertNotNull(server.daemon().transport().playingTake());
            assertEquals(childId, server.daemon().transport().playingTake());
        }
    }

    /**
     * A JACK server that dies (SIGKILL, as a crash) is said once to clients, the daemon keeps serving,
     * and when a server with the same name is back the player and the transport follower are on it.
     */
    @Test
    @Timeout(120)
    void survivesTheJackServerDyingAndFollowsTheNextOne() throws Exception {
        DaemonConfig config = new DaemonConfig(dir.resolve("takes").toString(), null, "jack", null, null, null,
                null, 0, null, -1, null, "v2m-it", null, null).validated();
        JackTestServer first = JackTestServer.start(256);
        try (DaemonServer server = DaemonServer.start(config); ApiClient api = ApiClient.of(server)) {
            JackRecorder.await("the player on the first server", Duration.ofSeconds(20),
                    () -> "CONNECTED".equals(server.daemon().transport().player()));

            first.kill();
            api.awaitEvent("a notice that the server went away", e -> e.path("type").asText().equals("error")
                    && e.path("data").asText().startsWith("JACK server went away"));
            assertEquals("DISCONNECTED", server.daemon().transport().player());
            assertEquals(0, api.get("/api/sessions").size(), "the API still answers");

            try (JackTestServer second = JackTestServer.start(256)) {
                api.awaitEvent("a notice that it is back", e -> e.path("type").asText().equals("error")
                        && e.path("data").asText().startsWith("JACK server is back"));
                try (JackRecorder daw = JackRecorder.open("v2m-it-daw", RATE)) {
                    daw.play();
                    JackRecorder.await("the daemon following the new server's transport", Duration.ofSeconds(20),
                            () -> server.daemon().transport().rolling());
                    daw.stop();
                }
            }
        } finally {
            first.close();
        }
    }

    private static void connect(String from, String to) throws Exception {
        Process p = new ProcessBuilder("jack_connect", from, to).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "jack_connect " + from + " " + to + ": " + out);
    }
}
