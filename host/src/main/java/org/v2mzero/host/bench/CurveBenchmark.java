package org.v2mzero.host.bench;

import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalDouble;
import org.v2mzero.models.curve.VideoCurveAnalyzer;
import org.v2mzero.protocol.CurveAnalysis;

/**
 * Event-curve extraction speed: frames per second and times real time, and the ratio to ffmpeg
 * decoding the same file in the same run (metrics.md, "Speed"). One untimed warm-up run of each
 * first, so JIT compilation and the page cache treat both alike.
 */
public final class CurveBenchmark {
    private CurveBenchmark() {}

    /**
     * @param analysisSeconds  median wall seconds of one full analysis
     * @param ffmpegSeconds    median wall seconds of {@code ffmpeg -i FILE -f null -}, empty without ffmpeg
     */
    public record Result(Path video, int runs, int frames, double durationSeconds, double analysisSeconds,
            OptionalDouble ffmpegSeconds) {

        public double framesPerSecond() {
            return frames / analysisSeconds;
        }

        public double timesRealTime() {
            return durationSeconds / analysisSeconds;
        }

        /** ffmpeg's time over ours: above 1 means the analysis is faster than ffmpeg's bare decode. */
        public OptionalDouble ratioToFfmpeg() {
            return ffmpegSeconds.isPresent() ? OptionalDouble.of(ffmpegSeconds.getAsDouble() / analysisSeconds)
                    : OptionalDouble.empty();
        }

        public String report() {
            StringBuilder s = new StringBuilder();
            s.append(String.format(Locale.ROOT, "video      %s (%.2f s, %d frames), median of %d runs, %d cores%n",
                    video.getFileName(), durationSeconds, frames, runs, Runtime.getRuntime().availableProcessors()));
            s.append(String.format(Locale.ROOT, "v2m curve  %.3f s  %.0f frames/s  %.1fx real time%n",
                    analysisSeconds, framesPerSecond(), timesRealTime()));
            if (ffmpegSeconds.isPresent()) {
                s.append(String.format(Locale.ROOT, "ffmpeg     %.3f s  (-i FILE -f null -)%n", ffmpegSeconds.getAsDouble()));
                s.append(String.format(Locale.ROOT, "ratio      %.2f (ffmpeg time / v2m time)%n", ratioToFfmpeg().getAsDouble()));
            } else {
                s.append("ffmpeg     not installed: no reference, no ratio (Debian: apt install ffmpeg)\n");
            }
            return s.toString();
        }
    }

    public static Result run(Path video, int runs) throws Exception {
        CurveAnalysis[] last = new CurveAnalysis[1];
        VideoCurveAnalyzer.DEFAULT.analyze(video);
        double analysis = Stopwatch.medianSeconds(runs, () -> last[0] = VideoCurveAnalyzer.DEFAULT.analyze(video));
        OptionalDouble reference = OptionalDouble.empty();
        var ffmpeg = FfmpegReference.find();
        if (ffmpeg.isPresent()) {
            FfmpegReference.decode(ffmpeg.get(), video);
            reference = OptionalDouble.of(Stopwatch.medianSeconds(runs,
                    () -> FfmpegReference.decode(ffmpeg.get(), video)));
        }
        return new Result(video, runs, last[0].frames(), last[0].duration(), analysis, reference);
    }
}
