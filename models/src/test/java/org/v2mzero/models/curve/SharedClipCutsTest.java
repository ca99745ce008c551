package org.v2mzero.models.curve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.v2mzero.protocol.CurveAnalysis;
import org.v2mzero.protocol.testing.SharedTestData;

/**
 * Hard cuts on the shared real clips against their hand-checked lists ({@code *.cuts.txt} beside
 * each clip), and no cut at all on the clips that have none (fades, a frame counter).
 */
class SharedClipCutsTest {
    @ParameterizedTest
    @CsvSource({
        "pyscenedetect/goldeneye-vfr-drop3.mp4, pyscenedetect/goldeneye-vfr-drop3.cuts.txt",
        "pyscenedetect/testvideo.mp4, pyscenedetect/testvideo.cuts.txt",
        "bigbuckbunny/big_buck_bunny_0_30.webm, bigbuckbunny/big_buck_bunny_0_30.cuts.txt",
        "pyscenedetect/fades.mp4, ",
        "pyscenedetect/counter.mp4, ",
    })
    void cutsMatchTheListWithinOneFrame(String clip, String cutsFile) throws IOException {
        Path video = SharedTestData.file("video/" + clip);
        List<Double> expected = cutsFile == null ? List.of() : readCuts(SharedTestData.file("video/" + cutsFile));
        CurveAnalysis analysis = VideoCurveAnalyzer.DEFAULT.analyze(video);
        List<Double> found = analysis.cuts();
        double frame = analysis.duration() / analysis.frames();
        assertEquals(expected.size(), found.size(), clip + ": expected " + expected + ", found " + found);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), found.get(i), frame, clip + ": expected " + expected + ", found " + found);
        }
    }

    private static List<Double> readCuts(Path file) throws IOException {
        return Files.readAllLines(file).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(Double::parseDouble)
                .toList();
    }
}
