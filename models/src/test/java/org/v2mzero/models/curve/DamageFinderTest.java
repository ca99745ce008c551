package org.v2mzero.models.curve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.v2mzero.protocol.Section;

class DamageFinderTest {
    /** Frame times at 25 fps from 0, without the frames in {@code [skipFrom, skipTo)}; the first is left out. */
    private static double[] later(int frames, int skipFrom, int skipTo) {
        return IntStream.range(1, frames).filter(i -> i < skipFrom || i >= skipTo)
                .mapToDouble(i -> i / 25.0).toArray();
    }

    @Test
    void aHoleOfManyPeriodsIsOneSpanFromTheEndOfTheFrameBeforeToTheFrameAfter() {
        double[] t = later(100, 40, 65);

        assertEquals(List.of(new Section(1.6, 2.6)), DamageFinder.find(0, t, t.length, 0));
    }

    @Test
    void droppedFramesOfVariableFrameRateVideoAreNotDamage() {
        double[] t = later(100, 40, 42); // a gap of 3 periods: at the limit, not over it
        double[] vfr = IntStream.range(1, 100).mapToDouble(i -> i / 25.0 + (i > 50 ? i - 50 : 0) / 25.0)
                .toArray(); // every gap after frame 50 is 2 periods

        assertEquals(List.of(), DamageFinder.find(0, t, t.length, 0));
        assertEquals(List.of(), DamageFinder.find(0, vfr, vfr.length, 0));
    }

    @Test
    void whenEveryFrameTheContainerListsDecodedAGapIsTheFilesOwnTiming() {
        double[] t = later(100, 40, 65); // 75 frames: a screen recording that held a picture for a second

        assertEquals(List.of(), DamageFinder.find(0, t, t.length, 75));
        assertEquals(1, DamageFinder.find(0, t, t.length, 100).size(), "25 listed frames did not decode");
    }
}
