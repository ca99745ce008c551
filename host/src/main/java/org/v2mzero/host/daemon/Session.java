package org.v2mzero.host.daemon;

import java.nio.file.Path;
import org.v2mzero.host.score.ScoreSource;
import org.v2mzero.protocol.CurveAnalysis;

/**
 * One open session: the project or video it was opened with, the analysis of its video window, and
 * what the composer set (prompt, current take). The analysis is replaced when the video changes on
 * disk. Any thread: the mutable parts are volatile and each is replaced whole.
 */
final class Session {
    private final String id;
    private final Path path;
    private final int item;
    private volatile ScoreSource source;
    private volatile CurveAnalysis analysis;
    private volatile String videoSha256;
    private volatile String prompt;
    private volatile String currentTakeId;

    Session(String id, Path path, int item, ScoreSource source, CurveAnalysis analysis, String videoSha256,
            String prompt) {
        this.id = id;
        this.path = path;
        this.item = item;
        this.source = source;
        this.analysis = analysis;
        this.videoSha256 = videoSha256;
        this.prompt = prompt;
    }

    String id() {
        return id;
    }

    /** The absolute path the session was opened with; also its key for the library's current-take record. */
    Path path() {
        return path;
    }

    /** Which video item of a project (1-based); 1 for a plain video. */
    int item() {
        return item;
    }

    ScoreSource source() {
        return source;
    }

    CurveAnalysis analysis() {
        return analysis;
    }

    String videoSha256() {
        return videoSha256;
    }

    /** The video changed on disk (or the project moved it): analyse again with this result. */
    void reanalysed(ScoreSource newSource, CurveAnalysis newAnalysis, String newSha256) {
        source = newSource;
        analysis = newAnalysis;
        videoSha256 = newSha256;
    }

    String prompt() {
        return prompt;
    }

    void prompt(String newPrompt) {
        prompt = newPrompt;
    }

    String currentTakeId() {
        return currentTakeId;
    }

    void currentTakeId(String takeId) {
        currentTakeId = takeId;
    }

    SessionInfo info() {
        var p = source.placement();
        return new SessionInfo(id, path.toString(), p.video().toAbsolutePath().normalize().toString(),
                p.timelineSeconds(), p.sourceOffsetSeconds(), analysis.duration(), prompt, currentTakeId);
    }
}
