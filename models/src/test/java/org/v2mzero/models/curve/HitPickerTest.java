package org.v2mzero.models.curve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.v2mzero.protocol.EventCurve;
import org.v2mzero.protocol.Hit;

class HitPickerTest {
    private static final double[] TIMES = {0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

    @Test
    void peaksAboveThresholdStrongestFirst() {
        EventCurve curve = new EventCurve(TIMES, new double[] {0, 2, 0, 0, 0.5, 0, 0, 3, 1, 0});
        List<Hit> hits = new HitPicker(1.0, 0).pick(curve);
        assertEquals(List.of(new Hit(0.7, 3), new Hit(0.1, 2)), hits);
    }

    @Test
    void minimumSpacingKeepsTheStronger() {
        EventCurve curve = new EventCurve(TIMES, new double[] {0, 2, 0, 2.5, 0, 0, 0, 1.5, 0, 0});
        List<Hit> hits = new HitPicker(1.0, 0.25).pick(curve);
        assertEquals(List.of(new Hit(0.3, 2.5), new Hit(0.7, 1.5)), hits);
    }

    @Test
    void plateauGivesOneHit() {
        EventCurve curve = new EventCurve(TIMES, new double[] {0, 2, 2, 2, 0, 0, 0, 0, 0, 0});
        assertEquals(List.of(new Hit(0.1, 2)), new HitPicker(1.0, 0).pick(curve));
    }

    @Test
    void rejectsNegativeSpacing() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new HitPicker(1, -1));
        assertEquals("minSpacingSeconds : -1.0 (expected: >= 0)", e.getMessage());
    }
}
