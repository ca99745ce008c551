package org.v2mzero.host.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.v2mzero.protocol.CurveAnalysis;
import org.v2mzero.protocol.EventCurve;

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
    void clockRoundsToHundredths() {
        assertEquals("0:00.00", PartialAnalysisWarning.clock(0));
        assertEquals("0:59.99", PartialAnalysisWarning.clock(59.994));
        assertEquals("1:00.00", PartialAnalysisWarning.clock(59.996));
        assertEquals("61:01.50", PartialAnalysisWarning.clock(3661.5));
    }
}
