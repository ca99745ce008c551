package org.v2mzero.host.daemon;

/**
 * A take job.
 *
 * @param id        e.g. {@code j7}
 * @param sessionId the session it is for
 * @param state     {@code queued}, {@code running}, {@code done} or {@code failed}
 * @param stage     what it does now, e.g. {@code rendering 5 stems}
 * @param progress  0..1, an estimate
 * @param takeId    the take it made, once {@code done}
 * @param error     one line, once {@code failed}
 */
public record JobInfo(String id, String sessionId, String state, String stage, double progress, String takeId,
        String error) {}
