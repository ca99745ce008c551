package org.v2mzero.host.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.v2mzero.host.score.ControlTake;
import org.v2mzero.host.score.Generators;
import org.v2mzero.models.compose.Generator;
import org.v2mzero.models.curve.VideoCurveAnalyzer;
import org.v2mzero.models.metrics.HitDetail;
import org.v2mzero.models.metrics.SyncMetrics;
import org.v2mzero.models.metrics.SyncReport;
import org.v2mzero.models.music.AudioDecoder;
import org.v2mzero.models.music.MonoAudio;
import org.v2mzero.models.music.MusicAnalysis;
import org.v2mzero.models.music.MusicCurveAnalyzer;
import org.v2mzero.protocol.AtomicFiles;
import org.v2mzero.protocol.BadInputException;
import org.v2mzero.protocol.CurveAnalysis;
import org.v2mzero.protocol.EventCurve;
import org.v2mzero.protocol.Hit;
import org.v2mzero.protocol.Json;
import org.v2mzero.protocol.TakeManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code v2m evaluate TAKE_DIR|AUDIO (--video VIDEO | --cuts FILE) [--json FILE]}: the sync metrics
 * of ../shared/metrics.md. The music side is always analysed from audio (a take's {@code mix.wav}):
 * onsets and the music curve are what a listener hears, not what the score says.
 *
 * <p>The video hits {@code H}: {@code --cuts} lists them; else the cuts of the video curve (a take's
 * own {@code curve.json}, or {@code --video} analysed now), or that curve's hits when it has no cut.
 * Without a video curve (an AUDIO with {@code --cuts}) the curve correlation is not available.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Measure how well a take's music marks the video's hits (hit recall and accent,"
                + " BeatAlign, curve correlation, timing error).")
final class EvaluateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TAKE_DIR|AUDIO", description = "a take folder, or any audio file")
    Path input;

    @Option(names = "--video", paramLabel = "VIDEO", description = "the video whose cuts (or hits) and curve to use")
    Path video;

    @Option(names = "--cuts", paramLabel = "FILE", description = "the hits: one time in seconds per line, '#' comments")
    Path cuts;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the metrics as JSON (whole or not at all)")
    Path json;

    @Option(names = "--control", description = "also compose and render the take again from its time-reversed"
            + " curve (same prompt and seed), measure that against the same hits, and print each metric's ratio"
            + " (metrics.md's control), with the take's own generator; a take folder only")
    boolean control;

    @Option(names = "--frame-phases", paramLabel = "N", defaultValue = "1",
            description = "also measure hit accent at N phases of the music curve's analysis frames (the mix"
                    + " delayed by 1/N, 2/N ... of a hop, the hits with it) and print its range and each hit's"
                    + " lowest peak: a hit that passes at one phase and fails at another is marked by luck"
                    + " (default: 1, off)")
    int framePhases;

    @Option(names = "--model", paramLabel = "DIR",
            description = "with --control on a neural take: its model folder (default: the shipped model)")
    Path model;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (video != null && cuts != null) {
            throw new BadInputException("--video and --cuts : both given (expected: one of them)");
        }
        Path audio = input;
        CurveAnalysis videoAnalysis = null;
        TakeManifest manifest = null;
        if (Files.isDirectory(input)) {
            manifest = Json.read(input.resolve("manifest.json"), TakeManifest.class);
            audio = input.resolve(manifest.mix());
            videoAnalysis = Json.read(input.resolve(manifest.curve()), CurveAnalysis.class);
        } else if (video == null && cuts == null) {
            throw new BadInputException(input + ": an audio file needs --video VIDEO or --cuts FILE (the hits to evaluate)");
        }
        if (video != null) {
            videoAnalysis = VideoCurveAnalyzer.DEFAULT.analyze(video);
        }
        List<Double> hits = cuts != null ? CutList.read(cuts) : hitsOf(videoAnalysis);
        if (hits.isEmpty()) {
            throw new BadInputException((cuts != null ? cuts : videoAnalysis.source()) + ": no hit to evaluate against");
        }
        // Without a video curve, correlate nothing: the report says n/a rather than a made-up number.
        EventCurve videoCurve = videoAnalysis != null ? videoAnalysis.curve() : EventCurve.EMPTY;
        MonoAudio mono = AudioDecoder.decode(audio);
        SyncReport report = measure(audio.toString(), mono, hits, videoCurve);
        PrintWriter out = spec.commandLine().getOut();
        print(out, audio, report);
        Map<String, Object> asJson = asJson(audio, report);
        if (framePhases > 1) {
            FramePhases phases = FramePhases.measure(report, mono, audio.toString(), hits, framePhases);
            print(out, phases, hits);
            asJson.put("framePhases", Map.of("hitAccent", phases.hitAccent(), "minPeak",
                    IntStream.range(0, hits.size()).mapToObj(i -> orNull(phases.minPeak(i))).toList()));
        }
        if (control) {
            SyncReport reversed = controlReport(manifest, videoAnalysis, hits);
            printControl(out, report, reversed);
            asJson.put("control", asJson(Path.of("reversed curve"), reversed));
        }
        if (json != null) {
            AtomicFiles.write(json, Json.writeBytes(asJson));
        }
        return 0;
    }

    private static SyncReport measure(String source, MonoAudio audio, List<Double> hits, EventCurve videoCurve)
            throws IOException {
        MusicAnalysis music = MusicCurveAnalyzer.DEFAULT.analyze(source, audio);
        return SyncMetrics.evaluate(hits, music.onsets(), music.curve().curve(), videoCurve);
    }

    /** The metrics of the take's control (reversed curve) against the same hits and the true video curve. */
    private SyncReport controlReport(TakeManifest manifest, CurveAnalysis videoAnalysis, List<Double> hits)
            throws IOException {
        if (manifest == null) {
            throw new BadInputException(input + ": --control needs a take folder (its prompt, seed and curve)");
        }
        Generator generator = Generators.of(manifest.generator(), model, input);
        Path mix = Files.createTempFile("v2m-control-", ".wav");
        try {
            ControlTake.writeMix(manifest, videoAnalysis, generator, mix);
            return measure(mix.toString(), AudioDecoder.decode(mix), hits, videoAnalysis.curve());
        } finally {
            Files.deleteIfExists(mix);
        }
    }

    private static void printControl(PrintWriter out, SyncReport take, SyncReport reversed) {
        out.printf(Locale.ROOT, "control (time-reversed curve, same prompt and seed): %d onsets%n", reversed.onsets());
        out.printf(Locale.ROOT, "  %-24s %s  (ratio %s)%n", "hit recall @50 ms",
                number(reversed.hitRecall(), "%.3f"), ratio(take.hitRecall(), reversed.hitRecall()));
        out.printf(Locale.ROOT, "  %-24s %s  (ratio %s)%n", "hit accent",
                number(reversed.hitAccent(), "%.3f"), ratio(take.hitAccent(), reversed.hitAccent()));
        out.printf(Locale.ROOT, "  %-24s %s  (ratio %s)%n", "BeatAlign (sigma 50 ms)",
                number(reversed.beatAlign(), "%.3f"), ratio(take.beatAlign(), reversed.beatAlign()));
        out.printf(Locale.ROOT, "  %-24s %s%n", "curve correlation", number(reversed.curveCorrelation(), "%.3f"));
    }

    /** {@code a / b}; "inf" when only the control scored 0, "n/a" when both did. */
    static String ratio(double a, double b) {
        if (b == 0) {
            return a > 0 ? "inf" : "n/a";
        }
        return number(a / b, "%.2f");
    }

    /** A curve's cuts, or its hits in time order when it has no cut. */
    static List<Double> hitsOf(CurveAnalysis analysis) {
        if (!analysis.cuts().isEmpty()) {
            return analysis.cuts();
        }
        return analysis.hits().stream().map(Hit::time).sorted().toList();
    }

    private static void print(PrintWriter out, Path audio, SyncReport r) {
        out.printf(Locale.ROOT, "%s: %d hits, %d onsets%n", audio, r.hits(), r.onsets());
        out.printf(Locale.ROOT, "  %-24s %s%n", "hit recall @50 ms", number(r.hitRecall(), "%.3f"));
        out.printf(Locale.ROOT, "  %-24s %s%n", "hit accent", number(r.hitAccent(), "%.3f"));
        out.printf(Locale.ROOT, "  %-24s %s%n", "BeatAlign (sigma 50 ms)", number(r.beatAlign(), "%.3f"));
        out.printf(Locale.ROOT, "  %-24s %s%n", "curve correlation", number(r.curveCorrelation(), "%.3f"));
        out.printf(Locale.ROOT, "  %-24s %s%n", "timing error (ms)", number(r.timingErrorMs(), "%.1f"));
        for (HitDetail d : r.perHit()) {
            out.printf(Locale.ROOT, "  hit %8.3f s  nearest onset %s ms%s  music peak %s%n", d.time(),
                    number(d.nearestOnsetMs(), "%+.0f"), d.matched() ? " (matched)" : "", number(d.accentPeak(), "%.2f"));
        }
    }

    private static String number(double value, String format) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, format, value);
    }

    /** The frame-phase check: accent's range and each hit's lowest peak. */
    private static void print(PrintWriter out, FramePhases p, List<Double> hits) {
        out.printf(Locale.ROOT, "  %-24s min %s, mean %s over %d phases of the analysis frames%n", "hit accent",
                number(p.minAccent(), "%.3f"), number(p.meanAccent(), "%.3f"), p.hitAccent().size());
        for (int i = 0; i < hits.size(); i++) {
            out.printf(Locale.ROOT, "  hit %8.3f s  lowest music peak %s%n", hits.get(i), number(p.minPeak(i), "%.2f"));
        }
    }

    /** The report with NaN written as {@code null}: JSON has no NaN. */
    private static Map<String, Object> asJson(Path audio, SyncReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("audio", audio.toString());
        m.put("hits", r.hits());
        m.put("onsets", r.onsets());
        m.put("hitRecall", orNull(r.hitRecall()));
        m.put("hitAccent", orNull(r.hitAccent()));
        m.put("beatAlign", orNull(r.beatAlign()));
        m.put("curveCorrelation", orNull(r.curveCorrelation()));
        m.put("timingErrorMs", orNull(r.timingErrorMs()));
        List<Map<String, Object>> perHit = new ArrayList<>();
        for (HitDetail d : r.perHit()) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("time", d.time());
            h.put("matched", d.matched());
            h.put("nearestOnsetMs", orNull(d.nearestOnsetMs()));
            h.put("accentPeak", orNull(d.accentPeak()));
            perHit.add(h);
        }
        m.put("perHit", perHit);
        return m;
    }

    private static Double orNull(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
