package org.v2mzero.models.curve;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleConsumer;
import org.v2mzero.models.video.VideoDecoder;
import org.v2mzero.models.video.VideoInfo;
import org.v2mzero.protocol.BadInputException;
import org.v2mzero.protocol.CurveAnalysis;
import org.v2mzero.protocol.EventCurve;
import org.v2mzero.protocol.Hit;

/**
 * Video file → {@link CurveAnalysis}: decodes every frame ({@link VideoDecoder}), computes its
 * features (by default {@link FrameFeatures} of a thumbnail; any {@link VideoFeatures} on request),
 * raw {@link Novelty} between consecutive frames, the event curve
 * ({@link EventCurveRecipe}), its hits ({@link HitPicker}), the hard cuts ({@link CutDetector}) and the
 * sections ({@link SectionFinder}).
 *
 * <p>Streaming: only the previous frame's features are kept, so memory grows with one double per
 * frame, not one thumbnail. Deterministic: the same file and settings give the same numbers.
 * Immutable; {@link #analyze} may run on any thread, several at once on different files.
 *
 * @param thumbWidth    thumbnail width in pixels of the default features ({@link VideoDecoder#DEFAULT_THUMB_WIDTH})
 * @param smoothSeconds Hann window of the curve in seconds
 * @param hitPicker     how hits are picked from the curve
 * @param cutDetector   how cuts are found in the raw novelty
 * @param sectionFinder how the clip is split into sections from its cuts and curve
 */
public record VideoCurveAnalyzer(int thumbWidth, double smoothSeconds, HitPicker hitPicker, CutDetector cutDetector,
        SectionFinder sectionFinder) {
    /** The project's default settings. */
    public static final VideoCurveAnalyzer DEFAULT = new VideoCurveAnalyzer(VideoDecoder.DEFAULT_THUMB_WIDTH,
            EventCurveRecipe.DEFAULT_SMOOTH_SECONDS, HitPicker.DEFAULT, CutDetector.DEFAULT, SectionFinder.VIDEO);

    public VideoCurveAnalyzer {
        if (thumbWidth < 2) {
            throw new IllegalArgumentException("thumbWidth : " + thumbWidth + " (expected: >= 2)");
        }
        if (!(smoothSeconds >= 0) || !Double.isFinite(smoothSeconds)) {
            throw new IllegalArgumentException("smoothSeconds : " + smoothSeconds + " (expected: >= 0)");
        }
        if (hitPicker == null || cutDetector == null || sectionFinder == null) {
            throw new IllegalArgumentException("hitPicker, cutDetector and sectionFinder are required");
        }
    }

    /** {@link #analyze(Path, DoubleConsumer)} without progress. */
    public CurveAnalysis analyze(Path video) throws IOException {
        return analyze(video, fraction -> { });
    }

    /**
     * Analyses a video file.
     *
     * @param progress called on the calling thread with the fraction done (0..1, by presentation
     *                 time), at most about a hundred times, and with 1.0 at the end
     * @throws BadInputException naming the file when it cannot be decoded or has fewer than 2 frames
     * @throws IOException       when decoding fails mid-stream
     */
    public CurveAnalysis analyze(Path video, DoubleConsumer progress) throws IOException {
        return analyze(video, new ThumbnailVideoFeatures(thumbWidth), progress);
    }

    /**
     * Analyses a video file with other features than the default thumbnails (an image encoder); the
     * rest of the recipe and of these settings applies unchanged, {@code thumbWidth} aside.
     *
     * @param features where each frame's feature vector comes from
     * @param progress as {@link #analyze(Path, DoubleConsumer)}
     * @throws BadInputException naming the file when it cannot be decoded or has fewer than 2 frames
     * @throws IOException       when decoding or encoding fails mid-stream
     */
    public CurveAnalysis analyze(Path video, VideoFeatures features, DoubleConsumer progress) throws IOException {
        Novelties n;
        VideoInfo info;
        try (VideoFeatures.Reader reader = features.open(video)) {
            info = reader.info();
            n = decode(reader, progress);
        }
        if (n.frames < 2) {
            throw new BadInputException(video + ": " + n.frames + " decodable video frame(s) (expected: >= 2)");
        }
        double[] times = Arrays.copyOf(n.times, n.transitions);
        double[] raw = Arrays.copyOf(n.raw, n.transitions);
        EventCurve curve = EventCurveRecipe.curve(times, raw, smoothSeconds);
        List<Hit> hits = hitPicker.pick(curve);
        List<Double> cuts = cutDetector.detect(times, raw);
        double duration = duration(info, n);
        progress.accept(1.0);
        return new CurveAnalysis(video.toString(), duration, n.frames, curve, hits, cuts,
                sectionFinder.find(curve, duration, cuts));
    }

    /** Raw novelty per transition, at the time of the frame after it (see {@link EventCurveRecipe}). */
    private static final class Novelties {
        double[] times = new double[1024];
        double[] raw = new double[1024];
        int transitions;
        int frames;
        double lastFrameTime;
        double previousFrameTime;

        void add(double time, double value) {
            if (transitions == times.length) {
                times = Arrays.copyOf(times, times.length * 2);
                raw = Arrays.copyOf(raw, raw.length * 2);
            }
            times[transitions] = time;
            raw[transitions] = value;
            transitions++;
        }
    }

    private static Novelties decode(VideoFeatures.Reader reader, DoubleConsumer progress) throws IOException {
        Novelties n = new Novelties();
        double duration = reader.info().durationSeconds();
        double reported = 0;
        double[] previous = null;
        for (VideoFeatures.Frame frame = reader.next(); frame != null; frame = reader.next()) {
            double[] features = frame.features();
            n.frames++;
            if (previous != null) {
                n.add(frame.timeSeconds(), Novelty.cosineDistance(previous, features));
            }
            previous = features;
            n.previousFrameTime = n.lastFrameTime;
            n.lastFrameTime = frame.timeSeconds();
            double fraction = Double.isNaN(duration) ? 0 : Math.min(1, frame.timeSeconds() / duration);
            if (fraction - reported >= 0.01) {
                reported = fraction;
                progress.accept(fraction);
            }
        }
        return n;
    }

    /** The container's duration; when it has none, the last frame's end (its time plus the last gap). */
    private static double duration(VideoInfo info, Novelties n) {
        double container = info.durationSeconds();
        if (container > 0 && Double.isFinite(container)) {
            return container;
        }
        return n.lastFrameTime + (n.lastFrameTime - n.previousFrameTime);
    }
}
