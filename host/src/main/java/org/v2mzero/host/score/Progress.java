package org.v2mzero.host.score;

/** Hears which stage a long job is in. Called on the job's thread. */
@FunctionalInterface
public interface Progress {
    Progress NONE = stage -> {};

    /** A new stage starts, e.g. "analysing video". */
    void stage(String description);
}
