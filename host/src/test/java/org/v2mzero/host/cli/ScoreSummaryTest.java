package org.v2mzero.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.v2mzero.protocol.TempoMap;

class ScoreSummaryTest {
    @Test
    void namesEachSectionsTempoAfterTheIntroBar() {
        assertEquals("95.7 bpm", ScoreSummary.tempi(TempoMap.constant(95.7, 4)));
        TempoMap map = new TempoMap(4, List.of(new TempoMap.Change(0, 0, 200), new TempoMap.Change(4, 1.2, 100),
                new TempoMap.Change(32, 1.2 + 28 * 0.6, 120)));
        assertEquals("100.0 bpm, 120.0 from bar 9 (18.00 s)", ScoreSummary.tempi(map));
        assertEquals(1.2, ScoreSummary.firstDownbeat(map));
    }

    @Test
    void aSectionChangeWithoutIntroIsNoIntro() {
        TempoMap map = new TempoMap(4, List.of(new TempoMap.Change(0, 0, 100), new TempoMap.Change(16, 9.6, 120)));
        assertEquals("100.0 bpm, 120.0 from bar 5 (9.60 s)", ScoreSummary.tempi(map));
        assertEquals(0.0, ScoreSummary.firstDownbeat(map));
    }
}
