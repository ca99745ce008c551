package org.v2mzero.host.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.v2mzero.protocol.TempoMap;

class BarLinesTest {
    /** 100 bpm (2.4 s bars) to bar 5, then 120 bpm (2 s bars): the composer's section tempo change. */
    private static final TempoMap SECTIONS = new TempoMap(4,
            List.of(new TempoMap.Change(0, 0, 100), new TempoMap.Change(16, 9.6, 120)));

    @Test
    void barLinesFollowEachSectionsTempo() {
        assertEquals(2.4, BarLines.atOrAfter(SECTIONS, 1.0), 1e-9);
        assertEquals(7.2, BarLines.atOrAfter(SECTIONS, 7.2), 1e-9);
        // The change itself is a bar line, and after it the bars are 2 s long.
        assertEquals(9.6, BarLines.atOrAfter(SECTIONS, 8.0), 1e-9);
        assertEquals(11.6, BarLines.atOrAfter(SECTIONS, 9.7), 1e-9);
        assertEquals(15.6, BarLines.atOrAfter(SECTIONS, 13.7), 1e-9);
    }
}
