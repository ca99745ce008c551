package org.v2mzero.models.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.v2mzero.protocol.testing.SharedTestData;

/** Reproduces the scores mir_eval computed for the pairs in {@code ../shared/data/music/mir_eval} (shared data). */
class MirEvalTest {
    private static final double TOLERANCE = 1e-3;
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"00", "01", "02", "03", "04", "05", "06", "07", "08", "09"})
    void onsetScoresMatchMirEval(String nn) throws IOException {
        Path dir = SharedTestData.dir().resolve("music/mir_eval/onset");
        JsonNode expected = JSON.readTree(dir.resolve("output" + nn + ".json").toFile());

        FMeasure f = MirEval.onsetFMeasure(times(dir.resolve("ref" + nn + ".txt")), times(dir.resolve("est" + nn + ".txt")));

        assertEquals(expected.get("F-measure").asDouble(), f.fMeasure(), TOLERANCE, "F-measure");
        assertEquals(expected.get("Precision").asDouble(), f.precision(), TOLERANCE, "Precision");
        assertEquals(expected.get("Recall").asDouble(), f.recall(), TOLERANCE, "Recall");
    }

    @ParameterizedTest
    @ValueSource(strings = {"00", "01", "02", "03", "04", "05", "06", "07", "08", "09"})
    void beatScoresMatchMirEval(String nn) throws IOException {
        Path dir = SharedTestData.dir().resolve("music/mir_eval/beat");
        JsonNode expected = JSON.readTree(dir.resolve("output" + nn + ".json").toFile());
        double[] ref = times(dir.resolve("ref" + nn + ".txt"));
        double[] est = times(dir.resolve("est" + nn + ".txt"));

        assertEquals(expected.get("F-measure").asDouble(), MirEval.beatFMeasure(ref, est).fMeasure(), TOLERANCE, "F-measure");
        assertEquals(expected.get("Cemgil").asDouble(), MirEval.cemgil(ref, est), TOLERANCE, "Cemgil");
    }

    @ParameterizedTest
    @ValueSource(strings = {"00", "01", "02", "03"})
    void tempoScoresMatchMirEval(String nn) throws IOException {
        Path dir = SharedTestData.dir().resolve("music/mir_eval/tempo");
        JsonNode expected = JSON.readTree(dir.resolve("output" + nn + ".json").toFile());
        double[] ref = row(dir.resolve("ref" + nn + ".lab"));
        double[] est = row(dir.resolve("est" + nn + ".lab"));

        TempoScore score = MirEval.tempoDetection(new double[] {ref[0], ref[1]}, ref[2], new double[] {est[0], est[1]}, 0.08);

        assertEquals(expected.get("P-score").asDouble(), score.pScore(), TOLERANCE);
        assertEquals(expected.get("One-correct").asBoolean(), score.oneCorrect());
        assertEquals(expected.get("Both-correct").asBoolean(), score.bothCorrect());
    }

    @ParameterizedTest
    @ValueSource(strings = {"00", "01", "02"})
    void badTempoFilesAreRefused(String nn) {
        Path file = SharedTestData.dir().resolve("music/mir_eval/tempo/bad" + nn + ".lab");

        assertThrows(IllegalArgumentException.class, () -> {
            double[] ref = row(file);
            MirEval.tempoDetection(new double[] {ref[0], ref[1]}, ref[2], new double[] {60, 120}, 0.08);
        });
    }

    @Test
    void emptyListsScoreZeroAsInMirEval() {
        assertEquals(FMeasure.ZERO, MirEval.onsetFMeasure(new double[0], new double[] {1}));
        assertEquals(FMeasure.ZERO, MirEval.beatFMeasure(new double[] {1, 2}, new double[] {1, 2}), "all before 5 s");
    }

    static double[] times(Path file) throws IOException {
        return lines(file).stream().mapToDouble(l -> Double.parseDouble(l.split("\\s+")[0])).toArray();
    }

    /** The one data line of a mir_eval tempo annotation: two tempi and the first one's weight. */
    private static double[] row(Path file) throws IOException {
        List<String> lines = lines(file);
        if (lines.size() != 1) {
            throw new IllegalArgumentException(file + ": " + lines.size() + " rows (expected: 1)");
        }
        return java.util.Arrays.stream(lines.get(0).split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> l.toLowerCase(Locale.ROOT)).toList();
    }
}
