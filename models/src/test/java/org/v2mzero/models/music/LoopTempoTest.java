package org.v2mzero.models.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.v2mzero.protocol.testing.SharedTestData;

/**
 * Tempo of the Sonic Pi loops of ../shared/data/music/sonicpi-loops (shared data), each cut to a whole
 * number of beats, against {@code tempo.tsv}: within 2 %, or within 2 % of double or half the tempo,
 * which the issue accepts when reported as an octave error (printed here, and counted).
 *
 * <p>With the loop prior ({@link TempoEstimator#forLoops()}, legitimate here because every loop is a
 * whole number of beats) every loop is within 2 %, two of them (breakbeat, garzul) at half tempo. The
 * default estimator, which knows nothing of loops, still reads loop_electric and loop_mehackit2 (2.5 s,
 * four beats) as 4/3 of their tempo; that is pinned too, so it cannot silently regress.
 */
class LoopTempoTest {
    private static final MusicCurveAnalyzer LOOPS = MusicCurveAnalyzer.DEFAULT.withTempo(TempoEstimator.DEFAULT.forLoops());

    @Test
    void everyLoopWithinTwoPercentOctaveErrorsReported() throws IOException {
        Path tsv = SharedTestData.file("music/sonicpi-loops/tempo.tsv");
        List<String> rows = Files.readAllLines(tsv).stream().skip(1).filter(l -> !l.isBlank()).toList();
        Tally loop = new Tally();
        Tally plain = new Tally();
        for (String row : rows) {
            String[] cols = row.split("\t");
            double expected = Double.parseDouble(cols[3]);
            MonoAudio audio = AudioDecoder.decode(tsv.resolveSibling(cols[0]));
            loop.add(cols[0], expected, LOOPS.analyze(cols[0], audio).bpm());
            plain.add(cols[0], expected, MusicCurveAnalyzer.DEFAULT.analyze(cols[0], audio).bpm());
        }
        System.out.print("with the loop prior:\n" + loop.report + "octave errors: " + loop.octaveErrors + " of "
                + rows.size() + "\ndefault:\n" + plain.report + "octave errors: " + plain.octaveErrors + "\n");
        assertEquals(0, loop.wrong, "with the loop prior:\n" + loop.report);
        assertTrue(loop.octaveErrors <= 2, "with the loop prior:\n" + loop.report);
        assertTrue(plain.wrong <= 2 && plain.right >= 4, "default:\n" + plain.report);
    }

    /** Verdicts of one estimator over the loops. */
    private static final class Tally {
        final StringBuilder report = new StringBuilder();
        int right;
        int octaveErrors;
        int wrong;

        void add(String loop, double expected, double bpm) {
            String verdict = verdict(bpm, expected);
            right += verdict.equals("ok") ? 1 : 0;
            octaveErrors += verdict.startsWith("octave") ? 1 : 0;
            wrong += verdict.equals("WRONG") ? 1 : 0;
            report.append(String.format(Locale.ROOT, "  %-22s expected %7.2f bpm, estimated %7.2f (%+.2f %%) %s%n",
                    loop, expected, bpm, 100 * (bpm / expected - 1), verdict));
        }
    }

    private static String verdict(double bpm, double expected) {
        if (Math.abs(bpm / expected - 1) <= 0.02) {
            return "ok";
        }
        if (Math.abs(bpm / (2 * expected) - 1) <= 0.02) {
            return "octave error (double)";
        }
        if (Math.abs(bpm / (expected / 2) - 1) <= 0.02) {
            return "octave error (half)";
        }
        return "WRONG";
    }
}
