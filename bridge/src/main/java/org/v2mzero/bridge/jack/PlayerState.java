package org.v2mzero.bridge.jack;

/** Lifecycle of a {@link JackStemPlayer}; moves only forward except CONNECTED ⇄ DISCONNECTED. */
public enum PlayerState {
    /** Built, {@code start()} not called yet. */
    NEW,
    /** Client open and active: the process callback runs every period. */
    CONNECTED,
    /** No server (never found, or it went away): take and settings are kept, a reconnect loop retries. */
    DISCONNECTED,
    /** {@code close()} was called: nothing runs any more. Final. */
    CLOSED
}
