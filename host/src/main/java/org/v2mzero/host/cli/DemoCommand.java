package org.v2mzero.host.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.v2mzero.host.score.ScoreSource;
import org.v2mzero.models.video.SyntheticClip;
import org.v2mzero.protocol.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code v2m demo}: the main job with no input of the user's. It draws and encodes its own clip, with
 * hard cuts at known times, and scores it, so a newcomer hears what the project does in one command.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Make a short clip with known cuts, score it, and write the take (no input needed).")
final class DemoCommand implements Callable<Integer> {
    static final String CLIP = "demo-clip.mp4";
    static final double CLIP_SECONDS = 12;
    static final List<Double> CLIP_CUTS = List.of(2.0, 4.4, 7.2, 9.6);

    @Mixin
    TakeOptions take;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path clip = take.out.resolve(CLIP);
        try {
            Files.createDirectories(take.out);
        } catch (IOException e) {
            throw new BadInputException(take.out + ": cannot create the output folder (" + e.getMessage() + ")", e);
        }
        spec.commandLine().getErr().println("  drawing a " + (int) CLIP_SECONDS + " s clip with cuts at "
                + CLIP_CUTS.stream().map(t -> String.format(Locale.ROOT, "%.1f", t)).collect(Collectors.joining(", "))
                + " s -> " + clip);
        SyntheticClip.write(clip, CLIP_SECONDS, CLIP_CUTS);
        ScoreCommand.score(spec, ScoreSource.of(clip, 1), take);
        return 0;
    }
}
