package org.v2mzero.models.curve;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleConsumer;
import org.v2mzero.models.video.MidStreamDecodeException;
import org.v2mzero.models.video.VideoDecoder;
import org.v2mzero.models.video.VideoInfo;
import org.v2mzero.protocol.BadInputException;
import org.v2mzero.protocol.CurveAnalysis;
import org.v2mzero.protocol.EventCurve;
import org.v2mzero.protocol.Hit;
import org.v2mzero.protocol.Section;

/**
 * Video file → {@link CurveAnalysis}: decodes every frame ({@link VideoDecoder}), computes its
 * features (by default {@link FrameFeatures} of a thumbnail; any {@link VideoFeatures} on request),
 * raw {@link Novelty} between consecutive frames, the event curve
 * ({@link EventCurveRecipe}), its hits ({@link HitPicker}), the hard cuts ({@link CutDetector}) and the
 * sections ({@link SectionFinder}).
 *
 * <p>Streaming: only the previous frame's features are kept, so memory grows with a frame's time and
 * novelty (16 bytes, and the same again while the curve is computed), not one thumbnail: a 20-minute clip
 * analyses in the same 16 MB heap as a 2-minute one ({@code CurveMemoryTest}). Deterministic: the same file and settings give the same numbers.
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
     * @throws IOException       when reading fails
     */
    public CurveAnalysis analyze(Path video, DoubleConsumer progress) throws IOException {
        return analyze(video, new ThumbnailVideoFeatures(thumbWidth), progress);
    }

    /**
     * Analyses a video file with other features than the default thumbnails (an image encoder); the
     * rest of the recipe and of these settings applies unchanged, {@code thumbWidth} aside.
     *
     * <p>A file that decodes only part way gives the analysis of what decoded, marked
     * {@link CurveAnalysis#partial() partial}: when decoding fails after at least 2 frames, and when it
     * ends normally but well short of the length the container declares (a file cut after its index).
     * Damaged picture that FFmpeg skipped before going on is listed in {@link CurveAnalysis#damaged()}
     * ({@link DamageFinder}); the curve bridges it.
     *
     * @param features where each frame's feature vector comes from
     * @param progress as {@link #analyze(Path, DoubleConsumer)}
     * @throws BadInputException naming the file when it cannot be decoded or has fewer than 2 frames
     * @throws IOException       when encoding fails mid-stream
     */
    public CurveAnalysis analyze(Path video, VideoFeatures features, DoubleConsumer progress) throws IOException {
        Novelties n;
        VideoInfo info;
        try (VideoFeatures.Reader reader = features.open(video)) {
            info = reader.info();
            n = decode(reader, progress);
        }
        if (n.frames < 2) {
            if (n.failure != null) {
                throw n.failure; // it names the file and where decoding stopped
            }
            throw new BadInputException(video + ": " + n.frames + " decodable video frame(s) (expected: >= 2)");
        }
        double[] times = Arrays.copyOf(n.times, n.transitions);
        double[] raw = Arrays.copyOf(n.raw, n.transitions);
        EventCurve curve = EventCurveRecipe.curve(times, raw, smoothSeconds);
        List<Hit> hits = hitPicker.pick(curve);
        List<Section> damaged = DamageFinder.find(n.firstFrameTime, times, n.transitions, info.declaredFrames());
        List<Double> cuts = withoutJumpsAcross(damaged, cutDetector.detect(times, raw));
        double duration = duration(info, n);
        // Whole microseconds, as the frames' own timestamps are: no 10.000000000000002 in the JSON.
        double decodedUntil = Math.min(duration, Math.rint((n.lastFrameTime + n.lastGap()) * 1e6) / 1e6);
        boolean partial = n.failure != null || cutShort(info, n);
        progress.accept(1.0);
        return new CurveAnalysis(video.toString(), duration, n.frames, curve, hits, cuts,
                sectionFinder.find(curve, duration, cuts), partial, partial ? decodedUntil : null, damaged);
    }

    /**
     * Whether decoding ended normally but short of the length the container declares: a file cut after
     * its index was written (a faststart MP4, Matroska) decodes to its end without a word. The last frame
     * normally starts one frame period before the end; two periods leave room for rounding and a
     * slightly longer last frame. The video stream's own length is preferred where declared, because
     * the container's duration also covers a soundtrack that runs on past the picture.
     */
    private static boolean cutShort(VideoInfo info, Novelties n) {
        double declared = Double.isFinite(info.videoEndSeconds()) ? info.videoEndSeconds() : info.durationSeconds();
        return declared > 0 && Double.isFinite(declared) && n.lastFrameTime + 2 * n.lastGap() < declared;
    }

    /**
     * The cuts, less any at the first frame after a damaged span: that frame is compared with one seconds
     * before it, so its jump says the picture was missing, not that the shot changed.
     */
    private static List<Double> withoutJumpsAcross(List<Section> damaged, List<Double> cuts) {
        return cuts.stream().filter(c -> damaged.stream().noneMatch(s -> Math.abs(c - s.end()) < 1e-6)).toList();
    }

    /** Raw novelty per transition, at the time of the frame after it (see {@link EventCurveRecipe}). */
    private static final class Novelties {
        double[] times = new double[1024];
        double[] raw = new double[1024];
        int transitions;
        int frames;
        double firstFrameTime;
        double lastFrameTime;
        double previousFrameTime;
        /** Why decoding stopped part way; {@code null} when it reached the end of the stream. */
        MidStreamDecodeException failure;

        /** The gap before the last frame: the best guess at how long the last frame lasts. */
        double lastGap() {
            return lastFrameTime - previousFrameTime;
        }

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
        for (VideoFeatures.Frame frame = next(reader, n); frame != null; frame = next(reader, n)) {
            double[] features = frame.features();
            n.frames++;
            if (previous != null) {
                n.add(frame.timeSeconds(), Novelty.cosineDistance(previous, features));
            } else {
                n.firstFrameTime = frame.timeSeconds();
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

    /**
     * The reader's next frame, or {@code null} at the end or when decoding fails part way: the frames
     * before a damaged stretch are real picture, so the curve keeps them ({@code n.failure} says why it
     * stopped) rather than the whole analysis being lost.
     */
    private static VideoFeatures.Frame next(VideoFeatures.Reader reader, Novelties n) throws IOException {
        try {
            return reader.next();
        } catch (MidStreamDecodeException e) {
            n.failure = e;
            return null;
        }
    }

    /** The container's duration; when it has none, the last frame's end (its time plus the last gap). */
    private static double duration(VideoInfo info, Novelties n) {
        double container = info.durationSeconds();
        if (container > 0 && Double.isFinite(container)) {
            return container;
        }
        return n.lastFrameTime + n.lastGap();
    }
}
