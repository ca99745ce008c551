package org.v2mzero.host.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.v2mzero.host.bench.RenderBenchmark;
import org.v2mzero.host.bench.SyntheticCue;
import org.v2mzero.host.take.TakeWriter;
import org.v2mzero.models.render.Soundfont;
import org.v2mzero.models.render.SoundfontLocator;
import org.v2mzero.protocol.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code v2m bench render [TAKE_DIR]}: stem rendering speed against {@code fluidsynth -F} on the same
 * MIDI and SF2. Without a take, a 60 s five-stem cue is composed first.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Time rendering a take's score.mid (default: a 60 s five-stem cue) against fluidsynth"
                + " rendering the same MIDI with the same SF2.")
final class BenchRenderCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "TAKE_DIR")
    Path take;

    @Option(names = "--soundfont", paramLabel = "FILE.sf2", description = "SF2 for both renderers (default: as score)")
    Path soundfont;

    @Option(names = "--runs", paramLabel = "N", description = "timed runs of each, median kept (default: ${DEFAULT-VALUE})")
    int runs = 3;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Soundfont sf = SoundfontLocator.locate(soundfont);
        Path midi = take != null ? takeMidi(take) : null;
        Path scratch = Files.createTempDirectory("v2m-bench-render");
        try {
            RenderBenchmark.Result r = RenderBenchmark.run(midi != null ? midi : SyntheticCue.writeMidi(scratch),
                    sf, runs, scratch);
            PrintWriter out = spec.commandLine().getOut();
            out.print(r.report());
            return 0;
        } finally {
            Files.deleteIfExists(scratch.resolve(TakeWriter.SCORE_MIDI));
            Files.deleteIfExists(scratch);
        }
    }

    private static Path takeMidi(Path take) throws BadInputException {
        Path midi = take.resolve(TakeWriter.SCORE_MIDI);
        if (!Files.isRegularFile(midi)) {
            throw new BadInputException(take + ": no " + TakeWriter.SCORE_MIDI + " (expected: a take folder)");
        }
        return midi;
    }
}
