package org.v2mzero.host.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.v2mzero.protocol.CurveAnalysis;
import org.v2mzero.protocol.EventCurve;
import org.v2mzero.protocol.Section;

class PartialAnalysisWarningTest {
    private static CurveAnalysis analysis(boolean partial, Double decodedUntil) {
        return new CurveAnalysis("/videos/reel 2.mov", 95.5, 3, new EventCurve(new double[] {0.04, 0.08},
                new double[] {0, 1}), List.of(), List.of(), List.of(), partial, decodedUntil);
    }

    @Test
    void namesTheFileAndTheDecodedSpanOnADawClock() {
        assertEquals(Optional.of("reel 2.mov: decoded only 0:00-0:12.40 of 1:35.50 (file truncated or damaged);"
                + " the curve stops there"), PartialAnalysisWarning.of(analysis(true, 12.4)));
    }

    @Test
    void aCompleteAnalysisHasNone() {
        assertEquals(Optional.empty(), PartialAnalysisWarning.of(analysis(false, null)));
    }

    @Test
    void damagedSpansAreOneLineOnADawClock() {
        CurveAnalysis a = analysis(false, null);
        CurveAnalysis one = new CurveAnalysis(a.source(), a.duration(), a.frames(), a.curve(), a.hits(), a.cuts(),
                a.sections(), false, null, List.of(new Section(9.44, 12.04)));
        CurveAnalysis two = new CurveAnalysis(a.source(), a.duration(), a.frames(), a.curve(), a.hits(), a.cuts(),
                a.sections(), false, null, List.of(new Section(9.44, 12.04), new Section(70, 71.5)));

        assertEquals(Optional.of("reel 2.mov: damaged picture skipped at 0:09.44-0:12.04; the curve bridges it"),
                PartialAnalysisWarning.damaged(one));
        assertEquals(Optional.of("reel 2.mov: damaged picture skipped at 0:09.44-0:12.04, 1:10.00-1:11.50;"
                + " the curve bridges them"), PartialAnalysisWarning.damaged(two));
        assertEquals(Optional.empty(), PartialAnalysisWarning.damaged(a));
    }

    @Test
    void clockRoundsToHundredths() {
        assertEquals("0:00.00", PartialAnalysisWarning.clock(0));
        assertEquals("0:59.99", PartialAnalysisWarning.clock(59.994));
        assertEquals("1:00.00", PartialAnalysisWarning.clock(59.996));
        assertEquals("61:01.50", PartialAnalysisWarning.clock(3661.5));
    }
}
