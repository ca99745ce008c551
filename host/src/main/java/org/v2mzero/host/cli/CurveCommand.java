package org.v2mzero.host.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.v2mzero.host.report.CurvePlot;
import org.v2mzero.host.score.PartialAnalysisWarning;
import org.v2mzero.models.curve.VideoCurveAnalyzer;
import org.v2mzero.models.encoder.ImageEncoderManifest;
import org.v2mzero.models.encoder.OnnxImageEncoder;
import org.v2mzero.models.encoder.OnnxVideoFeatures;
import org.v2mzero.models.music.MusicAnalysis;
import org.v2mzero.models.music.MusicCurveAnalyzer;
import org.v2mzero.models.video.NoVideoStreamException;
import org.v2mzero.protocol.AtomicFiles;
import org.v2mzero.protocol.BadInputException;
import org.v2mzero.protocol.CurveAnalysis;
import org.v2mzero.protocol.EventCurve;
import org.v2mzero.protocol.Hit;
import org.v2mzero.protocol.Json;
import org.v2mzero.protocol.Section;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code v2m curve VIDEO|AUDIO --json FILE [--png FILE] [--encoder MANIFEST]}: the event curve, hits, cuts and
 * sections of a video; a file without a video stream gets the music curve of its audio (same recipe, no cuts)
 * and, after the curve's fields, {@code "tempo"} (bpm, {@code null} when no pulse was found) and
 * {@code "beats"} (seconds) from {@link MusicCurveAnalyzer}. A video's JSON is {@link CurveAnalysis} exactly.
 * {@code --encoder} swaps the hand-made video features for an ONNX image encoder.
 */
@Command(name = "curve", mixinStandardHelpOptions = true,
        description = "Write a video's (or audio's) event curve, hits, hard cuts and sections as JSON;"
                + " for audio also its tempo and beats.")
final class CurveCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "VIDEO|AUDIO", description = "the video (or audio) to analyse")
    Path video;

    @Option(names = "--json", paramLabel = "FILE", required = true,
            description = "where to write the curve (written whole or not at all)")
    Path json;

    @Option(names = "--png", paramLabel = "FILE",
            description = "also draw the curve, its cuts and hits on a timecode axis, as PNG")
    Path png;

    @Option(names = "--encoder", paramLabel = "MANIFEST",
            description = {"video features from an ONNX image encoder instead of the hand-made default. MANIFEST is"
                    + " JSON: model (a path beside it), input, width, height, channels (1|3), mean and std (per"
                    + " channel, on 0..1 pixels), output, pooling (none|mean|cls), layout (NCHW, optional).",
                "The default stays the hand-made features (mean-removed luma thumbnails): no encoder weights ship"
                    + " with v2m, and they find cuts and motion at a fraction of an encoder's cost. Whoever has the"
                    + " ONNX export of a DINOv2-class encoder (the paper's choice) plugs it in here; novelty,"
                    + " z-score, smoothing and cut finding stay the same. Video only."})
    Path encoder;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        MusicAnalysis music = null;
        CurveAnalysis analysis;
        if (encoder != null) {
            analysis = analyzeWithEncoder(video, encoder);
        } else {
            try {
                analysis = VideoCurveAnalyzer.DEFAULT.analyze(video);
            } catch (NoVideoStreamException e) {
                music = MusicCurveAnalyzer.DEFAULT.analyze(video);
                analysis = music.curve();
            }
        }
        AtomicFiles.write(json, Json.writeBytes(music == null ? analysis : AudioCurve.of(music)));
        PartialAnalysisWarning.of(analysis).ifPresent(w -> spec.commandLine().getErr().println("v2m: warning: " + w));
        PartialAnalysisWarning.damaged(analysis)
                .ifPresent(w -> spec.commandLine().getErr().println("v2m: warning: " + w));
        if (png != null) {
            CurvePlot.write(analysis, png);
        }
        String pulse = music == null ? "" : String.format(Locale.ROOT, ", %s, %d beats",
                Double.isNaN(music.bpm()) ? "no tempo" : String.format(Locale.ROOT, "%.1f bpm", music.bpm()),
                music.beats().size());
        spec.commandLine().getOut().printf(Locale.ROOT, "%s: %.2f s, %d frames, %d hits, %d cuts%s -> %s%n",
                video.getFileName(), analysis.duration(), analysis.frames(), analysis.hits().size(),
                analysis.cuts().size(), pulse, json);
        return 0;
    }

    /**
     * The JSON of an audio input: {@link CurveAnalysis}'s fields, then the tempo and the beats.
     *
     * @param tempo bpm, {@code null} when no pulse was found (JSON has no NaN)
     * @param beats beat times, seconds, ascending
     */
    @JsonPropertyOrder({"source", "duration", "frames", "curve", "hits", "cuts", "sections", "tempo", "beats"})
    record AudioCurve(String source, double duration, int frames, EventCurve curve, List<Hit> hits,
            List<Double> cuts, List<Section> sections, Double tempo, List<Double> beats) {
        static AudioCurve of(MusicAnalysis music) {
            CurveAnalysis c = music.curve();
            return new AudioCurve(c.source(), c.duration(), c.frames(), c.curve(), c.hits(), c.cuts(), c.sections(),
                    Double.isNaN(music.bpm()) ? null : music.bpm(), music.beats());
        }
    }

    /** A video's curve from the encoder's features; an encoder has nothing to say about audio. */
    private static CurveAnalysis analyzeWithEncoder(Path file, Path manifest) throws IOException {
        try (OnnxImageEncoder onnx = OnnxImageEncoder.load(ImageEncoderManifest.read(manifest))) {
            return VideoCurveAnalyzer.DEFAULT.analyze(file, new OnnxVideoFeatures(onnx), fraction -> { });
        } catch (NoVideoStreamException e) {
            throw new BadInputException(e.getMessage() + " (--encoder " + manifest.getFileName()
                    + " reads video only: leave it out for the music curve)", e);
        }
    }
}
