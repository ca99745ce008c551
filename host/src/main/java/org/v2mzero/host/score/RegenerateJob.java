package org.v2mzero.host.score;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.v2mzero.host.take.TakeIds;
import org.v2mzero.host.take.TakeStaging;
import org.v2mzero.host.take.TakeWriter;
import org.v2mzero.models.compose.Arrangement;
import org.v2mzero.models.compose.ArrangementSplice;
import org.v2mzero.models.compose.GenerationRequest;
import org.v2mzero.models.compose.Generator;
import org.v2mzero.models.compose.Key;
import org.v2mzero.models.compose.PromptReader;
import org.v2mzero.models.compose.StemPart;
import org.v2mzero.models.render.ContinuedMixdown;
import org.v2mzero.models.render.JavaSoundStemRenderer;
import org.v2mzero.models.render.Mixdown;
import org.v2mzero.models.render.Soundfont;
import org.v2mzero.models.render.SoundfontLocator;
import org.v2mzero.models.render.StemRendering;
import org.v2mzero.protocol.TakeManifest;
import org.v2mzero.protocol.VideoPlacement;

/**
 * Regenerates a time range of a take while the DAW plays it (DESIGN.md §4): the range is widened to bar
 * lines, composed again with a new prompt and seed on the take's own tempo map and in its key, spliced
 * into the take's notes ({@link ArrangementSplice}), and written as a new take whose audio before the range
 * is the parent's, sample for sample, at the parent's level ({@link ContinuedMixdown}), so a player can swap
 * it in at the range's first bar line. The new take sits where the parent sits on the timeline and records
 * its lineage. The parent folder is only read.
 *
 * <p>One job per thread; the job object itself holds no per-run state.
 */
public final class RegenerateJob {
    private final Generator generator;
    private final Clock clock;

    public RegenerateJob(Generator generator, Clock clock) {
        if (generator == null || clock == null) {
            throw new IllegalArgumentException("generator, clock : " + generator + ", " + clock + " (expected: both)");
        }
        this.generator = generator;
        this.clock = clock;
    }

    /**
     * Runs the job on the calling thread. The range and the take are checked before anything is composed.
     *
     * @return the new take; {@link ScoreResult#analysis()} is the parent's, which the new take shares
     * @throws org.v2mzero.protocol.BadInputException one line for a folder that is not a take, a range outside
     *                                                it or empty, an unknown stem, or an unusable soundfont
     */
    public ScoreResult run(RegenerateRequest request, Progress progress) throws IOException {
        Path dir = request.parentTakeDir();
        progress.stage("reading take " + dir.getFileName());
        TakeManifest pm = ParentTake.manifest(dir, ScoreJob.SAMPLE_RATE);
        BarRange range = BarRange.snap(pm.tempoMap(), pm.durationSeconds(), request.startSeconds(), request.endSeconds());
        ParentTake parent = ParentTake.read(dir, pm, ScoreJob.SAMPLE_RATE);
        List<String> warnings = new ArrayList<>();
        Soundfont soundfont = soundfont(request.soundfont(), pm, warnings);
        generator.warning().ifPresent(warnings::add);
        warnings.addAll(overriddenWords(request.prompt(), parent.arrangement().key()));

        ZonedDateTime createdAt = ZonedDateTime.now(clock);
        Path video = Path.of(pm.source());
        String takeId = TakeIds.of(video.getFileName().toString(), createdAt, request.seed());
        try (TakeStaging staging = TakeStaging.open(request.library(), takeId)) {
            progress.stage("composing " + range + " (" + generator.name() + ")");
            Arrangement child = compose(parent, request, range);
            Mixdown mixdown = render(parent, child, request.stems(), range, soundfont, progress, warnings);

            progress.stage("writing take");
            ScoreRequest placement = new ScoreRequest(
                    new VideoPlacement(video, pm.timelineOffsetSeconds(), pm.sourceOffsetSeconds(), pm.durationSeconds()),
                    pm.project() == null ? null : Path.of(pm.project()), request.prompt(), request.seed(),
                    request.library(), request.soundfont(), request.stems());
            try {
                TakeManifest manifest = new TakeWriter(staging, ScoreJob.SAMPLE_RATE).write(new TakeWriter.Contents(
                        placement, createdAt, generator, soundfont, parent.analysis(), child, mixdown,
                        new TakeManifest.Lineage(pm.takeId(), range.start(), range.end())));
                return new ScoreResult(staging.publish(), manifest, parent.analysis(), List.copyOf(warnings));
            } catch (IOException e) {
                throw staging.explain(e); // a full disk is one line, not a stack trace
            }
        }
    }

    /** The parent's notes with the range written again on its tempo map and in its key. */
    private Arrangement compose(ParentTake parent, RegenerateRequest request, BarRange range) throws IOException {
        Arrangement notes = parent.arrangement();
        Arrangement fresh = generator.generate(new GenerationRequest(parent.analysis(), request.prompt(),
                request.seed(), notes.durationSeconds(), new GenerationRequest.Continuity(notes.tempoMap(), notes.key())));
        Set<String> known = new LinkedHashSet<>(notes.stemNames());
        known.addAll(fresh.stemNames());
        ScoreJob.checkStems(request.stems(), known);
        return ArrangementSplice.splice(notes, fresh, range.start(), range.end(), request.stems());
    }

    /**
     * Renders the regenerated stems and joins them to the parent's audio: the parent's before the range's
     * first frame (every frame whose time is before the start), stems that are not regenerated the
     * parent's throughout.
     */
    private static Mixdown render(ParentTake parent, Arrangement child, List<String> stems, BarRange range,
            Soundfont soundfont, Progress progress, List<String> warnings) throws IOException {
        List<StemPart> regenerated = child.stems().stream()
                .filter(s -> stems == null || stems.contains(s.name())).toList();
        progress.stage("rendering " + regenerated.size() + (regenerated.size() == 1 ? " stem" : " stems"));
        List<float[][]> rendered = StemRendering.renderAll(
                new JavaSoundStemRenderer(soundfont, ScoreJob.SAMPLE_RATE), regenerated, child.durationSeconds());
        List<float[][]> parentStems = new ArrayList<>();
        List<float[][]> renders = new ArrayList<>();
        for (StemPart stem : child.stems()) {
            int i = regenerated.indexOf(stem);
            parentStems.add(parent.stemAudio().get(stem.name()));
            renders.add(i < 0 ? null : rendered.get(i));
        }
        int fromFrame = (int) Math.ceil(range.start() * ScoreJob.SAMPLE_RATE - 1e-6);
        Mixdown mixdown = ContinuedMixdown.of(parentStems, renders, parent.mix(), fromFrame, ScoreJob.SAMPLE_RATE,
                parent.gainDb(), ScoreJob.TRUE_PEAK_CEILING_DBTP);
        double lowered = parent.gainDb() - mixdown.gainDb();
        if (lowered > 1e-6) {
            warnings.add(String.format(Locale.ROOT, "at the parent's level the new range would pass the %.1f dBTP"
                    + " ceiling: from %.2f s on the take is %.1f dB quieter than its parent",
                    ScoreJob.TRUE_PEAK_CEILING_DBTP, range.start(), lowered));
        }
        return mixdown;
    }

    /**
     * The request's soundfont, or else the parent's own, so the range sounds like the rest of the take;
     * a warning when it is not the parent's.
     */
    private static Soundfont soundfont(Path explicit, TakeManifest parent, List<String> warnings)
            throws IOException {
        TakeManifest.SoundfontInfo used = parent.soundfont();
        Path path = explicit != null ? explicit : used == null || used.path() == null ? null : Path.of(used.path());
        Soundfont soundfont = SoundfontLocator.locate(path);
        soundfont.warning().ifPresent(warnings::add);
        if (used != null && !soundfont.info().equals(used)) {
            warnings.add("rendering with " + soundfont.name() + ", the parent was rendered with " + used.name()
                    + ": the new range will sound different");
        }
        return soundfont;
    }

    /** Warnings for the prompt's explicit key and tempo, which a range cannot follow. */
    private static List<String> overriddenWords(String prompt, Key key) {
        PromptReader.Words words = PromptReader.read(prompt);
        List<String> out = new ArrayList<>();
        words.key().filter(k -> !k.equals(key)).ifPresent(k -> out.add("the prompt names " + k.name()
                + "; the range stays in " + key.name() + ", the take's key"));
        words.bpm().ifPresent(bpm -> out.add(String.format(Locale.ROOT,
                "the prompt names %.0f bpm; the range keeps the take's tempo map", bpm)));
        return out;
    }
}
