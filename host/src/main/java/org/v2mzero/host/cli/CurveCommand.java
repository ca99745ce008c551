package org.v2mzero.host.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.v2mzero.host.report.CurvePlot;
import org.v2mzero.models.curve.VideoCurveAnalyzer;
import org.v2mzero.models.music.MusicAnalysis;
import org.v2mzero.models.music.MusicCurveAnalyzer;
import org.v2mzero.models.video.NoVideoStreamException;
import org.v2mzero.protocol.AtomicFiles;
import org.v2mzero.protocol.CurveAnalysis;
import org.v2mzero.protocol.EventCurve;
import org.v2mzero.protocol.Hit;
import org.v2mzero.protocol.Json;
import org.v2mzero.protocol.Section;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code v2m curve VIDEO|AUDIO --json FILE [--png FILE]}: the event curve, hits, cuts and sections of a video; a
 * file without a video stream gets the music curve of its audio (same recipe, no cuts) and, after the
 * curve's fields, {@code "tempo"} (bpm, {@code null} when no pulse was found) and {@code "beats"} (seconds)
 * from {@link MusicCurveAnalyzer}. A video's JSON is {@link CurveAnalysis} exactly, as before.
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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        MusicAnalysis music = null;
        CurveAnalysis analysis;
        try {
            analysis = VideoCurveAnalyzer.DEFAULT.analyze(video);
        } catch (NoVideoStreamException e) {
            music = MusicCurveAnalyzer.DEFAULT.analyze(video);
            analysis = music.curve();
        }
        AtomicFiles.write(json, Json.writeBytes(music == null ? analysis : AudioCurve.of(music)));
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
}
