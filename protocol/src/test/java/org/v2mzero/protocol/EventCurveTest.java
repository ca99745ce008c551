package org.v2mzero.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EventCurveTest {
    private final EventCurve curve = new EventCurve(new double[] {0.0, 0.1, 0.25}, new double[] {1, 3, -1});

    @Test
    void interpolatesLinearlyBetweenUnevenSamples() {
        assertEquals(2.0, curve.valueAt(0.05), 1e-12);
        assertEquals(1.0, curve.valueAt(0.175), 1e-12);
        assertEquals(3.0, curve.valueAt(0.1), 0);
    }

    @Test
    void holdsTheEndValuesOutsideTheSampledRange() {
        assertEquals(1.0, curve.valueAt(-5), 0);
        assertEquals(-1.0, curve.valueAt(99), 0);
    }

    @Test
    void isImmutable() {
        double[] times = curve.times();
        times[0] = 42;
        assertEquals(0.0, curve.time(0));
    }

    @Test
    void rejectsTimesThatDoNotIncrease() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EventCurve(new double[] {0, 0.2, 0.2}, new double[] {0, 0, 0}));
        assertTrue(e.getMessage().startsWith("times[2] : 0.2 (expected: > times[1] 0.2)"), e.getMessage());
    }

    @Test
    void rejectsMismatchedLengthsAndNonFiniteValues() {
        assertThrows(IllegalArgumentException.class, () -> new EventCurve(new double[] {0}, new double[] {}));
        assertThrows(IllegalArgumentException.class,
                () -> new EventCurve(new double[] {0}, new double[] {Double.NaN}));
    }
}
