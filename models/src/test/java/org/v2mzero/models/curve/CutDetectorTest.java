package org.v2mzero.models.curve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CutDetectorTest {
    private static double[] times(int n) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = (i + 1) / 25.0; // transition i ends at frame i + 1
        }
        return t;
    }

    private static double[] base(int n, double level) {
        double[] raw = new double[n];
        java.util.Arrays.fill(raw, level);
        return raw;
    }

    @Test
    void singleLargeSpikeIsACutAtTheNewShotsFirstFrame() {
        double[] raw = base(40, 0.01);
        raw[19] = 0.8;
        assertEquals(List.of(20 / 25.0), CutDetector.DEFAULT.detect(times(40), raw));
    }

    @Test
    void fadeSpreadOverManyFramesIsNotACut() {
        double[] raw = base(60, 0.005);
        for (int i = 20; i < 45; i++) {
            raw[i] = 0.04; // 25 frames of gradual change
        }
        assertEquals(List.of(), CutDetector.DEFAULT.detect(times(60), raw));
    }

    @Test
    void motionSpikeWithLargeNeighboursIsNotACut() {
        // Measured shape of the falling bird in Big Buck Bunny (about 20.75 s).
        double[] raw = base(40, 0.1);
        raw[18] = 0.155;
        raw[19] = 0.437;
        raw[20] = 0.280;
        assertEquals(List.of(), CutDetector.DEFAULT.detect(times(40), raw));
    }

    @Test
    void spikeInBusyNeighbourhoodMustStandOut() {
        double[] raw = base(40, 0.12);
        raw[19] = 0.4; // above minNovelty, but only 3.3x the local median
        assertEquals(List.of(), CutDetector.DEFAULT.detect(times(40), raw));
        raw[19] = 0.6; // 5x: a cut between two busy shots
        assertEquals(List.of(20 / 25.0), CutDetector.DEFAULT.detect(times(40), raw));
    }

    @Test
    void smallSpikeOnStillPictureIsNotACut() {
        double[] raw = base(40, 0.0);
        raw[10] = 0.1; // a flicker: huge ratio, small change
        assertEquals(List.of(), CutDetector.DEFAULT.detect(times(40), raw));
    }

    @Test
    void rejectsBadParameters() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CutDetector(0.3, 0.5, 6));
        assertEquals("minRatio : 0.5 (expected: >= 1)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CutDetector(0, 4, 6));
        assertThrows(IllegalArgumentException.class, () -> new CutDetector(0.3, 4, 0));
    }
}
