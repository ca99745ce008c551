package org.v2mzero.models.curve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.v2mzero.protocol.CurveAnalysis;
import org.v2mzero.protocol.Section;
import org.v2mzero.protocol.testing.SharedTestData;

/** Sections on a shared real clip: Big Buck Bunny's first 30 s has four shots, all long enough to keep. */
class SharedClipSectionsTest {
    @Test
    void bigBuckBunnySectionsAreItsShots() throws IOException {
        CurveAnalysis a = VideoCurveAnalyzer.DEFAULT.analyze(
                SharedTestData.file("video/bigbuckbunny/big_buck_bunny_0_30.webm"));

        List<Double> bounds = new ArrayList<>(List.of(0.0));
        bounds.addAll(a.cuts());
        List<Section> expected = new ArrayList<>();
        for (int i = 0; i < bounds.size(); i++) {
            expected.add(new Section(bounds.get(i), i + 1 < bounds.size() ? bounds.get(i + 1) : a.duration()));
        }
        assertEquals(3, a.cuts().size(), "cuts " + a.cuts());
        assertEquals(expected, a.sections(), "no shot under 1.5 s, no level change of 1 z inside a shot");
    }
}
