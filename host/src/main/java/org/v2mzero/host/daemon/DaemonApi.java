package org.v2mzero.host.daemon;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.v2mzero.protocol.CurveAnalysis;
import org.v2mzero.protocol.TakeManifest;

/**
 * What the daemon offers its clients (the HTTP/WebSocket API, the OSC control surface, the web panel),
 * free of any transport: every method is a plain call, every value a JSON-able record. The API layers
 * map {@link org.v2mzero.protocol.BadInputException} to 400, {@link NotFoundException} to 404 and
 * anything else to 500.
 *
 * <p>Threads: every method may be called from any thread and returns quickly; long work (analysis,
 * generation, rendering) runs on the daemon's own job threads and reports through {@link #subscribe}.
 */
public interface DaemonApi {
    /** The open sessions, oldest first. */
    List<SessionInfo> sessions();

    /**
     * Opens a session (a DAW project or a video), analysing its video (cached) before it returns. Opening
     * a path that is already open returns that session.
     */
    SessionInfo openSession(OpenSession request) throws IOException;

    /** Closes a session; its takes stay in the library. */
    void closeSession(String sessionId) throws NotFoundException;

    /** One session, as {@link #sessions()} lists it. */
    SessionInfo session(String sessionId) throws NotFoundException;

    /** The session's video analysis: curve, hits, cuts, sections (take time = video window time). */
    CurveAnalysis curve(String sessionId) throws NotFoundException;

    /** Sets the prompt the session's next takes use when a request names none. */
    SessionInfo setPrompt(String sessionId, String prompt) throws IOException;

    /** Queues a take; the job's progress and result arrive as events. */
    JobInfo requestTake(String sessionId, TakeRequest request) throws IOException;

    /** A job, queued, running or ended. */
    JobInfo job(String jobId) throws NotFoundException;

    /** The takes made for this session's video (the library's, newest last). */
    List<TakeManifest> takes(String sessionId) throws NotFoundException;

    /** One take of the library. */
    TakeManifest take(String takeId) throws NotFoundException;

    /**
     * A file of a take, only one its manifest names (stems, MIDI, mix, curve, manifest): nothing else of
     * the disk can be reached through this.
     */
    Path takeFile(String takeId, String fileName) throws NotFoundException;

    /** Makes a take of this session the one the player plays (swapped in at the next bar line). */
    SessionInfo makeCurrent(String sessionId, String takeId) throws IOException;

    /** Where the followed transport stands, and the player's state. */
    TransportInfo transport();

    /** Counters for the operator: requests refused, OSC messages ignored, xruns. */
    DaemonStats stats();

    /**
     * Hears every event from now on, on a daemon thread; a slow listener must hand off. Closing the
     * returned handle stops it.
     */
    AutoCloseable subscribe(Consumer<DaemonEvent> listener);
}
