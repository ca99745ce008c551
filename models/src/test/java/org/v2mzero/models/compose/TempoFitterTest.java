package org.v2mzero.models.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.v2mzero.protocol.Hit;
import org.v2mzero.protocol.TempoMap;

class TempoFitterTest {
    @Test
    void findsTheTempoWhoseBeatsHitTheHits() {
        // Hits every 0.6 s (100 bpm) plus one weak outlier.
        List<Hit> hits = List.of(new Hit(1.2, 3), new Hit(3.0, 3), new Hit(4.8, 2), new Hit(6.0, 2), new Hit(2.25, 0.2));
        TempoFitter.Fit fit = TempoFitter.fit(hits, 85, 115, 4);
        assertEquals(100.0, fit.bpm(), 0.05);
        assertEquals(0.0, fit.gridOffsets().get(0), 0.002);
    }

    @Test
    void findsThePhaseOfHitsOffTheZeroGrid() {
        // Two hits 2.4 s apart (exactly 4 beats at 100 bpm) starting at 1.33 s: the grid must move, not only stretch.
        List<Hit> hits = List.of(new Hit(1.33, 3), new Hit(3.73, 3));
        TempoFitter.Fit fit = TempoFitter.fit(hits, 100, 100, 4);
        assertEquals(0.0, fit.gridOffsets().get(0), 0.01);
        assertEquals(0.0, fit.gridOffsets().get(1), 0.01);
        // Both on downbeats: the first downbeat is 1.33 s modulo a bar (2.4 s).
        assertEquals(1.33, fit.downbeatSeconds(), 0.01);
        assertEquals(1.0, fit.score(), 1e-3);
    }

    @Test
    void theTempoMapPutsTheFittedDownbeatsOnBarLines() {
        TempoFitter.Fit fit = TempoFitter.fit(List.of(new Hit(1.33, 3), new Hit(3.73, 3)), 100, 100, 4);
        TempoMap map = GridTempo.of(fit, 4);
        assertEquals(0.0, map.secondsAt(0), 1e-12);
        // The intro bar is the 1.33 s before the first fitted downbeat; then 100 bpm bars.
        assertEquals(4.0, map.beatAt(1.33), 0.02);
        assertEquals(8.0, map.beatAt(3.73), 0.02);
        assertEquals(2, map.changes().size());
        assertEquals(100.0, GridTempo.steadyBpm(map), 1e-9);
    }

    @Test
    void aVeryShortIntroTakesAnExtraBar() {
        // First downbeat at 0.4 s of a 2.4 s bar: as one bar that would be 6x the tempo.
        TempoFitter.Fit fit = TempoFitter.fit(List.of(new Hit(0.4, 3), new Hit(2.8, 3)), 100, 100, 4);
        TempoMap map = GridTempo.of(fit, 4);
        assertEquals(4.0, map.beatAt(2.8), 0.02);
        assertEquals(100.0 * 2.4 / 2.8, map.initialBpm(), 1.0);
    }

    @Test
    void aGridAlreadyAtZeroNeedsNoIntro() {
        TempoFitter.Fit fit = TempoFitter.fit(List.of(new Hit(2.4, 3), new Hit(4.8, 3)), 100, 100, 4);
        assertEquals(TempoMap.constant(100, 4), GridTempo.of(fit, 4));
    }

    @Test
    void withoutHitsTheCentreOfTheRangeWins() {
        TempoFitter.Fit fit = TempoFitter.fit(List.of(), 80, 140, 4);
        assertEquals(110.0, fit.bpm(), 1e-9);
        assertEquals(0.0, fit.downbeatSeconds());
    }

    @Test
    void refusesBadRange() {
        var e = assertThrows(IllegalArgumentException.class, () -> TempoFitter.fit(List.of(), -3, 10, 4));
        assertEquals("bpm range : -3.0..10.0 (expected: 0 < min <= max)", e.getMessage());
    }
}
