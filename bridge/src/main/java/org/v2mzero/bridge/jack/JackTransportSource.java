package org.v2mzero.bridge.jack;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jaudiolibs.jnajack.JackException;
import org.jaudiolibs.jnajack.JackTransportState;
import org.v2mzero.bridge.transport.Lifecycle;
import org.v2mzero.bridge.transport.TransportListener;
import org.v2mzero.bridge.transport.TransportSource;
import org.v2mzero.bridge.transport.TransportTracker;
import org.v2mzero.protocol.TransportState;

/**
 * Follows and drives JACK transport through an activated client of its own (no ports). Its process
 * callback queries the transport each cycle (see {@link TransportSession}); the source's thread takes
 * the last cycle's reading every {@value #POLL_MILLIS} ms and feeds it to a {@link TransportTracker},
 * which extrapolates between cycles; a frame further than {@value #LOCATE_TOLERANCE_MILLIS} ms from the
 * prediction is a locate. Play, stop and locate run inside the process callback too.
 *
 * <p>JACK's "starting" state (a locate while rolling waits for slow-sync clients) keeps the previous
 * play state, so a locate while rolling is one LOCATE, not a STOP and a PLAY. The server named by
 * {@code JACK_DEFAULT_SERVER} (or "default") is used and never started.
 *
 * <p>A server that goes away (crashed, killed) is survived the way {@link JackStemPlayer} survives it:
 * no thread of ours calls into the dead client (a query from a Java thread crashed the JVM, see
 * {@link ActiveClient}); the source reports stopped where the last cycle it saw ended, keeps answering,
 * and its thread reconnects with bounded backoff (100 ms doubling to 1 s) until a server with the same
 * name is back, then follows that server's transport. Meanwhile play, stop and locate throw.
 */
public final class JackTransportSource implements TransportSource {
    static final int POLL_MILLIS = 5;
    static final int LOCATE_TOLERANCE_MILLIS = 20;
    private static final long FIRST_RETRY_MILLIS = 100;
    private static final long MAX_RETRY_MILLIS = 1000;
    private static final long CLOSE_WAIT_MILLIS = 5000;
    private static final Logger LOG = Logger.getLogger(JackTransportSource.class.getName());
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Lifecycle lifecycle = new Lifecycle("JACK transport");
    private final String clientName;
    private final String serverName = System.getenv().getOrDefault("JACK_DEFAULT_SERVER", "default");
    private volatile TransportSession session;
    private volatile TransportTracker tracker = new TransportTracker(48_000, 0, System.nanoTime());
    private volatile TransportListener[] pending = new TransportListener[0];
    private volatile Thread thread;
    // The source's thread only.
    private TransportSession.Reading last;
    private long retryMillis = FIRST_RETRY_MILLIS;
    private long nextAttemptNanos;
    private long reportedErrors;

    /** @param clientName the JACK client name, e.g. {@code v2m-transport} */
    public JackTransportSource(String clientName) {
        if (clientName == null || clientName.isBlank()) {
            throw new IllegalArgumentException("clientName : \"" + clientName + "\" (expected: not blank)");
        }
        this.clientName = clientName;
    }

    /**
     * Any thread, once. Connects to the running server and starts the source's thread; a server that
     * goes away later is reconnected to, but one that is not there now is an error.
     */
    @Override
    public void start() throws IOException {
        lifecycle.start();
        TransportSession opened;
        try {
            opened = TransportSession.open(clientName);
        } catch (JackException | RuntimeException | LinkageError e) {
            lifecycle.close();
            throw new IOException("cannot reach JACK server \"" + serverName + "\": " + e.getMessage(), e);
        }
        session = opened;
        newTracker(opened.sampleRate());
        Thread started = new Thread(this::run, "v2m-transport-jack-" + THREADS.incrementAndGet());
        started.setDaemon(true);
        thread = started;
        started.start(); // if close() won meanwhile, the thread closes the session at once
    }

    private synchronized void newTracker(int sampleRate) {
        TransportTracker t = new TransportTracker(sampleRate, LOCATE_TOLERANCE_MILLIS / 1000.0, System.nanoTime());
        for (TransportListener listener : pending) {
            t.addListener(listener);
        }
        tracker = t;
    }

    /** The source's thread: follows, notices a lost server, reconnects; owns the session throughout. */
    private void run() {
        long period = TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS);
        try {
            while (lifecycle.isRunning()) {
                try {
                    step();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "JACK transport source " + clientName + " failed a step", e);
                }
                LockSupport.parkNanos(period);
            }
        } finally {
            closeSession();
        }
    }

    private void step() {
        TransportSession now = session;
        if (now == null) {
            if (System.nanoTime() - nextAttemptNanos >= 0) {
                attemptConnect();
            }
        } else if (now.serverGone()) {
            onServerGone(now);
        } else {
            follow(now);
        }
    }

    /** The source's thread: feeds the last cycle's reading, if new, to the tracker. */
    private void follow(TransportSession now) {
        reportErrors(now);
        TransportSession.Reading r = now.latest(last == null ? 0 : last.cycle());
        if (r == null) {
            return;
        }
        last = r;
        TransportTracker t = tracker;
        JackTransportState state = r.state();
        if (state == JackTransportState.JackTransportRolling || state == JackTransportState.JackTransportLooping) {
            t.reportPlaying(true, r.nanos());
        } else if (state == JackTransportState.JackTransportStopped) {
            t.reportPlaying(false, r.nanos());
        }
        t.reportPosition(r.frame(), r.nanos());
        if (r.bbt()) {
            t.reportTempo(r.bpm(), r.beatsPerBar());
        }
    }

    private void reportErrors(TransportSession now) {
        long errors = now.errors();
        if (errors > 0 && errors >= 2 * reportedErrors) { // 1, 2, 4, 8...: a persistent fault stays quiet
            LOG.log(Level.WARNING, "JACK transport callback of " + clientName + " failed (" + errors
                    + " times since connecting)", now.lastError());
            reportedErrors = errors;
        }
    }

    /** The source's thread: the shutdown callback said the server is gone. */
    private void onServerGone(TransportSession gone) {
        long now = System.nanoTime();
        long end = last == null ? now
                : Math.min(now, last.nanos() + gone.periodFrames() * 1_000_000_000L / gone.sampleRate());
        tracker.reportPlaying(false, end); // a STOP for listeners, where the last cycle we saw ended
        LOG.warning("JACK server \"" + serverName + "\" went away; transport source " + clientName
                + " reports stopped and reconnects");
        closeSession();
        retryMillis = FIRST_RETRY_MILLIS;
        nextAttemptNanos = now + TimeUnit.MILLISECONDS.toNanos(FIRST_RETRY_MILLIS);
    }

    /** The source's thread: one connection attempt; on failure the next one is due after the backoff. */
    private void attemptConnect() {
        TransportSession opened;
        try {
            opened = TransportSession.open(clientName);
        } catch (JackException | RuntimeException | LinkageError e) {
            LOG.log(retryMillis == FIRST_RETRY_MILLIS ? Level.INFO : Level.FINE, "JACK transport source "
                    + clientName + ": no server \"" + serverName + "\" yet, retrying every <= " + MAX_RETRY_MILLIS
                    + " ms (" + e.getMessage() + ")");
            nextAttemptNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(retryMillis);
            retryMillis = Math.min(retryMillis * 2, MAX_RETRY_MILLIS);
            return;
        }
        if (opened.sampleRate() != tracker.anchor().sampleRate()) {
            newTracker(opened.sampleRate()); // positions in the old rate's samples would be nonsense
        }
        last = null;
        reportedErrors = 0;
        retryMillis = FIRST_RETRY_MILLIS;
        session = opened;
        LOG.info("JACK transport source " + clientName + " follows server \"" + serverName + "\" again at "
                + opened.sampleRate() + " Hz");
    }

    private void closeSession() {
        TransportSession old = session;
        session = null;
        if (old != null) {
            old.close();
        }
    }

    /** Any thread, never blocks. Stopped where it was while the server is away. */
    @Override
    public TransportState state() {
        return tracker.estimate(System.nanoTime());
    }

    /** Any thread. The server's rate (the last server's while reconnecting); 48000 before {@link #start()}. */
    @Override
    public int sampleRate() {
        return tracker.anchor().sampleRate();
    }

    /** Any thread. Whether a JACK server is followed now: false before start, after close, and while reconnecting. */
    public boolean connected() {
        TransportSession now = session;
        return now != null && !now.serverGone() && lifecycle.isRunning();
    }

    /** Listeners added before {@link #start()} are carried over to the running source. Any thread. */
    @Override
    public synchronized void addListener(TransportListener listener) {
        TransportListener[] now = Arrays.copyOf(pending, pending.length + 1);
        now[pending.length] = listener;
        pending = now;
        tracker.addListener(listener);
    }

    @Override
    public synchronized void removeListener(TransportListener listener) {
        pending = Arrays.stream(pending).filter(l -> l != listener).toArray(TransportListener[]::new);
        tracker.removeListener(listener);
    }

    /** Any thread; returns once the next process cycle made the request (about one period). */
    @Override
    public void play() throws IOException {
        request(TransportRequests.START, 0, "start");
    }

    /** Any thread; returns once the next process cycle made the request (about one period). */
    @Override
    public void stop() throws IOException {
        request(TransportRequests.STOP, 0, "stop");
    }

    /** Locates to {@code seconds} (JACK keeps rolling if it rolls). Any thread; see {@link #play()}. */
    @Override
    public void locate(double seconds) throws IOException {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("seconds : " + seconds + " (expected: >= 0 and finite)");
        }
        long frame = Math.round(seconds * sampleRate());
        if (frame > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("seconds : " + seconds + " (expected: < 2^31 frames, JNAJack's int)");
        }
        request(TransportRequests.LOCATE, frame, "locate to frame " + frame);
    }

    /** @throws IOException one line, when no server is followed now or the request did not run */
    private void request(int request, long frame, String what) throws IOException {
        lifecycle.requireRunning();
        TransportSession now = session;
        if (now == null || now.serverGone()) {
            throw new IOException("JACK transport " + what + ": no JACK server \"" + serverName
                    + "\" now (the source reconnects when one is back)");
        }
        now.request(request, frame, what, () -> session == now && lifecycle.isRunning());
    }

    @Override
    public long malformedMessages() {
        return 0;
    }

    /**
     * Any thread, idempotent. Stops the source's thread, which closes the client; waits up to 5 s for
     * that, except on the source's own thread (a listener), which closes it once the listener returns.
     */
    @Override
    public void close() {
        if (!lifecycle.close()) {
            return;
        }
        Thread running = thread;
        if (running == null || running == Thread.currentThread()) {
            return;
        }
        LockSupport.unpark(running);
        try {
            running.join(CLOSE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (running.isAlive()) {
            LOG.warning("JACK transport source " + clientName + " did not close within " + CLOSE_WAIT_MILLIS + " ms");
        }
    }
}
