package org.v2mzero.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.models.video.SyntheticClip;

/** {@code v2m evaluate} on a take the test scores itself from a drawn clip (runs on a fresh clone too). */
class EvaluateCommandTest {
    @TempDir
    Path dir;

    @Test
    void aTakeIsMeasuredAgainstItsOwnCutsAndCurve() throws Exception {
        Path video = dir.resolve("drawn.mp4");
        SyntheticClip.write(video, 6.0, List.of(2.0, 4.0));
        Path out = dir.resolve("takes");
        assertEquals(0, CliRun.of("score", video.toString(), "--prompt", "tense orchestral", "--out", out.toString(),
                "--seed", "3").exitCode());
        Path take = ScoreCommandTest.onlyEntry(out);
        Path json = dir.resolve("metrics.json");

        CliRun run = CliRun.of("evaluate", take.toString(), "--json", json.toString());

        System.out.print(run.out());
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("hit recall @50 ms"), run.out());
        JsonNode m = new ObjectMapper().readTree(json.toFile());
        assertEquals(2, m.get("hits").asInt(), "the take's two cuts");
        assertTrue(m.get("onsets").asInt() >= 6, "a 6 s score has notes: " + m);
        for (String share : List.of("hitRecall", "hitAccent", "beatAlign")) {
            double v = m.get(share).asDouble();
            assertTrue(v >= 0 && v <= 1, share + " in [0, 1]: " + m);
        }
        double r = m.get("curveCorrelation").asDouble();
        assertTrue(r >= -1 && r <= 1, "Pearson r: " + m);
        assertTrue(m.get("timingErrorMs").isNull() || m.get("timingErrorMs").asDouble() <= 50,
                "matched pairs lie within 50 ms: " + m);
        // One entry per cut, in time order; the matched ones add up to the recall.
        JsonNode perHit = m.get("perHit");
        assertEquals(2, perHit.size(), m.toString());
        assertTrue(perHit.get(0).get("time").asDouble() < perHit.get(1).get("time").asDouble(), m.toString());
        int matched = 0;
        for (JsonNode h : perHit) {
            matched += h.get("matched").asBoolean() ? 1 : 0;
            assertTrue(!h.get("matched").asBoolean() || Math.abs(h.get("nearestOnsetMs").asDouble()) <= 50, h.toString());
        }
        assertEquals(m.get("hitRecall").asDouble(), matched / 2.0, 1e-12);
        assertTrue(run.out().contains("  hit "), run.out());
    }

    /** Phase 0 of the frame-phase check is the plain measurement; each hit's lowest peak is at most its peak there. */
    @Test
    void framePhasesRepeatTheAccentAtShiftedAnalysisFrames() throws Exception {
        Path video = dir.resolve("drawn.mp4");
        SyntheticClip.write(video, 6.0, List.of(2.0, 4.0));
        Path out = dir.resolve("takes");
        assertEquals(0, CliRun.of("score", video.toString(), "--out", out.toString()).exitCode());
        Path json = dir.resolve("metrics.json");

        CliRun run = CliRun.of("evaluate", ScoreCommandTest.onlyEntry(out).toString(), "--frame-phases", "3",
                "--json", json.toString());

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("over 3 phases of the analysis frames"), run.out());
        JsonNode m = new ObjectMapper().readTree(json.toFile());
        JsonNode accents = m.get("framePhases").get("hitAccent");
        assertEquals(3, accents.size(), m.toString());
        assertEquals(m.get("hitAccent").asDouble(), accents.get(0).asDouble(), 1e-12, "phase 0 is the take as it is");
        JsonNode lowest = m.get("framePhases").get("minPeak");
        assertEquals(2, lowest.size(), m.toString());
        for (int i = 0; i < 2; i++) {
            JsonNode peak = m.get("perHit").get(i).get("accentPeak");
            assertTrue(lowest.get(i).isNull() || !peak.isNull() && lowest.get(i).asDouble() <= peak.asDouble() + 1e-9,
                    "hit " + i + ": " + m);
        }
        assertTrue(lowest.get(0).isNull() || lowest.get(0).asDouble() > 0, "a drawn cut is marked at every phase: " + m);
    }

    @Test
    void anAudioFileWithACutList() throws Exception {
        Path video = dir.resolve("drawn.mp4");
        SyntheticClip.write(video, 3.0, List.of(1.0));
        Path cuts = dir.resolve("clip.cuts.txt");
        Files.writeString(cuts, "# hard cuts (seconds)\n1.0\n\n2.0 # second\n");

        CliRun run = CliRun.of("evaluate", video.toString(), "--cuts", cuts.toString());

        assertEquals(1, run.exitCode(), "the drawn clip is silent: " + run);
        assertTrue(run.messages().get(0).contains("drawn.mp4: has no audio stream"), run.toString());
    }

    @Test
    void anAudioFileNeedsHits() {
        CliRun run = CliRun.of("evaluate", dir.resolve("mix.wav").toString());

        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.messages().get(0).contains("needs --video VIDEO or --cuts FILE"), run.toString());
    }
}
