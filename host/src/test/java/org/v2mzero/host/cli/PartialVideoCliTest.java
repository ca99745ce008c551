package org.v2mzero.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.models.video.SyntheticClip;
import org.v2mzero.models.video.SyntheticClip.Container;
import org.v2mzero.protocol.CurveAnalysis;
import org.v2mzero.protocol.Json;

/**
 * A video cut short (a copy or download that stopped half way) still gets its curve and take, with one
 * warning line that says how much of it was there; one damaged in the middle, with one line that says
 * where picture was skipped; a whole video gets none. Clips are drawn by the test.
 */
class PartialVideoCliTest {
    /** e.g. {@code v2m: warning: clip.mkv: decoded only 0:00-0:10.00 of 0:24.00 (file truncated or damaged); ...} */
    private static final Pattern WARNING = Pattern.compile(
            "v2m: warning: (\\S+): decoded only 0:00-(\\d+:\\d\\d\\.\\d\\d) of 0:08\\.00"
                    + " \\(file truncated or damaged\\); the curve stops there");

    @TempDir
    Path dir;

    @Test
    void curveOfACutShortVideoWarnsOnceAndMarksTheJson() throws Exception {
        Path video = cutInHalf("clip.mkv", Container.MKV);
        Path json = dir.resolve("curve.json");

        CliRun run = CliRun.of("curve", video.toString(), "--json", json.toString());

        assertEquals(0, run.exitCode(), run.toString());
        CurveAnalysis a = Json.read(json, CurveAnalysis.class);
        assertTrue(a.partial(), run.toString());
        assertEquals(List.of(String.format(java.util.Locale.ROOT,
                "v2m: warning: clip.mkv: decoded only 0:00-0:%05.2f of 0:08.00 (file truncated or damaged);"
                        + " the curve stops there", a.decodedUntil())), run.messages(), run.toString());
    }

    @Test
    void curveOfAWholeVideoWarnsNothing() throws Exception {
        Path video = dir.resolve("whole.mkv");
        SyntheticClip.write(video, 3.0, List.of(1.0), Container.MKV);
        Path json = dir.resolve("curve.json");

        CliRun run = CliRun.of("curve", video.toString(), "--json", json.toString());

        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(List.of(), run.messages(), run.toString());
        assertFalse(Files.readString(json).contains("partial"));
    }

    @Test
    void scoreOfACutShortVideoWarnsOnceAndTheTakeKeepsThePartialCurve() throws Exception {
        Path video = cutInHalf("clip.mp4", Container.MP4_FASTSTART);
        Path out = dir.resolve("takes");

        CliRun run = CliRun.of("score", video.toString(), "--prompt", "calm piano", "--out", out.toString());

        assertEquals(0, run.exitCode(), run.toString());
        List<String> partial = run.messages().stream().filter(m -> WARNING.matcher(m).matches()).toList();
        assertEquals(1, partial.size(), run.toString());
        assertTrue(partial.get(0).startsWith("v2m: warning: clip.mp4: "), partial.get(0));
        Path take;
        try (Stream<Path> takes = Files.list(out)) {
            take = takes.findFirst().orElseThrow();
        }
        assertTrue(Json.read(take.resolve("curve.json"), CurveAnalysis.class).partial(),
                "the take's curve.json says so");
    }

    @Test
    void curveOfAVideoDamagedInTheMiddleWarnsOnceWhereAndMarksTheJson() throws Exception {
        Path video = damagedInTheMiddle("clip.mkv", Container.MKV);
        Path json = dir.resolve("curve.json");

        CliRun run = CliRun.of("curve", video.toString(), "--json", json.toString());

        assertEquals(0, run.exitCode(), run.toString());
        CurveAnalysis a = Json.read(json, CurveAnalysis.class);
        assertFalse(a.partial());
        assertEquals(1, a.damaged().size(), run.toString());
        assertEquals(1, run.messages().size(), run.toString());
        assertTrue(Pattern.matches("v2m: warning: clip\\.mkv: damaged picture skipped at 0:\\d\\d\\.\\d\\d-0:\\d\\d\\.\\d\\d;"
                + " the curve bridges it", run.messages().get(0)), run.toString());
    }

    @Test
    void scoreOfAVideoDamagedInTheMiddleWarnsOnce() throws Exception {
        Path video = damagedInTheMiddle("clip.mp4", Container.MP4_FASTSTART);

        CliRun run = CliRun.of("score", video.toString(), "--prompt", "calm piano", "--out",
                dir.resolve("takes").toString());

        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(1, run.messages().stream().filter(m -> m.startsWith("v2m: warning: clip.mp4: damaged picture"))
                .count(), run.toString());
    }

    @Test
    void anMp4CutBeforeItsIndexIsStillOneError() throws Exception {
        Path video = cutInHalf("clip.mp4", Container.MP4);

        CliRun run = CliRun.of("curve", video.toString(), "--json", dir.resolve("curve.json").toString());

        assertEquals(1, run.exitCode(), run.toString());
        assertEquals(List.of("v2m: " + video + ": not a video FFmpeg can read (unknown or corrupt format)"),
                run.messages(), run.toString());
    }

    /** A 24 s clip in {@code container} with 40-50 % of its bytes zeroed, named {@code name}. */
    private Path damagedInTheMiddle(String name, Container container) throws IOException {
        Path whole = dir.resolve("whole-" + name);
        SyntheticClip.write(whole, 24.0, List.of(4.0, 20.0), container);
        byte[] bytes = Files.readAllBytes(whole);
        Files.delete(whole);
        Arrays.fill(bytes, (int) (bytes.length * 0.4), bytes.length / 2, (byte) 0);
        return Files.write(dir.resolve(name), bytes);
    }

    /** An 8 s clip in {@code container} with only the first half of its bytes, named {@code name}. */
    private Path cutInHalf(String name, Container container) throws IOException {
        Path whole = dir.resolve("whole-" + name);
        SyntheticClip.write(whole, 8.0, List.of(2.0, 6.0), container);
        byte[] bytes = Files.readAllBytes(whole);
        Files.delete(whole);
        return Files.write(dir.resolve(name), Arrays.copyOf(bytes, bytes.length / 2));
    }
}
