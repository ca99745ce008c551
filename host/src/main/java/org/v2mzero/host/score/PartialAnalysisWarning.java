package org.v2mzero.host.score;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.v2mzero.protocol.CurveAnalysis;

/**
 * The one line that tells the user a video decoded only part way, so a curve (and a cue) that stops early
 * is never mistaken for the picture going still: e.g. {@code clip.mp4: decoded only 0:00-0:12.40 of 0:24.00
 * (file truncated or damaged); the curve stops there}. And the one line for damaged picture skipped inside
 * it ({@link #damaged}), so a stretch the curve merely bridges is not taken for calm picture. Without the
 * {@code "v2m: warning: "} prefix, which whoever prints it adds.
 */
public final class PartialAnalysisWarning {
    private PartialAnalysisWarning() {}

    /** The warning for {@code analysis}, or empty when it is complete. */
    public static Optional<String> of(CurveAnalysis analysis) {
        if (!analysis.partial()) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT,
                "%s: decoded only 0:00-%s of %s (file truncated or damaged); the curve stops there",
                name(analysis), clock(analysis.decodedUntil()), clock(analysis.duration())));
    }

    /**
     * The warning for the damaged spans of {@code analysis}, on its own clock, or empty when there are none:
     * e.g. {@code clip.mp4: damaged picture skipped at 0:09.44-0:12.04; the curve bridges it}.
     */
    public static Optional<String> damaged(CurveAnalysis analysis) {
        if (analysis.damaged().isEmpty()) {
            return Optional.empty();
        }
        String spans = analysis.damaged().stream().map(s -> clock(s.start()) + "-" + clock(s.end()))
                .collect(Collectors.joining(", "));
        return Optional.of(String.format(Locale.ROOT, "%s: damaged picture skipped at %s; the curve bridges %s",
                name(analysis), spans, analysis.damaged().size() == 1 ? "it" : "them"));
    }

    private static Object name(CurveAnalysis analysis) {
        Path name = Path.of(analysis.source()).getFileName();
        return name == null ? analysis.source() : name;
    }

    /** {@code m:ss.cc}, as a DAW's clock reads: 24.0 is {@code 0:24.00}, 75.5 is {@code 1:15.50}. */
    static String clock(double seconds) {
        long centis = Math.round(seconds * 100);
        return String.format(Locale.ROOT, "%d:%02d.%02d", centis / 6000, centis / 100 % 60, centis % 100);
    }
}
