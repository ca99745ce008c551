package org.v2mzero.bridge.jack;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jaudiolibs.jnajack.JackException;
import org.v2mzero.bridge.transport.TransportAnchor;
import org.v2mzero.protocol.TransportState;

/**
 * Streams the current take into JACK, locked to the JACK transport: a client (normally {@code v2m}) with
 * output ports {@code <stem>_L}/{@code <stem>_R} per configured stem and {@code mix_L}/{@code mix_R}.
 * While the transport rolls, each port carries the take's samples at exactly the transport frame
 * ({@link PlayableTake#startFrame()} places the take); it is silent when stopped and outside the take.
 *
 * <p>Ports are fixed when the player is built: registering ports is not real-time safe and would make
 * the DAW's connections come and go with each take. A take with other stems is laid out against these
 * ports: a port whose stem the take lacks plays silence, a stem without a port is heard on the mix only.
 *
 * <p>Takes are handed over with {@link #setTake} without blocking and switched inside the process cycle
 * at the requested frame. When the server goes away the player keeps its take, settings and
 * connections, reports {@link PlayerState#DISCONNECTED}, and a control thread retries with bounded
 * backoff (100 ms doubling to 1 s) until a server with the same name is back. Nothing but the process
 * callback and a flag-setting shutdown callback runs on JACK's threads: libjack cancels its threads with
 * {@code pthread_cancel} on close, and a cancel that lands inside Java code hangs the JVM.
 *
 * <p>The clock is the JACK transport unless the player is built with {@link #following}: then it
 * follows a DAW's transport reported by another source (Ardour or Reaper over OSC), see
 * {@link ExternalTransportClock} for how positions between reports are found and how exact they are.
 *
 * <p>Threads: all public methods may be called from any control thread; {@link #close()} from any thread.
 */
public final class JackStemPlayer implements AutoCloseable {
    /** Name of the port pair carrying the sum of all stems. */
    public static final String MIX = "mix";
    /** Swap frame meaning "at the next cycle". Any frame at or before the transport frame does the same. */
    public static final long SWAP_NOW = 0;

    private static final Logger LOG = Logger.getLogger(JackStemPlayer.class.getName());
    private static final long FIRST_RETRY_MILLIS = 100;
    private static final long MAX_RETRY_MILLIS = 1000;
    private static final long CONTROL_WAIT_SECONDS = 10;
    private static final long WATCH_MILLIS = 50;

    private final String clientName;
    private final List<String> stems;
    private final CycleRenderer renderer;
    private final CycleClock clock;
    private final AudioMeters meters = new AudioMeters();
    private final AtomicReference<PlayerState> state = new AtomicReference<>(PlayerState.NEW);
    private final ScheduledThreadPoolExecutor control;
    private final PortConnections connections;
    private volatile JackSession session;
    private long retryMillis = FIRST_RETRY_MILLIS; // control thread only

    /**
     * Any thread; opens nothing yet.
     *
     * @param clientName JACK client name, e.g. {@code v2m}
     * @param stemNames  stems that get a port pair, in port order; unique, not {@value #MIX}
     */
    public JackStemPlayer(String clientName, List<String> stemNames) {
        this(clientName, stemNames, new JackTransportClock());
    }

    /**
     * Any thread; opens nothing yet. A player that follows {@code transport} instead of the JACK
     * transport: while it rolls, each cycle plays the take at the DAW's reported position, extrapolated
     * to the cycle's start and carried on by whole cycles between reports. The transport's positions
     * must be in samples at the JACK server's rate (the session rate); at another rate the player is
     * silent. The caller starts and closes {@code transport}.
     *
     * @param clientName JACK client name, e.g. {@code v2m}
     * @param stemNames  stems that get a port pair, in port order; unique, not {@value #MIX}
     * @param transport  e.g. an {@code ArdourOscTransportSource} or {@code ReaperOscTransportSource}
     */
    public static JackStemPlayer following(String clientName, List<String> stemNames, TransportAnchor transport) {
        if (transport == null) {
            throw new IllegalArgumentException("transport : null (expected: a source such as an OSC transport)");
        }
        return new JackStemPlayer(clientName, stemNames, new ExternalTransportClock(transport));
    }

    private JackStemPlayer(String clientName, List<String> stemNames, CycleClock clock) {
        this.clock = clock;
        this.clientName = PortNames.checkClientName(clientName);
        this.stems = PortNames.checkStems(stemNames, MIX);
        this.renderer = new CycleRenderer(stems.size());
        this.connections = new PortConnections(this.clientName);
        this.control = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "v2m-jack-control-" + clientName);
            thread.setDaemon(true);
            return thread;
        });
        // A pending retry must not hold close() up for its backoff delay.
        control.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        control.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
    }

    /**
     * Any control thread. Connects if a server runs, otherwise goes {@link PlayerState#DISCONNECTED} and
     * keeps trying in the background. Waits at most 10 s for the first attempt.
     *
     * @return the state after the first attempt
     * @throws IllegalStateException if already started or closed
     */
    public PlayerState start() {
        if (!state.compareAndSet(PlayerState.NEW, PlayerState.DISCONNECTED)) {
            throw new IllegalStateException("player " + clientName + " : " + state.get() + " (expected: NEW)");
        }
        awaitControl(() -> {
            attemptConnect();
            return null;
        });
        control.scheduleWithFixedDelay(this::watchServer, WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
        return state.get();
    }

    /**
     * Any thread; lock-free, never blocks. From timeline frame {@code swapAtFrame} on the player plays
     * {@code take}, sample-accurately; while rolling it crossfades from the old take over 256 frames
     * from that frame on (see {@link CycleRenderer}). A frame at or before the transport (e.g.
     * {@link #SWAP_NOW}) switches at the next cycle; a second call before the first swap happened
     * replaces it. The host passes a bar-line frame; if the transport loops first, the swap waits.
     *
     * @param take        the take, or {@code null} for silence
     * @param swapAtFrame timeline frame (samples at the server's rate)
     * @throws IllegalArgumentException if connected to a server of another sample rate
     */
    public void setTake(PlayableTake take, long swapAtFrame) {
        JackSession now = session;
        if (take != null && now != null && take.sampleRate() != now.sampleRate()) {
            throw new IllegalArgumentException("take sample rate : " + take.sampleRate() + " (expected: "
                    + now.sampleRate() + ", the JACK server's)");
        }
        renderer.offer(new TakeSwap(take == null ? null : take.resolve(stems), swapAtFrame));
    }

    /**
     * Any thread. The JACK transport as the last process cycle saw it (at most one period old), for a
     * player on the JACK transport; so a daemon needs no second client to follow it. Stopped at 0 while
     * not connected, and for a player that follows another transport (ask that one).
     */
    public TransportState transport() {
        JackSession now = session;
        if (!(clock instanceof JackTransportClock jack) || now == null || now.serverGone()) {
            return TransportState.stopped(now == null ? 48_000 : now.sampleRate(), System.nanoTime());
        }
        return TransportState.stopped(now.sampleRate(), jack.lastNanos())
                .withPosition(jack.lastRolling(), jack.lastFrame(), jack.lastNanos());
    }

    /** Any thread. The take the audio thread plays now (a pending swap not yet applied is not it). */
    public PlayableTake currentTake() {
        return renderer.current();
    }

    /**
     * Any control thread. Connects own port {@code ownPort} (short name, e.g. {@code mix_L}) to
     * {@code destination} (full name, e.g. {@code ardour:Audio 1/audio_in 1}) now if connected, and again
     * after every reconnect; a destination that is not there is retried every second while connected.
     *
     * @return whether the connection was made now
     */
    public boolean connect(String ownPort, String destination) {
        if (!portNames().contains(ownPort)) {
            throw new IllegalArgumentException("port : " + ownPort + " (expected one of " + portNames() + ")");
        }
        connections.remember(ownPort, destination);
        Boolean made = awaitControl(() -> connectNow(session, ownPort, destination));
        if (!Boolean.TRUE.equals(made)) {
            retryLater(this::replayConnections, MAX_RETRY_MILLIS);
            return false;
        }
        return true;
    }

    /** Any thread. Short names of the ports, stem pairs in order, then {@code mix_L}, {@code mix_R}. */
    public List<String> portNames() {
        return PortNames.ports(stems, MIX);
    }

    /** Any thread. The JACK client name. */
    public String clientName() {
        return clientName;
    }

    /** Any thread. */
    public PlayerState state() {
        return state.get();
    }

    /** Any control thread (allocates a snapshot). */
    public PlayerStats stats() {
        JackSession now = session;
        boolean live = now != null && !now.serverGone();
        return new PlayerStats(state.get(), live ? now.sampleRate() : 0, live ? now.periodFrames() : 0,
                meters.callbacks.get(), meters.xruns.get(), meters.callbackErrors.get(),
                meters.callbackTime.percentile(0.5), meters.callbackTime.percentile(0.99),
                meters.connects.get());
    }

    /**
     * Any thread, idempotent. Stops the reconnect loop and closes the client. Waits (at most 10 s) for
     * that, except when called from one of JACK's threads, where waiting could deadlock libjack.
     */
    @Override
    public void close() {
        if (state.getAndSet(PlayerState.CLOSED) == PlayerState.CLOSED) {
            return;
        }
        control.execute(this::closeSession);
        control.shutdown();
        if (meters.onJackThread()) {
            return;
        }
        try {
            if (!control.awaitTermination(CONTROL_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warning("JACK client " + clientName + " did not close within " + CONTROL_WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Control thread: one connection attempt; on failure the next one is scheduled with backoff. */
    private void attemptConnect() {
        if (state.get() != PlayerState.DISCONNECTED) {
            return;
        }
        closeSession();
        JackSession opened;
        try {
            opened = JackSession.open(clientName, stems, renderer, meters, clock);
        } catch (JackException | RuntimeException e) {
            LOG.log(retryMillis == FIRST_RETRY_MILLIS ? Level.INFO : Level.FINE,
                    "JACK client " + clientName + ": no server yet, retrying every <= " + MAX_RETRY_MILLIS
                            + " ms (" + e.getMessage() + ")");
            retryLater(this::attemptConnect, retryMillis);
            retryMillis = Math.min(retryMillis * 2, MAX_RETRY_MILLIS);
            return;
        }
        session = opened;
        if (!state.compareAndSet(PlayerState.DISCONNECTED, PlayerState.CONNECTED)) {
            closeSession(); // closed meanwhile
            return;
        }
        retryMillis = FIRST_RETRY_MILLIS;
        meters.connects.incrementAndGet();
        LOG.info("JACK client " + clientName + " connected at " + opened.sampleRate() + " Hz, "
                + opened.periodFrames() + " frames per period");
        replayConnections();
    }

    /**
     * Control thread, every 50 ms: notices a server that went away. JACK's shutdown callback only sets a
     * flag (see {@link JackSession}), so the reaction happens here, off JACK's threads.
     */
    private void watchServer() {
        JackSession now = session;
        if (now != null && now.serverGone()) {
            onServerGone(now);
        }
    }

    /** Control thread: the server shut {@code gone} down. */
    private void onServerGone(JackSession gone) {
        if (session == gone && state.compareAndSet(PlayerState.CONNECTED, PlayerState.DISCONNECTED)) {
            LOG.warning("JACK server went away; player " + clientName + " keeps its take and reconnects");
            retryMillis = FIRST_RETRY_MILLIS;
            attemptConnect();
        }
    }

    /**
     * Control thread: makes every remembered connection that is missing (its destination's client may
     * come back after us, e.g. a DAW restarted with the server); while some are missing it tries again
     * every second. Polling from here instead of a port-registration callback keeps Java code off JACK's
     * notification thread (see {@link MissedCycles}).
     */
    private void replayConnections() {
        JackSession now = session;
        if (usable(now) && !connections.connectAll(now) && session == now) {
            retryLater(this::replayConnections, MAX_RETRY_MILLIS);
        }
    }

    private void retryLater(Runnable attempt, long delayMillis) {
        try {
            control.schedule(attempt, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Only happens once close() shut the control thread down: there is nothing left to retry.
            LOG.log(Level.FINE, "player " + clientName + " closed, no reconnect", e);
        }
    }

    private boolean connectNow(JackSession target, String ownPort, String destination) {
        return usable(target) && connections.connect(target, ownPort, destination);
    }

    /** Whether connections can be made on {@code target}: the live session of a connected player. */
    private boolean usable(JackSession target) {
        return target != null && !target.serverGone() && state.get() == PlayerState.CONNECTED;
    }

    private void closeSession() {
        JackSession old = session;
        session = null;
        if (old != null) {
            old.close();
        }
    }

    private <T> T awaitControl(Callable<T> task) {
        try {
            return control.submit(task).get(CONTROL_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            LOG.log(Level.WARNING, "JACK client " + clientName + ": control task failed", e);
            return null;
        }
    }
}
