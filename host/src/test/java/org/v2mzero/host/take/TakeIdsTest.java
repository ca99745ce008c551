package org.v2mzero.host.take;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class TakeIdsTest {
    private static final ZonedDateTime AT = ZonedDateTime.of(2026, 11, 26, 15, 4, 5, 0, ZoneId.of("Europe/Paris"));

    @Test
    void readableSortableAndInUtc() {
        assertEquals("testvideo-20261126-140405-s7", TakeIds.of("testvideo.mp4", AT, 7));
    }

    @Test
    void unsafeCharactersBecomeUnderscores() {
        assertEquals("Reel_1_final_-20261126-140405-s1", TakeIds.of("Reel 1 (final).mov", AT, 1));
        assertEquals("take-20261126-140405-s1", TakeIds.of("...", AT, 1));
    }
}
