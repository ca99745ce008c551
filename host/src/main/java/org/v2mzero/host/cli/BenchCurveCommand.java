package org.v2mzero.host.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.v2mzero.host.bench.CurveBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code v2m bench curve FILE}: event-curve extraction speed against {@code ffmpeg -i FILE -f null -}. */
@Command(name = "curve", mixinStandardHelpOptions = true,
        description = "Time the video event curve (decode + features + curve + cuts) against ffmpeg decoding"
                + " the same file.")
final class BenchCurveCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "VIDEO")
    Path video;

    @Option(names = "--runs", paramLabel = "N", description = "timed runs of each, median kept (default: ${DEFAULT-VALUE})")
    int runs = 3;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CurveBenchmark.Result r = CurveBenchmark.run(video, runs);
        PrintWriter out = spec.commandLine().getOut();
        out.print(r.report());
        return 0;
    }
}
