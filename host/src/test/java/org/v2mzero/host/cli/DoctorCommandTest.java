package org.v2mzero.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DoctorCommandTest {

    @Test
    void reportsEveryPartOnItsOwnLine() {
        CliRun run = CliRun.of("doctor");

        assertEquals(0, run.exitCode(), run.toString());
        List<String> lines = run.out().lines().toList();
        assertEquals(6, lines.size(), run.out());
        for (String part : List.of("java", "soundfont", "ffmpeg", "onnx", "neural", "jack")) {
            assertTrue(lines.stream().anyMatch(l -> l.substring(5).startsWith(part)), part + " in " + run.out());
        }
        assertTrue(run.out().contains("ok   ffmpeg     FFmpeg "), run.out());
        assertTrue(run.out().contains("providers: CPU"), run.out());
        // The shipped model loads, on the CPU here (no CUDA in the default build).
        assertTrue(run.out().contains("ok   neural     model ") && run.out().contains("(context 512, 4 layers, d 192, curve search 16) on CPU"),
                run.out());
        assertEquals("", run.err(), "libjack's own chatter stays out of the terminal");
    }
}
