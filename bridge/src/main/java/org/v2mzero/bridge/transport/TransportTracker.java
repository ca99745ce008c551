package org.v2mzero.bridge.transport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.v2mzero.protocol.TransportState;

/**
 * The estimate every source shares: an anchor (the last reported position, its play state and the
 * {@link System#nanoTime()} it was seen at) advanced at the sample rate while rolling. Each report
 * replaces the anchor at once, so a locate is a jump and never a glide; a report further from the
 * prediction than the locate tolerance is told to listeners as a {@link TransportChange#LOCATE}.
 * While the anchor carries a loop, the estimate wraps from its end to its start ({@link TransportMotion}),
 * so a report after a wrap the estimate already made is no locate; a wrap the source cannot foresee
 * (its DAW does not say the loop range) arrives as a report and is told as a locate.
 *
 * <p>Threads: one writer (the source's thread) calls {@code report…}; {@link #estimate} may be called
 * from any thread. Listeners run on the writer's thread.
 */
public final class TransportTracker {
    private static final Logger LOG = Logger.getLogger(TransportTracker.class.getName());

    private final List<TransportListener> listeners = new CopyOnWriteArrayList<>();
    private final long toleranceFrames;
    // Written by the source's thread only; volatile so readers on any thread see whole anchors.
    private volatile TransportState anchor;

    /**
     * @param sampleRate               samples per second of the reported positions
     * @param locateToleranceSeconds   how far a report may land from the prediction before it counts
     *                                 as a locate (covers network jitter), {@code >= 0}
     * @param nowNanos                 {@link System#nanoTime()} now
     */
    public TransportTracker(int sampleRate, double locateToleranceSeconds, long nowNanos) {
        if (!(locateToleranceSeconds >= 0 && locateToleranceSeconds < 60)) {
            throw new IllegalArgumentException("locateToleranceSeconds : " + locateToleranceSeconds
                    + " (expected: 0..60)");
        }
        this.anchor = TransportState.stopped(sampleRate, nowNanos);
        this.toleranceFrames = Math.round(locateToleranceSeconds * sampleRate);
    }

    /** The state at {@code nowNanos}, extrapolated from the anchor while rolling; any thread. */
    public TransportState estimate(long nowNanos) {
        TransportState a = anchor;
        return a.withPosition(a.playing(), predictFrame(a, nowNanos), nowNanos);
    }

    /**
     * The last report itself, not extrapolated; any thread, allocation-free (see {@link TransportAnchor}).
     * A new object after every {@code report…} call, even one that repeats the position.
     */
    public TransportState anchor() {
        return anchor;
    }

    /** The anchor moved on to {@code nowNanos} (see {@link TransportMotion}); never moved back. */
    static long predictFrame(TransportState a, long nowNanos) {
        return nowNanos <= a.observedNanos() ? a.frame() : TransportMotion.frameAt(a, nowNanos);
    }

    /** The DAW reported a position (samples) seen at {@code nanos}; source thread only. */
    public void reportPosition(long frame, long nanos) {
        TransportState a = anchor;
        long jump = frame - predictFrame(a, nanos);
        anchor = a.withPosition(a.playing(), Math.max(0, frame), nanos);
        if (Math.abs(jump) > toleranceFrames) {
            fire(TransportChange.LOCATE);
        }
    }

    /** The DAW reported its play state at {@code nanos}; the position carries on from the estimate. */
    public void reportPlaying(boolean playing, long nanos) {
        TransportState a = anchor;
        if (a.playing() == playing) {
            return;
        }
        anchor = a.withPosition(playing, predictFrame(a, nanos), nanos);
        fire(playing ? TransportChange.PLAY : TransportChange.STOP);
    }

    /** The DAW reported tempo and time signature ({@code NaN} for unknown); source thread only. */
    public void reportTempo(double bpm, double beatsPerBar) {
        TransportState a = anchor;
        if (same(a.bpm(), bpm) && same(a.beatsPerBar(), beatsPerBar)) {
            return;
        }
        anchor = a.withTempo(bpm, beatsPerBar);
        fire(TransportChange.TEMPO);
    }

    /**
     * The DAW reported its loop: the range while looping is on, {@code null} when it is off or the range is
     * unknown; source thread only. The estimate is re-anchored at {@code nanos} first, so the new loop only
     * shapes the motion from then on.
     */
    public void reportLoop(TransportState.Loop loop, long nanos) {
        TransportState a = anchor;
        if (java.util.Objects.equals(a.loop(), loop)) {
            return;
        }
        anchor = a.withPosition(a.playing(), predictFrame(a, nanos), nanos).withLoop(loop);
        fire(TransportChange.LOOP);
    }

    private static boolean same(double a, double b) {
        return Double.compare(a, b) == 0;
    }

    public void addListener(TransportListener listener) {
        listeners.add(java.util.Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(TransportListener listener) {
        listeners.remove(listener);
    }

    private void fire(TransportChange change) {
        TransportState state = anchor;
        for (TransportListener listener : listeners) {
            try {
                listener.transportChanged(change, state);
            } catch (RuntimeException e) {
                // A listener's bug must not stop the transport from being followed.
                LOG.log(Level.WARNING, "transport listener failed on " + change, e);
            }
        }
    }
}
