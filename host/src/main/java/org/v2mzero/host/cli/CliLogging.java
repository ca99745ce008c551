package org.v2mzero.host.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Sends the program's log (java.util.logging) to a file instead of the terminal: the user reads one
 * clear line per problem, the log keeps the details and traces.
 */
final class CliLogging {
    private CliLogging() {}

    /** {@code $XDG_STATE_HOME/v2m/v2m.log}, or {@code ~/.local/state/v2m/v2m.log}. */
    static Path logFile() {
        String state = System.getenv("XDG_STATE_HOME");
        Path base = state != null && !state.isEmpty()
                ? Path.of(state) : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("v2m").resolve("v2m.log");
    }

    /**
     * Replaces the console handler by the log file. When the file cannot be opened the log is dropped,
     * which costs diagnostics but never the job; the returned line says so.
     *
     * @return a warning for the user, or {@code null}
     */
    static String install() {
        Logger root = LogManager.getLogManager().getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        Path file = logFile();
        try {
            Files.createDirectories(file.getParent());
            FileHandler handler = new FileHandler(file.toString(), true);
            handler.setFormatter(new SimpleFormatter());
            handler.setLevel(Level.INFO);
            root.addHandler(handler);
            return null;
        } catch (IOException | SecurityException e) {
            return "cannot open log file " + file + " (" + e.getMessage() + "); continuing without a log";
        }
    }
}
