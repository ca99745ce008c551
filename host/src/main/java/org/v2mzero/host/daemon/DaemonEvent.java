package org.v2mzero.host.daemon;

/**
 * One event for clients (sent over the WebSocket as {@code {"type": ..., "data": ...}}).
 *
 * @param type {@link #PROGRESS} (data: {@link JobInfo}), {@link #TAKE} (a take is ready; data:
 *             {@link JobInfo}), {@link #CURRENT} (data: {@link SessionInfo}), {@link #TRANSPORT} (data:
 *             {@link TransportInfo}), {@link #ERROR} (data: a one-line string), {@link #SESSION} (opened or
 *             closed; data: {@link SessionInfo})
 * @param data a JSON-able value
 */
public record DaemonEvent(String type, Object data) {
    public static final String PROGRESS = "progress";
    public static final String TAKE = "take";
    public static final String CURRENT = "current";
    public static final String TRANSPORT = "transport";
    public static final String ERROR = "error";
    public static final String SESSION = "session";
}
