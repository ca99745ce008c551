package org.v2mzero.models.music;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.v2mzero.models.metrics.FMeasure;
import org.v2mzero.models.metrics.MirEval;
import org.v2mzero.protocol.testing.SharedTestData;

/**
 * The yardstick: our onsets on the sectoid guitar stems score at least as well against the
 * chart as Debian's {@code aubioonset} (package aubio-tools) at its default threshold 0.3 with the best of
 * four of its detection functions (hfc, its default; specflux; kl; complex: the ones that score best
 * here), all with mir_eval's onset F-measure (±50 ms) exactly as {@link SectoidOnsetTest} scores ours.
 * Skips without aubioonset or the shared data, fails in CI.
 */
class AubioYardstickTest {
    private static final List<String> METHODS = List.of("hfc", "specflux", "kl", "complex");

    @ParameterizedTest
    @ValueSource(strings = {"Metal_madness", "War_of_freedom"})
    void oursIsAtLeastAsGoodAsAubio(String song) throws Exception {
        Path aubio = SharedTestData.tool("aubioonset");
        Path guitar = SharedTestData.file("music/fretsonfire-sectoid/" + song + "/guitar.ogg");
        double[] chart = SectoidOnsetTest.chartTimes(
                SharedTestData.file("music/fretsonfire-sectoid/" + song + "/chart.notes"));

        double[] ours = MusicCurveAnalyzer.DEFAULT.analyze(guitar).onsets().stream()
                .mapToDouble(Double::doubleValue).toArray();
        FMeasure ourF = MirEval.onsetFMeasure(chart, ours);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s guitar.ogg (%d chart notes): onset F"
                + " ours %.3f (%d onsets)", song, chart.length, ourF.fMeasure(), ours.length));
        double bestAubio = 0;
        for (String method : METHODS) {
            double[] theirs = aubioOnsets(aubio, guitar, method);
            double f = MirEval.onsetFMeasure(chart, theirs).fMeasure();
            line.append(String.format(Locale.ROOT, ", aubioonset -O %s %.3f (%d)", method, f, theirs.length));
            assertTrue(theirs.length > 0, "aubioonset -O " + method + " found no onsets: " + line);
            bestAubio = Math.max(bestAubio, f);
        }
        System.out.println(line);
        assertTrue(ourF.fMeasure() >= bestAubio, line.toString());
    }

    /** aubioonset's onsets, seconds: it prints one time per line. */
    private static double[] aubioOnsets(Path aubio, Path audio, String method) throws Exception {
        return SharedTestData.run(aubio.toString(), "-i", audio.toString(), "-O", method, "-T", "seconds")
                .lines().map(String::strip).filter(l -> !l.isEmpty()).mapToDouble(Double::parseDouble).toArray();
    }
}
