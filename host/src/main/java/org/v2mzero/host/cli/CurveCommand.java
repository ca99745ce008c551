package org.v2mzero.host.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.v2mzero.host.report.CurvePlot;
import org.v2mzero.models.curve.VideoCurveAnalyzer;
import org.v2mzero.models.encoder.ImageEncoderManifest;
import org.v2mzero.models.encoder.OnnxImageEncoder;
import org.v2mzero.models.encoder.OnnxVideoFeatures;
import org.v2mzero.models.music.MusicCurveAnalyzer;
import org.v2mzero.models.video.NoVideoStreamException;
import org.v2mzero.protocol.BadInputException;
import org.v2mzero.protocol.AtomicFiles;
import org.v2mzero.protocol.CurveAnalysis;
import org.v2mzero.protocol.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code v2m curve VIDEO|AUDIO --json FILE [--png FILE] [--encoder MANIFEST]}: the event curve, hits, cuts and
 * sections of a video; a file without a video stream gets the music curve of its audio (same recipe, no cuts).
 * {@code --encoder} swaps the hand-made video features for an ONNX image encoder.
 */
@Command(name = "curve", mixinStandardHelpOptions = true,
        description = "Write a video's (or audio's) event curve, hits, hard cuts and sections as JSON.")
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
        CurveAnalysis analysis = encoder == null ? analyze(video) : analyzeWithEncoder(video, encoder);
        AtomicFiles.write(json, Json.writeBytes(analysis));
        if (png != null) {
            CurvePlot.write(analysis, png);
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "%s: %.2f s, %d frames, %d hits, %d cuts -> %s%n",
                video.getFileName(), analysis.duration(), analysis.frames(), analysis.hits().size(),
                analysis.cuts().size(), json);
        return 0;
    }

    /** A video's curve; for a file without a video stream, the music curve of its audio. */
    private static CurveAnalysis analyze(Path file) throws IOException {
        try {
            return VideoCurveAnalyzer.DEFAULT.analyze(file);
        } catch (NoVideoStreamException e) {
            return MusicCurveAnalyzer.DEFAULT.analyze(file).curve();
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
