package org.v2mzero.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.bridge.jack.JackTestServer;
import org.v2mzero.models.video.SyntheticClip;

/**
 * {@code v2m play} against a real JACK server (dummy backend) the test starts. That every sample lands
 * at its transport frame is proven in bridge's JackStemPlayerTest; here: the command loads a real take,
 * runs the player and reports.
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
    void anOscTransportIsRefusedWithOneLine() {
        CliRun run = CliRun.of("play", dir.toString(), "--transport", "reaper", "--for", "0.1");

        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.messages().get(0).startsWith("v2m: --transport reaper: the player follows the JACK"), run.err());
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
