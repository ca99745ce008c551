package org.v2mzero.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.bridge.jack.JackTestServer;
import org.v2mzero.bridge.osc.ReaperStandIn;
import org.v2mzero.models.video.SyntheticClip;

/**
 * {@code v2m play} against a real JACK server (dummy backend) the test starts. That every sample lands
 * at its transport frame is proven in bridge's JackStemPlayerTest (JackStemPlayerOscTest for OSC);
 * here: the command loads a real take, runs the player following the chosen transport and reports.
 */
class PlayCommandTest {
    @TempDir
    Path dir;

    @Test
    void playsATakeIntoARealJackServerAndReportsTheCallbackLoad() throws Exception {
        Path take = take();
        try (JackTestServer server = JackTestServer.start(256)) {
            CliRun run = CliRun.of("play", take.toString(), "--client", "v2m-play-test", "--for", "1.0");

            assertEquals(0, run.exitCode(), run.toString());
            assertTrue(run.out().contains("ports v2m-play-test:[drums_L, drums_R,"), run.out());
            Matcher callbacks = Pattern.compile("stopped: (\\d+) callbacks at 256 frames/period").matcher(run.out());
            assertTrue(callbacks.find(), run.out());
            assertTrue(Integer.parseInt(callbacks.group(1)) > 50, "about 190 periods in 1 s: " + run.out());
        }
    }

    @Test
    void withoutAServerItSaysSoAndFails() throws Exception {
        CliRun run = CliRun.of("play", take().toString(), "--client", "v2m-play-test", "--for", "0.3");

        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("no JACK server"), run.toString());
        assertEquals(List.of("v2m: played nothing: no JACK server came up"), run.messages());
    }

    @Test
    void anUnknownTransportIsOneLine() {
        CliRun run = CliRun.of("play", dir.toString(), "--transport", "ableton", "--for", "0.1");

        assertEquals(1, run.exitCode(), run.toString());
        assertEquals(List.of("v2m: --transport ableton (expected: jack, ardour or reaper)"), run.messages());
    }

    @Test
    void anOscTransportWithoutAJackServerIsOneLine() throws Exception {
        CliRun run = CliRun.of("play", take().toString(), "--transport", "ardour", "--for", "0.1");

        assertEquals(1, run.exitCode(), run.toString());
        assertEquals(1, run.messages().size(), run.toString());
        assertTrue(run.messages().get(0).startsWith("v2m: --transport ardour: no JACK server"), run.err());
    }

    /**
     * Follows Reaper over OSC: the Reaper stand-in of bridge's tests (Reaper cannot be installed here)
     * rolls, and the command's source must report where it rolled to. The stand-in repeats its play state
     * every 50 ms because Reaper only sends it on change and the command starts after it (see report).
     * That the samples land at the DAW's position is proven in bridge's JackStemPlayerOscTest.
     */
    @Test
    void followsReaperOverOsc() throws Exception {
        Path take = take();
        int listen = freeUdpPort();
        try (JackTestServer server = JackTestServer.start(256); ReaperStandIn reaper = new ReaperStandIn()) {
            reaper.serve(listen);
            reaper.dawLocate(48_000);
            CompletableFuture<CliRun> running = CompletableFuture.supplyAsync(() -> CliRun.of("play", take.toString(),
                    "--client", "v2m-play-test", "--transport", "reaper", "--daw-port", Integer.toString(reaper.port()),
                    "--listen-port", Integer.toString(listen), "--for", "1.5"));
            long before = reaper.truthFrame();
            while (!running.isDone()) {
                reaper.dawPlay(true);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
            long after = reaper.truthFrame();
            CliRun run = running.get(10, TimeUnit.SECONDS);

            assertEquals(0, run.exitCode(), run.toString());
            assertTrue(run.out().contains("following reaper at 127.0.0.1:" + reaper.port() + ", feedback on UDP "
                    + listen), run.out());
            Matcher state = Pattern.compile("transport: rolling at (\\d+\\.\\d+) s, 0 malformed").matcher(run.out());
            assertTrue(state.find(), run.out());
            double seconds = Double.parseDouble(state.group(1));
            assertTrue(seconds * 48_000 > before && seconds * 48_000 <= after + 4_800,
                    "followed Reaper's position: " + seconds + " s within " + before + ".." + after + " frames");
            assertTrue(run.out().contains("stopped: "), run.out());
        }
    }

    private static int freeUdpPort() throws Exception {
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    @Test
    void aFolderThatIsNoTakeIsOneLine() {
        CliRun run = CliRun.of("play", dir.toString(), "--for", "0.1");

        assertEquals(1, run.exitCode(), run.toString());
        assertEquals(List.of("v2m: " + dir + ": not a take (no manifest.json)"), run.messages());
    }

    private Path take() throws Exception {
        Path clip = dir.resolve("clip.mp4");
        SyntheticClip.write(clip, 2.0, List.of(1.0));
        Path out = dir.resolve("takes");
        CliRun score = CliRun.of("score", clip.toString(), "--out", out.toString());
        assertEquals(0, score.exitCode(), score.toString());
        return ScoreCommandTest.onlyEntry(out);
    }
}
