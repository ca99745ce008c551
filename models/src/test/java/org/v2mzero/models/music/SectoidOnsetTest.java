package org.v2mzero.models.music;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.v2mzero.models.metrics.FMeasure;
import org.v2mzero.models.metrics.MirEval;
import org.v2mzero.protocol.testing.SharedTestData;

/**
 * Onsets of the real guitar stems of ../shared/data/music/fretsonfire-sectoid (shared data) against
 * their hand-made game chart, scored with mir_eval's onset F-measure (±50 ms). Chords list one row
 * per pitch, so the reference is the chart's distinct note times.
 */
class SectoidOnsetTest {
    @ParameterizedTest
    @ValueSource(strings = {"Metal_madness", "War_of_freedom"})
    void onsetsMatchTheChart(String song) throws IOException {
        Path dir = SharedTestData.dir().resolve("music/fretsonfire-sectoid/" + song);
        double[] chart = chartTimes(SharedTestData.file("music/fretsonfire-sectoid/" + song + "/chart.notes"));

        MusicAnalysis analysis = MusicCurveAnalyzer.DEFAULT.analyze(dir.resolve("guitar.ogg"));
        double[] onsets = analysis.onsets().stream().mapToDouble(Double::doubleValue).toArray();
        FMeasure f = MirEval.onsetFMeasure(chart, onsets);

        System.out.printf(Locale.ROOT, "%s guitar.ogg: onset F %.3f (P %.3f, R %.3f; %d onsets, %d chart notes)%n",
                song, f.fMeasure(), f.precision(), f.recall(), onsets.length, chart.length);
        assertTrue(f.fMeasure() >= 0.6, song + ": F " + f);
    }

    /** Distinct times of the chart's first column ("time pitch track" rows). */
    static double[] chartTimes(Path notes) throws IOException {
        List<String> rows = Files.readAllLines(notes).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        return rows.stream().mapToDouble(l -> Double.parseDouble(l.split("\\s+")[0])).distinct().sorted().toArray();
    }
}
