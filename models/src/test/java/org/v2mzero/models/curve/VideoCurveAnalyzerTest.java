package org.v2mzero.models.curve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.models.video.SyntheticClip;
import org.v2mzero.protocol.BadInputException;
import org.v2mzero.protocol.CurveAnalysis;
import org.v2mzero.protocol.Hit;
import org.v2mzero.protocol.Section;

/** The whole recipe on self-made clips with known cuts and a known fade; runs on a fresh clone. */
class VideoCurveAnalyzerTest {
    private static final double FRAME = 1.0 / SyntheticClip.FPS;

    @TempDir
    static Path dir;
    static Path cutsClip;
    static List<Double> cutTimes;
    static CurveAnalysis cutsAnalysis;

    @BeforeAll
    static void analyseCutsClip() throws IOException {
        cutsClip = dir.resolve("cuts.mp4");
        cutTimes = SyntheticClip.write(cutsClip, 6.0, List.of(1.0, 2.5, 4.02));
        cutsAnalysis = VideoCurveAnalyzer.DEFAULT.analyze(cutsClip);
    }

    @Test
    void findsEveryHardCutAndNothingElse() {
        assertEquals(List.of(1.0, 2.52, 4.0), cutTimes, "snapped to frame times");
        List<Double> found = cutsAnalysis.cuts();
        assertEquals(cutTimes.size(), found.size(), "found " + found);
        for (int i = 0; i < found.size(); i++) {
            assertEquals(cutTimes.get(i), found.get(i), FRAME, "cut " + i + " of " + found);
        }
    }

    @Test
    void describesTheClip() {
        assertEquals(150, cutsAnalysis.frames());
        assertEquals(6.0, cutsAnalysis.duration(), FRAME);
        assertEquals(cutsClip.toString(), cutsAnalysis.source());
        assertEquals(149, cutsAnalysis.curve().size(), "one sample per transition");
        assertEquals(FRAME, cutsAnalysis.curve().time(0), 1e-6, "first sample at the second frame");
        assertEquals(149 * FRAME, cutsAnalysis.curve().time(148), 1e-6);
    }

    @Test
    void strongestHitsAreTheCuts() {
        List<Hit> hits = cutsAnalysis.hits();
        assertTrue(hits.size() >= 3, "hits " + hits);
        if (hits.size() > 3) {
            assertTrue(hits.get(3).strength() < 1.5, "nothing but the cuts stands out: " + hits);
        }
        for (int i = 1; i < hits.size(); i++) {
            assertTrue(hits.get(i - 1).strength() >= hits.get(i).strength(), "strongest first");
        }
        for (int i = 0; i < 3; i++) {
            double t = hits.get(i).time();
            assertTrue(cutTimes.stream().anyMatch(c -> Math.abs(c - t) <= FRAME), "hit " + t + " is a cut");
            // A one-frame spike of z about 7 is spread by the 0.2 s Hann window over about 2.5 frames'
            // worth of weight, so its smoothed peak is near 3; motion stays well below 1.
            assertTrue(hits.get(i).strength() > 2, "a cut stands far above the clip's typical change: " + hits);
        }
    }

    @Test
    void sectionsAreTheShotsWithTheShortOnesJoined() {
        // Shots 0-1, 1-2.52, 2.52-4, 4-6 s: the 1 s one joins its only neighbour, then the 1.48 s one
        // (under SectionFinder.VIDEO's 1.5 s) joins the shorter of its neighbours (2 s against 2.52 s).
        assertEquals(List.of(new Section(0, 2.52), new Section(2.52, cutsAnalysis.duration())),
                cutsAnalysis.sections());
    }

    @Test
    void sameInputSameNumbers() throws IOException {
        assertEquals(cutsAnalysis, VideoCurveAnalyzer.DEFAULT.analyze(cutsClip));
    }

    @Test
    void fadeThroughBlackIsNotACut() throws IOException {
        Path fade = dir.resolve("fade.mp4");
        SyntheticClip.writeFadeThroughBlack(fade, 5.0, 1.0, 1.0, 0.5);
        CurveAnalysis analysis = VideoCurveAnalyzer.DEFAULT.analyze(fade);
        assertEquals(List.of(), analysis.cuts());
        assertEquals(125, analysis.frames());
    }

    @Test
    void reportsProgressUpToOne() throws IOException {
        List<Double> fractions = new ArrayList<>();
        VideoCurveAnalyzer.DEFAULT.analyze(cutsClip, fractions::add);
        assertTrue(fractions.size() > 10 && fractions.size() <= 102, "calls: " + fractions.size());
        for (int i = 1; i < fractions.size(); i++) {
            assertTrue(fractions.get(i) >= fractions.get(i - 1), "monotone");
        }
        assertEquals(1.0, fractions.get(fractions.size() - 1));
    }

    @Test
    void badInputKeepsTheDecodersMessage() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.mov"));
        BadInputException e = assertThrows(BadInputException.class, () -> VideoCurveAnalyzer.DEFAULT.analyze(empty));
        assertEquals(empty + ": empty file (0 bytes), not a video", e.getMessage());
    }
}
