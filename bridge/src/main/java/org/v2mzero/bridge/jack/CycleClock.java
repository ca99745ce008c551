package org.v2mzero.bridge.jack;

import org.jaudiolibs.jnajack.JackClient;
import org.jaudiolibs.jnajack.JackException;
import org.v2mzero.bridge.transport.TransportMotion;
import org.v2mzero.protocol.TransportState.Loop;

/**
 * Where on the timeline a process cycle starts and whether the transport rolls: the player's clock.
 * {@link JackTransportClock} asks the JACK transport; {@link ExternalTransportClock} follows a DAW that
 * is not on JACK transport (Ardour or Reaper over OSC).
 *
 * <p>Threads: {@link #read} runs on JACK's process thread only and must not allocate, lock, log or do
 * I/O. One clock serves one player; a reconnect's new session reuses it (only one process thread is
 * alive at a time).
 */
interface CycleClock {
    /**
     * Process thread. Fills {@code out} for the cycle that starts now.
     *
     * @param client     the session's client, for JACK's transport and frame time
     * @param frames     frames in this cycle
     * @param sampleRate the server's frames per second
     * @param out        reused holder the caller reads after the call
     */
    void read(JackClient client, int frames, int sampleRate, CyclePosition out) throws JackException;

    /** Where a cycle starts. Mutable and reused: process thread only. */
    final class CyclePosition {
        /** Timeline frame (samples at the server's rate) of the cycle's first sample, {@code >= 0}. */
        long frame;
        /** Whether the transport rolls; stopped means silence. */
        boolean rolling;
        /**
         * The loop the transport follows, or {@code null}: a cycle that reaches its end plays the loop's
         * start from there on (see {@link TransportMotion#framesBeforeWrap}).
         */
        Loop loop;

        void set(long frame, boolean rolling, Loop loop) {
            this.frame = frame;
            this.rolling = rolling;
            this.loop = loop;
        }
    }
}
