package org.v2mzero.bridge.osc;

import com.illposed.osc.OSCMessage;
import java.io.IOException;
import org.v2mzero.bridge.transport.Lifecycle;
import org.v2mzero.bridge.transport.TransportAnchor;
import org.v2mzero.bridge.transport.TransportListener;
import org.v2mzero.bridge.transport.TransportSource;
import org.v2mzero.bridge.transport.TransportTracker;
import org.v2mzero.protocol.TransportState;

/**
 * What the OSC dialects share: one {@link OscLink}, the lifecycle and the estimate. A dialect says how
 * to greet the DAW, reads its feedback and sends its control messages.
 *
 * <p>Public so callers can hold either dialect as one type that is both a {@link TransportSource} and a
 * {@link TransportAnchor} (what {@code JackStemPlayer.following} takes); only this package subclasses it.
 *
 * <p>The DAW reports positions about every 100 ms while rolling; between reports {@link #state()}
 * extrapolates at the sample rate given to the constructor (the DAW's session rate: OSC does not say it).
 */
public abstract class OscTransportSource implements TransportSource, TransportAnchor {
    /** Report-to-prediction distance that counts as a locate: above loopback jitter, below any real locate. */
    static final double LOCATE_TOLERANCE_SECONDS = 0.05;

    private final Lifecycle lifecycle;
    private final OscLink link;
    private final int sampleRate;
    private final TransportTracker tracker;

    OscTransportSource(String name, OscEndpoints endpoints, int sampleRate) {
        if (sampleRate < 1 || sampleRate > TransportState.MAX_SAMPLE_RATE) {
            throw new IllegalArgumentException("sampleRate : " + sampleRate + " (expected: 1.."
                    + TransportState.MAX_SAMPLE_RATE + ")");
        }
        this.lifecycle = new Lifecycle(name + " OSC transport");
        this.link = new OscLink(name, endpoints, this::handle);
        this.sampleRate = sampleRate;
        this.tracker = new TransportTracker(sampleRate, LOCATE_TOLERANCE_SECONDS, System.nanoTime());
    }

    /** Sends the dialect's greeting (feedback subscription, first queries); after the socket is bound. */
    abstract void greet() throws IOException;

    /** Reads one feedback message on the link's thread; unknown addresses are ignored, not malformed. */
    abstract void handle(OSCMessage message, long nanos) throws MalformedOscException;

    @Override
    public final void start() throws IOException {
        lifecycle.start();
        try {
            link.start();
            greet();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public final TransportState state() {
        return tracker.estimate(System.nanoTime());
    }

    /** The DAW's last report, published by the link's thread; any thread, allocation-free. */
    @Override
    public final TransportState anchor() {
        return tracker.anchor();
    }

    @Override
    public final int sampleRate() {
        return sampleRate;
    }

    @Override
    public final void addListener(TransportListener listener) {
        tracker.addListener(listener);
    }

    @Override
    public final void removeListener(TransportListener listener) {
        tracker.removeListener(listener);
    }

    @Override
    public final long malformedMessages() {
        return link.malformedCount();
    }

    /** Datagrams ignored because they came from another host than the DAW's; any thread. */
    public final long strangerDatagrams() {
        return link.strangerCount();
    }

    /** The UDP port this source listens on for feedback; after {@link #start()}, any thread. */
    public final int localPort() {
        lifecycle.requireRunning();
        return link.localPort();
    }

    @Override
    public final void close() {
        if (lifecycle.close()) {
            link.close();
            closed();
        }
    }

    /** Releases what a dialect holds besides the link; once, after the link closed. */
    void closed() {}

    /** Sends a control message; any thread, while running. */
    final void send(String address, Object... args) throws IOException {
        lifecycle.requireRunning();
        link.send(address, args);
    }

    final TransportTracker tracker() {
        return tracker;
    }

    static long toFrames(double seconds, int sampleRate) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("seconds : " + seconds + " (expected: >= 0 and finite)");
        }
        return Math.round(seconds * sampleRate);
    }
}
