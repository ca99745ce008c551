package org.v2mzero.host.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./v2m}: the one launcher for every job. Picocli parses the command line (a well-kept CLI
 * library with subcommands, typed options and generated help, so no hand-written argument parsing).
 */
@Command(name = "v2m", mixinStandardHelpOptions = true, versionProvider = V2mVersion.class,
        description = "Scores video for your DAW: the picture's event curve drives generated music stems.",
        subcommands = {DemoCommand.class, ScoreCommand.class, CurveCommand.class, EvaluateCommand.class,
            PlayCommand.class, DaemonCommand.class, BenchCommand.class, DoctorCommand.class,
            CorpusConditioningCommand.class, CommandLine.HelpCommand.class})
public final class V2m implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Without a subcommand: show what there is. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        // Plots are drawn off-screen; never try to reach a display.
        System.setProperty("java.awt.headless", "true");
        PrintWriter err = new PrintWriter(System.err, true);
        String logWarning = CliLogging.install();
        if (logWarning != null) {
            err.println("v2m: warning: " + logWarning);
        }
        System.exit(run(new PrintWriter(System.out, true), err, args));
    }

    /** Runs one command line and returns its exit code; never calls {@link System#exit}. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new V2m());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new ErrorReporter());
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
