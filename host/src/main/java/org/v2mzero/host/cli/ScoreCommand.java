package org.v2mzero.host.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.v2mzero.host.score.Generators;
import org.v2mzero.host.score.ScoreJob;
import org.v2mzero.host.score.ScoreRequest;
import org.v2mzero.host.score.ScoreResult;
import org.v2mzero.host.score.ScoreSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code v2m score VIDEO|PROJECT --prompt TEXT --out DIR [--seed N]}: the main job. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score a video: analyse it, compose stems that follow its events, write a take.")
final class ScoreCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "VIDEO|PROJECT", description = "the video to score (anything FFmpeg"
            + " reads), or a Reaper .rpp / Ardour .ardour project: its video item is scored and the take is"
            + " stamped with the item's timeline position")
    Path input;

    @Option(names = "--video-item", paramLabel = "N",
            description = "which video item of a project, in timeline order (default: ${DEFAULT-VALUE})")
    int videoItem = 1;

    @Mixin
    TakeOptions take;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        score(spec, ScoreSource.of(input, videoItem), take);
        return 0;
    }

    /** Shared with {@code demo}: runs the job with stage lines on stderr, then prints the summary. */
    static ScoreResult score(CommandSpec spec, ScoreSource source, TakeOptions take) throws Exception {
        ScoreJob job = new ScoreJob(Generators.of(take.generator, take.model), Clock.systemUTC());
        ScoreRequest request = new ScoreRequest(source.placement(), source.project(), take.prompt, take.seed,
                take.out, take.soundfont, null);
        StageLines stages = new StageLines(spec.commandLine().getErr());
        ScoreResult result;
        try {
            result = job.run(request, stages);
        } catch (Exception e) {
            stages.finish("failed");
            throw e;
        }
        stages.finish("done");
        for (String warning : result.warnings()) {
            spec.commandLine().getErr().println("v2m: warning: " + warning);
        }
        spec.commandLine().getOut().print(ScoreSummary.format(result));
        return result;
    }
}
