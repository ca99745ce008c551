package org.v2mzero.bridge.jack;

import org.jaudiolibs.jnajack.JackClient;
import org.jaudiolibs.jnajack.JackException;
import org.v2mzero.bridge.transport.TransportAnchor;
import org.v2mzero.bridge.transport.TransportMotion;
import org.v2mzero.protocol.TransportState;

/**
 * A DAW's transport that is not JACK's (Ardour or Reaper over OSC) as the player's clock.
 *
 * <p>The source's thread publishes each report as an immutable {@link TransportState} (frame, play
 * state, {@link System#nanoTime()} of the datagram's arrival); this clock only reads that reference.
 * It keeps a play cursor that advances with JACK's frame clock ({@code jack_last_frame_time}): by
 * exactly {@code frames} per rolling cycle, so between reports the audio is continuous, and by the
 * missed frames too after an xrun, as a DAW's clock would have moved on meanwhile; while the report
 * carries a loop the cursor wraps from its end to its start as the DAW does ({@link TransportMotion}). When a new report arrives (a new reference) the cursor is resynced to the
 * report extrapolated to the cycle's start, so no drift accumulates beyond one report interval
 * (~100 ms). A resync smaller than {@link #DEADBAND_SECONDS} is skipped: such a step is below what OSC
 * can resolve (reports carry no timestamp; loopback delivery varies by ~0.1-1 ms) and would only be a
 * click. A locate, a stop or a start always resyncs: a locate is a jump, never a glide.
 *
 * <p>The cycle's start time is {@code System.nanoTime()} in the callback minus the frames JACK says
 * have passed since the cycle began ({@code jack_frame_time - jack_last_frame_time}); that removes the
 * callback's scheduling delay. What remains: the DAW's send-to-arrival delay of the last report (the
 * DAW's clock is read when it sends, we stamp arrival), and the jitter of JACK's frame-time estimate.
 *
 * <p>Threads: {@link #read} on the process thread only (allocation-free, lock-free); the anchor is
 * written by the source's thread.
 */
final class ExternalTransportClock implements CycleClock {
    /** Resyncs smaller than this are skipped (1 ms: 48 frames at 48 kHz). */
    static final double DEADBAND_SECONDS = 0.001;
    private static final double NANOS_PER_SECOND = 1e9;

    private final TransportAnchor source;
    // Process thread only.
    private TransportState seen;
    private long cursor;
    private long previousFrameTime = -1;

    ExternalTransportClock(TransportAnchor source) {
        this.source = source;
    }

    @Override
    public void read(JackClient client, int frames, int sampleRate, CyclePosition out) throws JackException {
        long sinceStart = Math.max(0, client.getFrameTime() - client.getLastFrameTime());
        long cycleNanos = System.nanoTime() - Math.round(sinceStart * NANOS_PER_SECOND / sampleRate);
        follow(source.anchor(), cycleNanos, client.getLastFrameTime(), sampleRate, out);
    }

    /**
     * Process thread (or a test's, on a non-real-time clock). The position for the cycle starting at
     * {@code cycleNanos}.
     *
     * @param anchor     the source's last report
     * @param cycleNanos {@link System#nanoTime()} of the cycle's first sample
     * @param frameTime  JACK's frame time of the cycle's first sample (frames since the server started)
     * @param sampleRate the server's frames per second; a source at another rate is heard as stopped
     */
    void follow(TransportState anchor, long cycleNanos, long frameTime, int sampleRate, CyclePosition out) {
        if (seen != null && seen.playing() && previousFrameTime >= 0) {
            cursor = TransportMotion.advance(seen.loop(), cursor, frameTime - previousFrameTime);
        }
        previousFrameTime = frameTime;
        if (anchor.sampleRate() != sampleRate) {
            out.set(anchor.frame(), false, null); // positions in another rate's samples would be nonsense
            seen = null;
            return;
        }
        if (anchor != seen) {
            resync(anchor, cycleNanos, sampleRate);
        }
        out.set(cursor, anchor.playing(), anchor.loop());
    }

    private void resync(TransportState anchor, long cycleNanos, int sampleRate) {
        // Also moved back when the report arrived after the cycle began (it then lies ahead of the cycle's start).
        long predicted = TransportMotion.frameAt(anchor, cycleNanos);
        boolean sameMotion = seen != null && seen.playing() && anchor.playing();
        long deadband = Math.round(DEADBAND_SECONDS * sampleRate);
        if (!sameMotion || Math.abs(predicted - cursor) > deadband) {
            cursor = predicted;
        }
        seen = anchor;
    }

}
