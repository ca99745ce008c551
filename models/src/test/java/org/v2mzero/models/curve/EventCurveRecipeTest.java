package org.v2mzero.models.curve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.v2mzero.protocol.EventCurve;

class EventCurveRecipeTest {
    @Test
    void transitionsTakeTheTimeOfTheFrameAfterThem() {
        assertArrayEquals(new double[] {0.04, 0.12}, EventCurveRecipe.transitionTimes(new double[] {0, 0.04, 0.12}));
        assertEquals(0, EventCurveRecipe.transitionTimes(new double[] {0}).length);
    }

    @Test
    void curveIsZScoredThenSmoothedOnTheGivenTimes() {
        double[] times = {0.04, 0.08, 0.12, 0.16, 0.20, 0.24, 0.28};
        double[] raw = {0.01, 0.01, 0.01, 0.9, 0.01, 0.01, 0.01};
        EventCurve unsmoothed = EventCurveRecipe.curve(times, raw, 0);
        assertArrayEquals(ZScore.of(raw), unsmoothed.values(), 1e-12);
        EventCurve smoothed = EventCurveRecipe.curve(times, raw, 0.2);
        assertArrayEquals(times, smoothed.times());
        assertEquals(3, argMax(smoothed.values()), "the peak stays where the change is");
        assertTrue(smoothed.value(3) < unsmoothed.value(3), "smoothing spreads the peak");
        assertTrue(smoothed.value(2) > unsmoothed.value(2));
    }

    @Test
    void sameInputSameNumbers() {
        double[] times = {0.1, 0.2, 0.3, 0.4};
        double[] raw = {0.3, 0.1, 0.7, 0.2};
        assertEquals(EventCurveRecipe.curve(times, raw, 0.25), EventCurveRecipe.curve(times, raw, 0.25));
    }

    private static int argMax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
