package org.v2mzero.protocol;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * Everything the analysis of one source yields: its event curve and the views derived from it.
 * This is the {@code curve.json} of a take and the output of {@code v2m curve}.
 *
 * @param source   the analysed file, as the user named it
 * @param duration seconds, as the container reports it (or the last frame's end)
 * @param frames   number of decoded frames (video) or feature frames (audio)
 * @param curve    the z-scored, smoothed event curve on the source's own frame times
 * @param hits     peaks of the curve, strongest first
 * @param cuts     hard shot boundaries in seconds (time of the first frame of the new shot), ascending
 */
@JsonPropertyOrder({"source", "duration", "frames", "curve", "hits", "cuts"})
public record CurveAnalysis(
        String source, double duration, int frames, EventCurve curve, List<Hit> hits, List<Double> cuts) {
    public CurveAnalysis {
        if (!(duration > 0) || !Double.isFinite(duration)) {
            throw new IllegalArgumentException("duration : " + duration + " (expected: > 0)");
        }
        if (frames < 0) {
            throw new IllegalArgumentException("frames : " + frames + " (expected: >= 0)");
        }
        hits = List.copyOf(hits);
        cuts = List.copyOf(cuts);
    }
}
