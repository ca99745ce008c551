package org.v2mzero.host.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failed command into one line for the user. Bad input and I/O problems print their own
 * message (it names the file and the reason); anything else is a bug, printed as one line that says
 * where the full trace is. The log keeps every trace.
 */
final class ErrorReporter implements IExecutionExceptionHandler {
    /** Exit code for unusable input or an I/O failure. */
    static final int EXIT_BAD_INPUT = 1;
    /** Exit code for an internal error (sysexits' EX_SOFTWARE). */
    static final int EXIT_INTERNAL = 70;

    private static final Logger LOG = Logger.getLogger(ErrorReporter.class.getName());

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof IOException || e instanceof IllegalArgumentException) {
            LOG.log(Level.INFO, "command failed: " + String.join(" ", parsed.originalArgs()), e);
            err.println("v2m: " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
        LOG.log(Level.SEVERE, "internal error in: " + String.join(" ", parsed.originalArgs()), e);
        err.println("v2m: internal error: " + e + " (trace in " + CliLogging.logFile() + ")");
        return EXIT_INTERNAL;
    }
}
