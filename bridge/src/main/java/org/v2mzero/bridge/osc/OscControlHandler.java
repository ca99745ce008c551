package org.v2mzero.bridge.osc;

/**
 * What the daemon does when a control surface or a ReaScript drives it over OSC (see
 * {@link OscControlServer} for the addresses). Every method runs on the server's receiving thread, one
 * message at a time, so a method that takes long delays the next message: start long work (a
 * regeneration) elsewhere and return. A method that throws is answered with {@code /v2m/error} carrying
 * the exception's message; the server goes on.
 */
public interface OscControlHandler {
    /** Server thread. The daemon's name and version, e.g. {@code "v2m 0.1.0"}: the {@code /v2m/pong} text. */
    String ping();

    /**
     * Server thread. Sets the prompt of the active session.
     *
     * @param prompt not blank
     */
    void prompt(String prompt) throws Exception;

    /**
     * Server thread. Regenerates a range of the active session's current take.
     *
     * @param startSeconds timeline seconds where the regenerated range starts, {@code >= 0}; {@code null}
     *                     (with {@code endSeconds}) means from the playhead
     * @param endSeconds   timeline seconds where it ends, {@code > startSeconds}; {@code null} with
     *                     {@code startSeconds}
     * @param prompt       the prompt for the range, not blank; {@code null} means the session's prompt
     */
    void regenerate(Double startSeconds, Double endSeconds, String prompt) throws Exception;

    /**
     * Server thread. Makes take {@code takeId} the session's current take.
     *
     * @param takeId not blank
     */
    void makeCurrent(String takeId) throws Exception;
}
