package org.v2mzero.models.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.v2mzero.protocol.Hit;

class TempoFitterTest {
    @Test
    void findsTheTempoWhoseBeatsHitTheHits() {
        // Hits every 0.6 s (100 bpm) plus one weak outlier.
        List<Hit> hits = List.of(new Hit(1.2, 3), new Hit(3.0, 3), new Hit(4.8, 2), new Hit(6.0, 2), new Hit(2.25, 0.2));
        TempoFitter.Fit fit = TempoFitter.fit(hits, 85, 115);
        assertEquals(100.0, fit.bpm(), 0.05);
        assertEquals(0.0, fit.gridOffsets().get(0), 0.002);
    }

    @Test
    void withoutHitsTheCentreOfTheRangeWins() {
        assertEquals(110.0, TempoFitter.fit(List.of(), 80, 140).bpm(), 1e-9);
    }

    @Test
    void refusesBadRange() {
        var e = assertThrows(IllegalArgumentException.class, () -> TempoFitter.fit(List.of(), -3, 10));
        assertEquals("bpm range : -3.0..10.0 (expected: 0 < min <= max)", e.getMessage());
    }
}
