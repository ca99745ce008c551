package org.v2mzero.host.score;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.v2mzero.protocol.CurveAnalysis;

/**
 * The one line that tells the user a video decoded only part way, so a curve (and a cue) that stops early
 * is never mistaken for the picture going still: e.g. {@code clip.mp4: decoded only 0:00-0:12.40 of 0:24.00
 * (file truncated or damaged); the curve stops there}. Without the {@code "v2m: warning: "} prefix, which
 * whoever prints it adds.
 */
public final class PartialAnalysisWarning {
    private PartialAnalysisWarning() {}

    /** The warning for {@code analysis}, or empty when it is complete. */
    public static Optional<String> of(CurveAnalysis analysis) {
        if (!analysis.partial()) {
            return Optional.empty();
        }
        Path name = Path.of(analysis.source()).getFileName();
        return Optional.of(String.format(Locale.ROOT,
                "%s: decoded only 0:00-%s of %s (file truncated or damaged); the curve stops there",
                name == null ? analysis.source() : name, clock(analysis.decodedUntil()), clock(analysis.duration())));
    }

    /** {@code m:ss.cc}, as a DAW's clock reads: 24.0 is {@code 0:24.00}, 75.5 is {@code 1:15.50}. */
    static String clock(double seconds) {
        long centis = Math.round(seconds * 100);
        return String.format(Locale.ROOT, "%d:%02d.%02d", centis / 6000, centis / 100 % 60, centis % 100);
    }
}
