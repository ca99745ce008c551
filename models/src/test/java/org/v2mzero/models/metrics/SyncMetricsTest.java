package org.v2mzero.models.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.v2mzero.models.curve.Resample;
import org.v2mzero.protocol.EventCurve;

/** Hand-computed values of every sync metric. */
class SyncMetricsTest {
    @Test
    void recallAlignTimingAndAccentByHand() {
        // H: 1.0 (onset 1.02: matched, d 20 ms), 2.0 (onset 2.06: 60 ms, unmatched), 3.0 (onset 2.99: 10 ms).
        List<Double> hits = List.of(1.0, 2.0, 3.0);
        List<Double> onsets = List.of(1.02, 2.06, 2.99, 5.0);
        // Music curve: a 2.0 peak at 1.01, a 1.2 peak at 2.0 (too low), a 1.6 peak at 3.1 (too far).
        EventCurve music = new EventCurve(new double[] {0.5, 1.01, 1.5, 2.0, 2.5, 3.1, 3.5},
                new double[] {0, 2.0, 0, 1.2, 0, 1.6, 0});

        SyncReport r = SyncMetrics.evaluate(hits, onsets, music, music);

        assertEquals(3, r.hits());
        assertEquals(4, r.onsets());
        assertEquals(2 / 3.0, r.hitRecall(), 1e-12);
        assertEquals(1 / 3.0, r.hitAccent(), 1e-12);
        double g = 2 * 0.05 * 0.05;
        double align = (Math.exp(-0.02 * 0.02 / g) + Math.exp(-0.06 * 0.06 / g) + Math.exp(-0.01 * 0.01 / g)) / 3;
        assertEquals(align, r.beatAlign(), 1e-9);
        assertEquals(15.0, r.timingErrorMs(), 1e-6, "median of 20 ms and 10 ms");
        assertEquals(1.0, r.curveCorrelation(), 1e-12, "a curve against itself");
        // Per hit, the parts of those averages: which hit missed, by how much, and how loud the music was.
        assertEquals(List.of(1.0, 2.0, 3.0), r.perHit().stream().map(HitDetail::time).toList());
        assertEquals(List.of(true, false, true), r.perHit().stream().map(HitDetail::matched).toList());
        assertEquals(20, r.perHit().get(0).nearestOnsetMs(), 1e-6);
        assertEquals(60, r.perHit().get(1).nearestOnsetMs(), 1e-6);
        assertEquals(-10, r.perHit().get(2).nearestOnsetMs(), 1e-6);
        assertEquals(2.0, r.perHit().get(0).accentPeak(), 0);
        assertEquals(1.2, r.perHit().get(1).accentPeak(), 0, "a peak, but below the accent floor");
        assertEquals(Double.NaN, r.perHit().get(2).accentPeak(), "no peak within 50 ms");
    }

    @Test
    void oppositeCurvesCorrelateMinusOne() {
        double[] t = Resample.grid(0, 10, 25);
        double[] up = new double[t.length];
        double[] down = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            up[i] = Math.sin(t[i]);
            down[i] = -3 * Math.sin(t[i]) + 7;
        }

        assertEquals(-1.0, SyncMetrics.curveCorrelation(new EventCurve(t, up), new EventCurve(t, down)), 1e-9);
    }

    @Test
    void withoutOnsetsEverythingIsZeroAndTimingUnknown() {
        EventCurve flat = new EventCurve(new double[] {0, 1, 2}, new double[] {0, 0, 0});

        SyncReport r = SyncMetrics.evaluate(List.of(1.0), List.of(), flat, flat);

        assertEquals(0, r.hitRecall());
        assertEquals(0, r.hitAccent());
        assertEquals(0, r.beatAlign());
        assertEquals(Double.NaN, r.timingErrorMs());
        assertEquals(Double.NaN, r.curveCorrelation(), "a flat curve has no correlation");
        assertEquals(Double.NaN, r.perHit().get(0).nearestOnsetMs(), "no onset to be near");
    }

    @Test
    void noHitsIsRefused() {
        EventCurve c = new EventCurve(new double[] {0, 1}, new double[] {0, 1});

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SyncMetrics.evaluate(List.of(), List.of(1.0), c, c));
        assertEquals("hits : empty (expected: at least one video hit)", e.getMessage());
    }
}
