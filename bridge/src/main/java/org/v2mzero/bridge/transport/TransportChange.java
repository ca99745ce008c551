package org.v2mzero.bridge.transport;

/** The kinds of transport change a {@link TransportListener} hears about. */
public enum TransportChange {
    /** The transport started rolling. */
    PLAY,
    /** The transport stopped. */
    STOP,
    /** The position jumped: a locate, backwards or forwards, rolling or stopped. */
    LOCATE,
    /** The tempo or the time signature changed. */
    TEMPO,
    /** Looping was switched on or off, or the loop range moved (see {@code TransportState.loop()}). */
    LOOP
}
