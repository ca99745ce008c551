package org.v2mzero.models.curve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.models.video.SyntheticClip;

/**
 * Curve analysis streams frames: a 20-minute clip analyses in the same small heap as a 2-minute one, so
 * heap does not grow with the length of the picture (issue 3: "a 2-hour film must not need more heap
 * than a 2-minute clip"). Each runs in a JVM of its own ({@link CurveMemoryChild}) with {@link #HEAP}.
 *
 * <p>What does grow: the curve itself, on the source's own frame times (16 bytes a frame, plus the same
 * again while it is computed). Measured (Serial GC, 96 x 54 MP4): a 10 s clip runs in -Xmx4m and a 20 min
 * one in -Xmx5m once JavaCPP's guard on the process's native memory (4x the heap) is off; with the guard
 * on, as here, 12 MB suffice for both. 16 MB leaves room for a slower machine's timing.
 */
class CurveMemoryTest {
    private static final String HEAP = "-Xmx16m";
    private static final double LONG_SECONDS = 20 * 60;
    private static final Pattern RESULT = Pattern.compile("frames=(\\d+) peakHeap=(\\d+) retained=(\\d+)");

    @TempDir
    Path dir;

    @Test
    void aClipTenTimesLongerNeedsNoMoreHeap() throws Exception {
        for (double seconds : List.of(LONG_SECONDS / 10, LONG_SECONDS)) {
            Path clip = dir.resolve((int) seconds + "s.mp4");
            SyntheticClip.writeSmall(clip, seconds, 10);

            Matcher m = analyzeInChild(clip);

            assertEquals(Math.round(seconds * SyntheticClip.FPS), Long.parseLong(m.group(1)), "every frame decoded");
            // The numbers for the record (target/surefire-reports): peak heap is the sum of each pool's peak.
            System.out.printf("%s: %.0f s, %s frames, peak heap %.1f MB, retained %.1f MB in %s%n", getClass()
                    .getSimpleName(), seconds, m.group(1), Long.parseLong(m.group(2)) / 1e6,
                    Long.parseLong(m.group(3)) / 1e6, HEAP);
        }
    }

    /** Runs {@link CurveMemoryChild} on {@code clip} in a JVM with {@link #HEAP}; its result line, or a failure. */
    private static Matcher analyzeInChild(Path clip) throws IOException, InterruptedException {
        List<String> command = List.of(ProcessHandle.current().info().command().orElseThrow(), HEAP,
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                CurveMemoryChild.class.getName(), clip.toString());
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try {
            output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(child.waitFor(2, TimeUnit.MINUTES), "child still running");
        } finally {
            child.destroyForcibly();
        }
        Matcher m = RESULT.matcher(output);
        assertTrue(child.exitValue() == 0 && m.find(), clip.getFileName() + " in " + HEAP + ": " + output);
        return m;
    }
}
