package org.v2mzero.host.take;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Take ids are folder names a person can read and sort: {@code <video>-<UTC date-time>-s<seed>},
 * e.g. {@code testvideo-20261126-141500-s1}.
 */
public final class TakeIds {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private TakeIds() {}

    public static String of(String sourceFileName, ZonedDateTime createdAt, long seed) {
        String base = sourceFileName.replaceFirst("\\.[^.]+$", "");
        String slug = base.replaceAll("[^A-Za-z0-9_-]+", "_");
        if (slug.isEmpty() || slug.equals("_")) {
            slug = "take";
        }
        return slug + "-" + STAMP.format(createdAt.withZoneSameInstant(ZoneOffset.UTC)) + "-s" + seed;
    }
}
