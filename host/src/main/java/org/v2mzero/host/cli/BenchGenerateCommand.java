package org.v2mzero.host.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.v2mzero.host.bench.GenerateBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code v2m bench generate}: the neural generator's tokens/s and seconds per minute of music, CPU and CUDA. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Time the neural generator writing a 60 s cue: tokens/s and seconds per minute of music,"
                + " on the CPU and, when this build has CUDA, on the GPU in the same run.")
final class BenchGenerateCommand implements Callable<Integer> {
    @Option(names = "--tokens", paramLabel = "N",
            description = "stop the cue after N tokens (default: the cue's 60 s end it)")
    int tokens = Integer.MAX_VALUE;

    @Option(names = "--model", paramLabel = "DIR", description = "a model folder (default: the shipped model)")
    Path model;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        spec.commandLine().getOut().print(GenerateBenchmark.run(model, tokens).report());
        return 0;
    }
}
