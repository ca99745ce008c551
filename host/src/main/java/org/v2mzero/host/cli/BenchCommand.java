package org.v2mzero.host.cli;

import picocli.CommandLine.Command;

/** {@code v2m bench ...}: speed, always as a ratio to a reference measured in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure speed against a reference tool timed in the same run.",
        subcommands = {BenchCurveCommand.class, BenchRenderCommand.class, BenchGenerateCommand.class})
final class BenchCommand {
}
