package org.v2mzero.host.score;

import java.io.IOException;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.v2mzero.host.take.TakeIds;
import org.v2mzero.host.take.TakeStaging;
import org.v2mzero.host.take.TakeWriter;
import org.v2mzero.models.compose.Arrangement;
import org.v2mzero.models.compose.GenerationRequest;
import org.v2mzero.models.compose.Generator;
import org.v2mzero.models.curve.VideoCurveAnalyzer;
import org.v2mzero.models.render.JavaSoundStemRenderer;
import org.v2mzero.models.render.Mixdown;
import org.v2mzero.models.render.Soundfont;
import org.v2mzero.models.render.SoundfontLocator;
import org.v2mzero.models.render.StemRendering;
import org.v2mzero.protocol.BadInputException;
import org.v2mzero.protocol.CurveAnalysis;
import org.v2mzero.protocol.TakeManifest;
import org.v2mzero.protocol.VideoPlacement;

/**
 * The main job (DESIGN.md §2, offline): video → event curve → arrangement → rendered stems → a take on
 * disk. Nothing becomes visible in the library until the whole take is written.
 *
 * <p>One job per thread; the job object itself holds no per-run state.
 */
public final class ScoreJob {
    /** Every take's audio: 48 kHz, as DAWs for picture run. */
    public static final int SAMPLE_RATE = 48_000;
    /**
     * Integrated loudness every take's mix is normalised to: EBU R128's programme target. A cue is
     * material the composer mixes under dialogue, so it arrives at broadcast level with headroom to spare,
     * not at streaming level (−14..−16), which would leave no room and force the true-peak ceiling.
     */
    public static final double TARGET_LUFS = -23.0;
    /** Highest true peak of a mix (EBU R128's −1 dBTP), so inter-sample peaks never clip a converter. */
    public static final double TRUE_PEAK_CEILING_DBTP = -1.0;

    private final Generator generator;
    private final Clock clock;

    public ScoreJob(Generator generator, Clock clock) {
        this.generator = generator;
        this.clock = clock;
    }

    /**
     * Runs the job. Cheap checks (soundfont, output folder) come first, so a bad setting fails at once.
     *
     * @throws org.v2mzero.protocol.BadInputException for unusable input, with a one-line message
     */
    public ScoreResult run(ScoreRequest request, Progress progress) throws IOException {
        return run(request, null, progress);
    }

    /**
     * Runs the job on an analysis of the whole video made before (the daemon caches them), or analyses
     * the video when {@code wholeVideo} is {@code null}.
     */
    public ScoreResult run(ScoreRequest request, CurveAnalysis wholeVideo, Progress progress) throws IOException {
        List<String> warnings = new ArrayList<>();
        Soundfont soundfont = SoundfontLocator.locate(request.soundfont());
        soundfont.warning().ifPresent(warnings::add);
        generator.warning().ifPresent(warnings::add);

        ZonedDateTime createdAt = ZonedDateTime.now(clock);
        String takeId = TakeIds.of(request.video().getFileName().toString(), createdAt, request.seed());
        try (TakeStaging staging = TakeStaging.open(request.library(), takeId)) {
            progress.stage("analysing video " + request.video().getFileName());
            CurveAnalysis whole = wholeVideo != null ? wholeVideo : VideoCurveAnalyzer.DEFAULT.analyze(request.video());
            CurveAnalysis analysis = window(whole, request.placement(), request.project());
            if (analysis.partial()) { // only when the damage is inside the part being scored
                PartialAnalysisWarning.of(whole).ifPresent(warnings::add);
            }
            if (!analysis.damaged().isEmpty()) { // named on the video's clock, as the user knows it
                PartialAnalysisWarning.damaged(whole).ifPresent(warnings::add);
            }

            progress.stage("composing (" + generator.name() + ")");
            Arrangement arrangement = onlyStems(generator.generate(
                    new GenerationRequest(analysis, request.prompt(), request.seed(), analysis.duration())),
                    request.stems());

            progress.stage("rendering " + arrangement.stems().size() + " stems");
            Mixdown mixdown = render(arrangement, soundfont);

            progress.stage("writing take");
            try {
                TakeManifest manifest = new TakeWriter(staging, SAMPLE_RATE).write(new TakeWriter.Contents(
                        request, createdAt, generator, soundfont, analysis, arrangement, mixdown, null));
                return new ScoreResult(staging.publish(), manifest, analysis, List.copyOf(warnings));
            } catch (IOException e) {
                throw staging.explain(e); // a full disk is one line, not a stack trace
            }
        }
    }

    /** The arrangement with only the asked stems, or all of them for {@code null}. */
    private static Arrangement onlyStems(Arrangement arrangement, List<String> stems) throws BadInputException {
        if (stems == null) {
            return arrangement;
        }
        checkStems(stems, arrangement.stemNames());
        return arrangement.only(stems);
    }

    /** @throws BadInputException naming the asked stems that are not {@code known}, and the known ones */
    static void checkStems(List<String> stems, Collection<String> known) throws BadInputException {
        List<String> unknown = stems == null ? List.of() : stems.stream().filter(s -> !known.contains(s)).toList();
        if (!unknown.isEmpty()) {
            throw new BadInputException("stems : " + String.join(", ", unknown) + " (expected: some of "
                    + String.join(", ", known) + ")");
        }
    }

    /**
     * The part of the video the DAW item shows; the whole analysis for a plain video.
     *
     * @param project named in the error when the item starts past the video's end; may be {@code null}
     */
    public static CurveAnalysis window(CurveAnalysis whole, VideoPlacement p, java.nio.file.Path project)
            throws BadInputException {
        if (p.sourceOffsetSeconds() == 0 && p.lengthSeconds() == null) {
            return whole;
        }
        if (p.sourceOffsetSeconds() >= whole.duration()) {
            throw new BadInputException(project + ": the video item starts " + p.sourceOffsetSeconds()
                    + " s into " + p.video().getFileName() + ", which is only " + whole.duration() + " s long");
        }
        return whole.window(p.sourceOffsetSeconds(),
                p.lengthSeconds() == null ? Double.POSITIVE_INFINITY : p.lengthSeconds());
    }

    /** Renders every stem and normalises the mix, as every take (and its control) is made. */
    static Mixdown render(Arrangement arrangement, Soundfont soundfont) throws IOException {
        // Stems in parallel: each has its own synthesizer, so the samples are those of a serial render.
        List<float[][]> stems = StemRendering.renderAll(new JavaSoundStemRenderer(soundfont, SAMPLE_RATE),
                arrangement.stems(), arrangement.durationSeconds());
        return Mixdown.normalised(stems, SAMPLE_RATE, TARGET_LUFS, TRUE_PEAK_CEILING_DBTP);
    }
}
