package org.v2mzero.host.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.bridge.jack.JackRecorder;
import org.v2mzero.bridge.jack.JackTestServer;
import org.v2mzero.bridge.osc.ReaperStandIn;
import org.v2mzero.models.video.SyntheticClip;

/**
 * The daemon beside Reaper: it follows Reaper's transport over OSC and has every new take imported onto
 * Reaper's tracks by the ReaScript of examples/reaper (a queue file, then the script's action over OSC).
 * Reaper cannot be installed here: bridge's Reaper stand-in speaks its OSC pattern, and the script itself
 * is run under lua5.3 in bridge's ReaperImportScriptTest.
 */
class DaemonReaperTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void followsReaperAndHasEveryNewTakeImported() throws Exception {
        Path clip = dir.resolve("reel.mp4");
        SyntheticClip.write(clip, 4.0, List.of(2.0));
        int feedback;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            feedback = probe.getLocalPort();
        }
        try (JackTestServer jack = JackTestServer.start(256); ReaperStandIn reaper = new ReaperStandIn()) {
            reaper.serve(feedback);
            DaemonConfig config = new DaemonConfig(dir.resolve("takes").toString(), null, "reaper", "127.0.0.1",
                    reaper.port(), feedback, null, 0, null, -1, null, "v2m-reaper-it", null, null, true,
                    dir.resolve("REAPER").toString(), null).validated();
            try (DaemonServer server = DaemonServer.start(config); ApiClient api = ApiClient.of(server)) {
                String session = api.post("/api/sessions", Map.of("path", clip.toString())).path("id").asText();
                String take = api.awaitTake(api.post("/api/sessions/" + session + "/takes", Map.of("seed", 1)));

                JackRecorder.await("the import action at Reaper", Duration.ofSeconds(10),
                        () -> !reaper.actions().isEmpty());
                assertEquals("/action/_V2M_IMPORT_TAKE", reaper.actions().get(0).getAddress());
                Path queue = dir.resolve("REAPER/v2m/import-queue");
                List<Path> requests;
                try (Stream<Path> files = Files.list(queue)) {
                    requests = files.toList();
                }
                assertEquals(1, requests.size(), requests.toString());
                List<String> lines = Files.readAllLines(requests.get(0));
                assertEquals("v2m-import 1", lines.get(0));
                assertEquals("take\t" + take, lines.get(1));
                Path takeDir = server.daemon().takeFile(take, "manifest.json").getParent();
                assertEquals(server.daemon().take(take).stems().stream()
                        .map(s -> "stem\t" + s.name() + "\t" + takeDir.resolve(s.wav())).toList(),
                        lines.subList(2, lines.size()), "every stem, with its absolute WAV path");

                reaper.dawLocate(96_000);
                reaper.dawPlay(true);
                JackRecorder.await("the daemon following Reaper's roll", Duration.ofSeconds(10),
                        () -> server.daemon().transport().rolling() && server.daemon().transport().seconds() >= 2);
                assertEquals("reaper", server.daemon().transport().source());
            }
        }
    }
}
