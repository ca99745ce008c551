package org.v2mzero.host.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.v2mzero.protocol.TempoMap;

class BarRangeTest {
    @Test
    void aRangeAcrossASectionsTempoChangeSnapsToTheBarsOfEachTempo() throws Exception {
        // 100 bpm (2.4 s bars) for bars 1-4, then 120 bpm (2 s bars) from 9.6 s.
        TempoMap map = new TempoMap(4, List.of(new TempoMap.Change(0, 0, 100), new TempoMap.Change(16, 9.6, 120)));
        BarRange r = BarRange.snap(map, 20, 8.0, 12.0);
        assertEquals(7.2, r.start(), 1e-9);
        assertEquals(13.6, r.end(), 1e-9);
        assertEquals("bars 4-6 (7.20-13.60 s)", r.toString());
    }
}
