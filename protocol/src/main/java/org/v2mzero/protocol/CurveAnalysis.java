package org.v2mzero.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
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
 * @param sections the parts of the source, ascending and not overlapping; {@code null} (a
 *                 {@code curve.json} written before sections existed) reads as none
 * @param partial      the source decoded only part way (a cut-short or damaged file): the curve, hits,
 *                     cuts and sections stop at {@code decodedUntil}, not at {@code duration}. Left out of
 *                     the JSON when false, so a complete analysis reads and writes as before it existed
 * @param decodedUntil seconds, where the decoded picture ends (the last frame's end) when {@code partial};
 *                     {@code null} when complete, and then left out of the JSON
 * @param damaged      stretches inside the decoded part where damaged picture was skipped (the decoder dropped
 *                     frames and went on): the curve bridges each one from the frame before to the frame after.
 *                     Ascending, not overlapping; left out of the JSON when empty, {@code null} reads as none
 */
@JsonPropertyOrder({"source", "duration", "frames", "curve", "hits", "cuts", "sections", "partial", "decodedUntil",
        "damaged"})
public record CurveAnalysis(String source, double duration, int frames, EventCurve curve, List<Hit> hits,
        List<Double> cuts, List<Section> sections,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean partial,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double decodedUntil,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Section> damaged) {
    public CurveAnalysis {
        if (!(duration > 0) || !Double.isFinite(duration)) {
            throw new IllegalArgumentException("duration : " + duration + " (expected: > 0)");
        }
        if (frames < 0) {
            throw new IllegalArgumentException("frames : " + frames + " (expected: >= 0)");
        }
        if (partial != (decodedUntil != null)) {
            throw new IllegalArgumentException(
                    "decodedUntil : " + decodedUntil + " (expected: a time exactly when partial)");
        }
        if (decodedUntil != null && !(decodedUntil >= 0 && decodedUntil <= duration)) {
            throw new IllegalArgumentException(
                    "decodedUntil : " + decodedUntil + " (expected: 0 <= t <= " + duration + ")");
        }
        hits = List.copyOf(hits);
        cuts = List.copyOf(cuts);
        sections = sections == null ? List.of() : List.copyOf(sections);
        damaged = damaged == null ? List.of() : List.copyOf(damaged);
    }

    /** An analysis with no damaged stretch inside what decoded. */
    public CurveAnalysis(String source, double duration, int frames, EventCurve curve, List<Hit> hits,
            List<Double> cuts, List<Section> sections, boolean partial, Double decodedUntil) {
        this(source, duration, frames, curve, hits, cuts, sections, partial, decodedUntil, List.of());
    }

    /** A complete analysis: the whole source was decoded. */
    public CurveAnalysis(String source, double duration, int frames, EventCurve curve, List<Hit> hits,
            List<Double> cuts, List<Section> sections) {
        this(source, duration, frames, curve, hits, cuts, sections, false, null, List.of());
    }

    /**
     * The part of this analysis a DAW item shows: from {@code startSeconds} into the source, for
     * {@code lengthSeconds} (or to the end), with every time shifted so the window starts at 0. Values
     * keep the whole clip's z-scores, so a window's hits are as strong as they were in the clip.
     * {@code frames} becomes the number of curve samples inside the window; sections that overlap the
     * window are clipped to it. The window is partial when the decoded picture ends inside it.
     *
     * @param startSeconds  where the window starts in the source, 0 <= start < duration
     * @param lengthSeconds the window's length, > 0; clipped to the source's end
     */
    public CurveAnalysis window(double startSeconds, double lengthSeconds) {
        if (!(startSeconds >= 0 && startSeconds < duration)) {
            throw new IllegalArgumentException("startSeconds : " + startSeconds + " (expected: 0 <= start < " + duration + ")");
        }
        if (!(lengthSeconds > 0)) {
            throw new IllegalArgumentException("lengthSeconds : " + lengthSeconds + " (expected: > 0)");
        }
        double end = Math.min(duration, startSeconds + lengthSeconds);
        List<Double> times = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < curve.size(); i++) {
            if (curve.time(i) >= startSeconds && curve.time(i) < end) {
                times.add(curve.time(i) - startSeconds);
                values.add(curve.value(i));
            }
        }
        List<Hit> windowHits = hits.stream().filter(h -> h.time() >= startSeconds && h.time() < end)
                .map(h -> new Hit(h.time() - startSeconds, h.strength())).toList();
        List<Double> windowCuts = cuts.stream().filter(t -> t > startSeconds && t < end)
                .map(t -> t - startSeconds).toList();
        List<Section> windowSections = sections.stream().filter(s -> s.end() > startSeconds && s.start() < end)
                .map(s -> new Section(Math.max(0, s.start() - startSeconds), Math.min(end, s.end()) - startSeconds))
                .toList();
        List<Section> windowDamaged = damaged.stream().filter(s -> s.end() > startSeconds && s.start() < end)
                .map(s -> new Section(Math.max(0, s.start() - startSeconds), Math.min(end, s.end()) - startSeconds))
                .toList();
        EventCurve windowCurve = new EventCurve(times.stream().mapToDouble(Double::doubleValue).toArray(),
                values.stream().mapToDouble(Double::doubleValue).toArray());
        boolean windowPartial = partial && decodedUntil < end;
        return new CurveAnalysis(source, end - startSeconds, times.size(), windowCurve, windowHits, windowCuts,
                windowSections, windowPartial, windowPartial ? Math.max(0, decodedUntil - startSeconds) : null,
                windowDamaged);
    }

    /**
     * The same analysis played backwards, the control of ../shared/metrics.md: every time {@code t}
     * (curve samples, hits, cuts, section bounds) becomes {@code duration − t} (hits, cuts and section bounds
     * clamped at 0), with values and strengths kept. The curve stays strictly increasing in time, hits stay
     * strongest first, cuts and sections ascending.
     * A take composed from it has the same amount of picture activity, just not where the picture has it.
     * {@code partial} and {@code decodedUntil} are kept as they are: they describe how much of the source
     * was decoded, not where in time it now lies. {@code damaged} spans are mirrored like sections: the gap in
     * the picture moves with the picture.
     */
    public CurveAnalysis reversed() {
        int n = curve.size();
        double[] times = new double[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = duration - curve.time(n - 1 - i);
            values[i] = curve.value(n - 1 - i);
        }
        List<Hit> reversedHits = hits.stream().map(h -> new Hit(Math.max(0, duration - h.time()), h.strength())).toList();
        List<Double> reversedCuts = cuts.stream().map(t -> Math.max(0, duration - t)).sorted().toList();
        return new CurveAnalysis(source, duration, frames, new EventCurve(times, values), reversedHits, reversedCuts,
                mirrored(sections), partial, decodedUntil, mirrored(damaged));
    }

    /** Spans mirrored as {@link #reversed()} mirrors times: {@code [duration − end, duration − start]}, ascending. */
    private List<Section> mirrored(List<Section> spans) {
        List<Section> mirrored = new ArrayList<>();
        for (int i = spans.size() - 1; i >= 0; i--) {
            Section s = spans.get(i);
            double start = Math.max(0, duration - s.end());
            double end = duration - s.start();
            if (end > start) { // a span lying wholly past the duration has nothing left to mirror
                mirrored.add(new Section(start, end));
            }
        }
        return mirrored;
    }
}
