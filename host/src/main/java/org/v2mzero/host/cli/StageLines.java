package org.v2mzero.host.cli;

import java.io.PrintWriter;
import org.v2mzero.host.score.Progress;

/** Prints each stage of a job as one short line on stderr, with the time the previous stage took. */
final class StageLines implements Progress {
    private final PrintWriter err;
    private long stageStartNanos;
    private boolean open;

    StageLines(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void stage(String description) {
        finish("done");
        err.print("  " + description + " ...");
        err.flush();
        stageStartNanos = System.nanoTime();
        open = true;
    }

    /** Ends the open stage's line with {@code outcome} and its duration; no-op when none is open. */
    void finish(String outcome) {
        if (open) {
            err.printf(" %s (%.1f s)%n", outcome, (System.nanoTime() - stageStartNanos) / 1e9);
            err.flush();
            open = false;
        }
    }
}
