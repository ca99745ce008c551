package org.v2mzero.models.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.v2mzero.protocol.TempoMap;

class StopTimeTest {
    /** 100 bpm: a beat is 0.6 s. */
    private static final CuePlan PLAN = new CuePlan(TempoMap.constant(100, 4), 10, new Key(0, true),
            new double[] {0.5, 0.5, 0.5, 0.5, 0.5}, new int[][] {{0, 4, 7}, {5, 9, 0}, {7, 11, 2}, {0, 4, 7}, {0, 4, 7}});

    @Test
    void denseKitsBreatheAWholeBeatSparseOnesHalf() {
        DrumPattern trailer = Styles.ALL.stream().filter(s -> s.name().equals("trailer")).findFirst().orElseThrow().drums();
        DrumPattern synthwave = Styles.ALL.stream().filter(s -> s.name().equals("synthwave")).findFirst().orElseThrow()
                .drums();
        assertEquals(0.6, StopTime.breathSeconds(PLAN, trailer), 1e-9);
        assertEquals(0.6, StopTime.breathSeconds(PLAN, synthwave), 1e-9);
        assertEquals(0.3, StopTime.breathSeconds(PLAN, Styles.ORCHESTRAL.drums()), 1e-9);
        assertEquals(0.3, StopTime.breathSeconds(PLAN, null), 1e-9);
    }

    @Test
    void densityCountsStepsStruckByAnyVoice() {
        // Steps 0, 2, 4, 8, 12, 14: six of sixteen, though the three voices strike eight times.
        assertEquals(0.375, StopTime.density(new DrumPattern("x...x...........", "..x.....x.......", "....x...x...x.x.")),
                1e-9);
    }
}
