package org.v2mzero.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.models.video.SyntheticClip;
import org.v2mzero.protocol.testing.SharedTestData;

class CurveCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesTheCurveHitsAndCutsAsJson() throws Exception {
        Path video = dir.resolve("drawn.mp4");
        SyntheticClip.write(video, 5.0, List.of(1.6, 3.2));
        Path json = dir.resolve("curve.json");

        CliRun run = CliRun.of("curve", video.toString(), "--json", json.toString());

        assertEquals(0, run.exitCode(), run.toString());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals(5.0, root.get("duration").asDouble(), 0.05);
        JsonNode times = root.get("curve").get("times");
        assertEquals(times.size(), root.get("curve").get("values").size());
        assertTrue(times.size() >= 100, "a sample per frame: " + times.size());
        assertTrue(root.get("hits").size() >= 2, "hits: " + root.get("hits"));
        assertTrue(root.get("hits").get(0).has("time") && root.get("hits").get(0).has("strength"));
        JsonNode cuts = root.get("cuts");
        assertEquals(2, cuts.size(), "cuts: " + cuts);
        assertEquals(1.6, cuts.get(0).asDouble(), 0.041);
        assertEquals(3.2, cuts.get(1).asDouble(), 0.041);
        assertFalse(root.has("tempo") || root.has("beats"), "a video's JSON is unchanged: " + fieldNames(root));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "only the clip and the JSON: no temp file left");
        }
    }

    @Test
    void anAudioFileGetsTheMusicCurve() throws Exception {
        Path audio = dir.resolve("steps.wav");
        // 4 s of a tone that jumps to a new pitch every second, drawn by ffmpeg (aevalsrc): no video stream.
        SharedTestData.run(SharedTestData.tool("ffmpeg").toString(), "-v", "error", "-f", "lavfi", "-i",
                "aevalsrc=0.5*sin(2*PI*220*(1+floor(t))*t):s=22050:d=4", audio.toString());
        Path json = dir.resolve("curve.json");

        CliRun run = CliRun.of("curve", audio.toString(), "--json", json.toString());

        assertEquals(0, run.exitCode(), run.toString());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals(4.0, root.get("duration").asDouble(), 0.01);
        assertEquals(0, root.get("cuts").size(), "music has no shot cuts");
        assertTrue(root.has("tempo") && root.get("beats").isArray(), "audio gets tempo and beats: " + fieldNames(root));
        JsonNode hits = root.get("hits");
        assertEquals(3, hits.size(), "one hit per pitch change: " + hits);
        for (JsonNode hit : hits) {
            double t = hit.get("time").asDouble();
            assertEquals(Math.rint(t), t, 0.05, "a hit at a whole second: " + hits);
        }
    }

    @Test
    void anAudioFileGetsItsTempoAndBeats() throws Exception {
        Path audio = dir.resolve("clicks.wav");
        // 8 s of metronome clicks every 0.5 s (120 bpm) from t = 0, drawn by ffmpeg (aevalsrc).
        SharedTestData.run(SharedTestData.tool("ffmpeg").toString(), "-v", "error", "-f", "lavfi", "-i",
                "aevalsrc=0.8*exp(-200*mod(t\\,0.5))*sin(2*PI*1500*t):s=22050:d=8", audio.toString());
        Path json = dir.resolve("curve.json");

        CliRun run = CliRun.of("curve", audio.toString(), "--json", json.toString());

        assertEquals(0, run.exitCode(), run.toString());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals(List.of("source", "duration", "frames", "curve", "hits", "cuts", "sections", "tempo", "beats"),
                fieldNames(root));
        assertEquals(120, root.get("tempo").asDouble(), 120 * 0.02);
        JsonNode beats = root.get("beats");
        assertTrue(beats.size() >= 14, "a beat per click: " + beats);
        for (JsonNode beat : beats) {
            double t = beat.asDouble();
            assertEquals(Math.rint(2 * t) / 2, t, 0.02, "a beat on a click: " + beats);
        }
        assertTrue(run.out().contains(" bpm, " + beats.size() + " beats"), run.toString());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aBadVideoWritesNoJson() {
        Path json = dir.resolve("curve.json");

        CliRun run = CliRun.of("curve", dir.resolve("missing.mp4").toString(), "--json", json.toString());

        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.messages().get(0).contains("missing.mp4"), run.toString());
        assertTrue(Files.notExists(json));
    }
}
