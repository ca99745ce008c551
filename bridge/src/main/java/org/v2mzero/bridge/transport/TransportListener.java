package org.v2mzero.bridge.transport;

import org.v2mzero.protocol.TransportState;

/** Told about each transport change, on the source's own thread (see {@link TransportSource#addListener}). */
@FunctionalInterface
public interface TransportListener {
    /**
     * @param change what changed
     * @param state  the source's estimate right after the change
     */
    void transportChanged(TransportChange change, TransportState state);
}
