package org.v2mzero.models.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.v2mzero.models.metrics.FMeasure;
import org.v2mzero.models.metrics.MirEval;
import org.v2mzero.protocol.testing.SharedTestData;

/**
 * Beats of the real songs of ../shared/data/music/fretsonfire-sectoid (shared data), backing mix
 * {@code song.ogg}, against the beats of their chart's tempo map ({@code chart.beats}), scored with
 * mir_eval's beat F-measure (±70 ms, beats before 5 s ignored).
 *
 * <p>The tracker finds the charts' tempo (150 and 140 bpm) and their metrical grid, but follows onset
 * strength, so where the backing mix puts its loudest hits between the chart's beats (Metal_madness: a
 * snare on every "and" over 2 to 3 times the onset strength on the beat) it lands on those off-beats.
 * {@link BeatPhase} moves such beats onto the kick (tracker alone 0.179, with it 0.768). War_of_freedom
 * changes phase section by section (tens of beats on the beat, then tens off it), which one choice for
 * the whole song cannot mend: 0.516 either way. Beside the F-measure the test prints it against the
 * chart's off-beats (each beat moved half an interval), and asserts that the two add up to nearly every
 * beat: the beats are on the chart's grid, in phase or in anti-phase. The floors are the present
 * F-measures less 0.03. For scale, Debian's {@code aubiotrack} (aubio 0.4.9) scored 0.475 and 0.539 here.
 */
class BeatTrackerSectoidTest {
    @ParameterizedTest
    @CsvSource({"Metal_madness, 150, 0.74", "War_of_freedom, 140, 0.49"})
    void beatsMatchTheChart(String song, double chartBpm, double floor) throws IOException {
        Path dir = SharedTestData.dir().resolve("music/fretsonfire-sectoid/" + song);
        double[] chart = firstColumn(SharedTestData.file("music/fretsonfire-sectoid/" + song + "/chart.beats"));

        MusicAnalysis analysis = MusicCurveAnalyzer.DEFAULT.analyze(dir.resolve("song.ogg"));
        double[] beats = analysis.beats().stream().mapToDouble(Double::doubleValue).toArray();
        FMeasure f = MirEval.beatFMeasure(chart, beats);
        FMeasure offBeat = MirEval.beatFMeasure(shifted(chart, 0.5), beats);

        System.out.printf(Locale.ROOT, "%s song.ogg: tempo %.2f bpm, beat F %.3f (P %.3f, R %.3f; %d beats, %d chart beats);"
                        + " F against the chart's off-beats %.3f%n",
                song, analysis.bpm(), f.fMeasure(), f.precision(), f.recall(), beats.length, chart.length,
                offBeat.fMeasure());
        assertEquals(chartBpm, analysis.bpm(), chartBpm * 0.02, song + ": tempo");
        assertTrue(f.fMeasure() >= floor, song + ": F " + f);
        assertTrue(f.fMeasure() + offBeat.fMeasure() >= 0.85,
                song + ": on the chart's grid: F " + f.fMeasure() + " on its beats + " + offBeat.fMeasure() + " on its off-beats");
    }

    /** The first column of a whitespace-separated table, '#' comments skipped. */
    static double[] firstColumn(Path table) throws IOException {
        return Files.readAllLines(table).stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .mapToDouble(l -> Double.parseDouble(l.split("\\s+")[0])).toArray();
    }

    /** Each beat moved by {@code share} of the interval to the next (the last by the one before). */
    private static double[] shifted(double[] beats, double share) {
        double[] out = new double[beats.length];
        for (int i = 0; i < beats.length; i++) {
            double interval = i + 1 < beats.length ? beats[i + 1] - beats[i] : beats[i] - beats[i - 1];
            out[i] = beats[i] + share * interval;
        }
        return out;
    }
}
