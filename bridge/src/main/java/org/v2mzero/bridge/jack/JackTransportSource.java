package org.v2mzero.bridge.jack;

import java.io.IOException;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jaudiolibs.jnajack.Jack;
import org.jaudiolibs.jnajack.JackClient;
import org.jaudiolibs.jnajack.JackException;
import org.jaudiolibs.jnajack.JackOptions;
import org.jaudiolibs.jnajack.JackPosition;
import org.jaudiolibs.jnajack.JackPositionBits;
import org.jaudiolibs.jnajack.JackStatus;
import org.jaudiolibs.jnajack.JackTransportState;
import org.v2mzero.bridge.transport.Lifecycle;
import org.v2mzero.bridge.transport.TransportListener;
import org.v2mzero.bridge.transport.TransportSource;
import org.v2mzero.bridge.transport.TransportTracker;
import org.v2mzero.protocol.TransportState;

/**
 * Follows and drives JACK transport through a client of its own (no ports, never activated, so it
 * adds nothing to the process cycle). A control thread polls every {@value #POLL_MILLIS} ms:
 * {@code jack_transport_query} for the state and BBT, {@code jack_get_current_transport_frame} for a
 * frame interpolated inside the current period; each poll resyncs the estimate, and a frame further
 * than {@value #LOCATE_TOLERANCE_MILLIS} ms from the prediction is a locate.
 *
 * <p>JACK's "starting" state (a locate while rolling waits for slow-sync clients) keeps the previous
 * play state, so a locate while rolling is one LOCATE, not a STOP and a PLAY. The server named by
 * {@code JACK_DEFAULT_SERVER} (or "default") is used and never started.
 */
public final class JackTransportSource implements TransportSource {
    static final int POLL_MILLIS = 5;
    static final int LOCATE_TOLERANCE_MILLIS = 20;
    private static final Logger LOG = Logger.getLogger(JackTransportSource.class.getName());
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Lifecycle lifecycle = new Lifecycle("JACK transport");
    private final String clientName;
    private final JackPosition position = new JackPosition();
    private volatile JackClient client;
    private volatile TransportTracker tracker = new TransportTracker(48_000, 0, System.nanoTime());
    private volatile TransportListener[] pending = new TransportListener[0];
    private Thread thread;
    private long failures;

    /** @param clientName the JACK client name, e.g. {@code v2m-transport} */
    public JackTransportSource(String clientName) {
        if (clientName == null || clientName.isBlank()) {
            throw new IllegalArgumentException("clientName : \"" + clientName + "\" (expected: not blank)");
        }
        this.clientName = clientName;
    }

    @Override
    public void start() throws IOException {
        lifecycle.start();
        JackMessages.routeToLogger();
        EnumSet<JackStatus> status = EnumSet.noneOf(JackStatus.class);
        try {
            client = Jack.getInstance().openClient(clientName, EnumSet.of(JackOptions.JackNoStartServer), status);
        } catch (JackException | LinkageError e) {
            lifecycle.close();
            String server = System.getenv().getOrDefault("JACK_DEFAULT_SERVER", "default");
            throw new IOException("cannot reach JACK server \"" + server + "\" " + status + ": " + e.getMessage(), e);
        }
        try {
            TransportTracker started = new TransportTracker(client.getSampleRate(),
                    LOCATE_TOLERANCE_MILLIS / 1000.0, System.nanoTime());
            for (TransportListener listener : pending) {
                started.addListener(listener);
            }
            tracker = started;
        } catch (JackException e) {
            close();
            throw new IOException("JACK server gave no sample rate: " + e.getMessage(), e);
        }
        thread = new Thread(this::pollLoop, "v2m-transport-jack-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
    }

    private void pollLoop() {
        long period = TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS);
        while (lifecycle.isRunning()) {
            pollOnce();
            LockSupport.parkNanos(period);
        }
    }

    private void pollOnce() {
        try {
            JackTransportState state = client.transportQuery(position);
            long frame = client.getCurrentTransportFrame();
            long nanos = System.nanoTime();
            TransportTracker t = tracker;
            if (state == JackTransportState.JackTransportRolling || state == JackTransportState.JackTransportLooping) {
                t.reportPlaying(true, nanos);
            } else if (state == JackTransportState.JackTransportStopped) {
                t.reportPlaying(false, nanos);
            }
            t.reportPosition(frame, nanos);
            if (position.getValid().contains(JackPositionBits.JackPositionBBT)) {
                t.reportTempo(position.getBeatsPerMinute(), position.getBeatsPerBar());
            }
        } catch (JackException | RuntimeException e) {
            // The server went away or a listener's caller failed: keep the last state, say so rarely.
            if (failures++ % 1000 == 0) {
                LOG.log(Level.WARNING, "JACK transport query failed (" + failures + " times)", e);
            }
        }
    }

    @Override
    public TransportState state() {
        return tracker.estimate(System.nanoTime());
    }

    @Override
    public int sampleRate() {
        return state().sampleRate();
    }

    /** Listeners added before {@link #start()} are carried over to the running source. Any thread. */
    @Override
    public synchronized void addListener(TransportListener listener) {
        TransportListener[] now = java.util.Arrays.copyOf(pending, pending.length + 1);
        now[pending.length] = listener;
        pending = now;
        tracker.addListener(listener);
    }

    @Override
    public synchronized void removeListener(TransportListener listener) {
        pending = java.util.Arrays.stream(pending).filter(l -> l != listener).toArray(TransportListener[]::new);
        tracker.removeListener(listener);
    }

    @Override
    public void play() throws IOException {
        try {
            runningClient().transportStart();
        } catch (JackException e) {
            throw new IOException("JACK transport start failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void stop() throws IOException {
        try {
            runningClient().transportStop();
        } catch (JackException e) {
            throw new IOException("JACK transport stop failed: " + e.getMessage(), e);
        }
    }

    /** Locates to {@code seconds} (JACK keeps rolling if it rolls). Any thread. */
    @Override
    public void locate(double seconds) throws IOException {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("seconds : " + seconds + " (expected: >= 0 and finite)");
        }
        long frame = Math.round(seconds * sampleRate());
        if (frame > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("seconds : " + seconds + " (expected: < 2^31 frames, JNAJack's int)");
        }
        try {
            runningClient().transportLocate((int) frame);
        } catch (JackException e) {
            throw new IOException("JACK transport locate failed: " + e.getMessage(), e);
        }
    }

    private JackClient runningClient() {
        lifecycle.requireRunning();
        return client;
    }

    @Override
    public long malformedMessages() {
        return 0;
    }

    /** Stops the poll thread (waits up to 1 s), then closes the client. Any thread, idempotent. */
    @Override
    public void close() {
        if (!lifecycle.close()) {
            return;
        }
        Thread poller = thread;
        if (poller != null && poller != Thread.currentThread()) {
            try {
                poller.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        JackClient c = client;
        if (c != null) {
            c.close();
        }
    }
}
