package org.v2mzero.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.models.video.SyntheticClip;

/** {@code v2m daemon} from the command line: it starts, says where it is, opens sessions, and stops. */
class DaemonCommandTest {
    @TempDir
    Path dir;

    @Test
    void startsOpensASessionAndStops() throws Exception {
        Path clip = dir.resolve("reel.mp4");
        SyntheticClip.write(clip, 3.0, List.of(1.5));
        Path config = Files.writeString(dir.resolve("v2m.json"),
                "{\"library\": \"" + dir.resolve("takes") + "\", \"transport\": \"none\", \"oscPort\": 0}");

        CliRun run = CliRun.of("daemon", "--config", config.toString(), "--api-port", "0", "--open", clip.toString(),
                "--for", "0.5");

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().matches("(?s)v2m daemon: panel and API at http://127\\.0\\.0\\.1:\\d+/, OSC control on UDP"
                + " \\d+, transport none, library " + dir.resolve("takes") + "\n.*"), run.out());
        assertTrue(run.out().contains("session s1: " + clip + " (no take yet)"), run.out());
        assertTrue(run.out().endsWith("v2m daemon: stopped\n"), run.out());
    }

    @Test
    void aBadConfigurationIsOneLine() throws Exception {
        Path config = Files.writeString(dir.resolve("v2m.json"), "{\"transport\": \"ableton\"}");

        CliRun run = CliRun.of("daemon", "--config", config.toString(), "--for", "0.1");

        assertEquals(1, run.exitCode(), run.toString());
        assertEquals(List.of("v2m: transport : ableton (expected: jack, ardour, reaper or none)"), run.messages());
    }
}
