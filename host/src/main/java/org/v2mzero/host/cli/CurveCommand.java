package org.v2mzero.host.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.v2mzero.host.report.CurvePlot;
import org.v2mzero.models.curve.VideoCurveAnalyzer;
import org.v2mzero.models.music.MusicCurveAnalyzer;
import org.v2mzero.models.video.NoVideoStreamException;
import org.v2mzero.protocol.AtomicFiles;
import org.v2mzero.protocol.CurveAnalysis;
import org.v2mzero.protocol.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code v2m curve VIDEO|AUDIO --json FILE [--png FILE]}: the event curve, hits, cuts and sections of a video; a
 * file without a video stream gets the music curve of its audio (same recipe, no cuts).
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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CurveAnalysis analysis = analyze(video);
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
}
