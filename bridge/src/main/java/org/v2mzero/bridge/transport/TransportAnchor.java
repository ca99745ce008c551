package org.v2mzero.bridge.transport;

import org.v2mzero.protocol.TransportState;

/**
 * The last position a DAW reported, as the immutable state its source's thread published, for readers
 * that must not allocate (the JACK process callback): they extrapolate it themselves from
 * {@link TransportState#observedNanos()} instead of asking {@link TransportSource#state()}, which builds
 * a new state per call.
 */
@FunctionalInterface
public interface TransportAnchor {
    /**
     * Any thread, including real-time ones: one volatile read, no allocation, no lock. The result is
     * replaced (a new object) on every report from the DAW, so a reader can tell a new report by
     * reference. Frames are samples at {@link TransportState#sampleRate()}.
     */
    TransportState anchor();
}
