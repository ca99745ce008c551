package org.v2mzero.bridge.osc;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends a locate again until a position report lands on it. Ardour 7.3 drops a {@code /locate} that
 * arrives while it is still finishing a stop, although it has already said {@code /transport_stop 1}:
 * its log says "bad transition, current state = DeclickToStop/WaitingForButler/Forwards event = Locate"
 * and the playhead stays where it stopped. Seen in 8 of 26 runs of TransportSourceContractTest against
 * {@code ardour7-lua} on a busy 2-core machine, where the locate came 2 ms after the stop; a locate right
 * after a stop is what "stop, back to the cue's start" sends. A play or stop sent meanwhile cancels the
 * retries ({@link #cancel}): a locate sent again after a roll would move a rolling transport, and cut a
 * recording in two (ArdourRecordingTest caught that).
 *
 * <p>Threads: {@link #request} from any thread, {@link #reported} on the link's thread, the retries on a
 * daemon timer thread of its own, ended by {@link #close}.
 */
final class LocateRetry implements AutoCloseable {
    /** Stopped, Ardour reports a new position within about 100 ms (its surface's tick); rolling, at once. */
    static final long RETRY_MILLIS = 250;
    /** Sends after the first one before giving up with a warning. */
    static final int RETRIES = 3;
    private static final Logger LOG = Logger.getLogger(LocateRetry.class.getName());

    /** Sends one {@code /locate}. */
    interface Sender {
        void send(long frame, boolean roll) throws IOException;
    }

    /** A locate not yet seen in a report: where to, whether it rolls, since when, how many sends are left. */
    private record Pending(long frame, boolean roll, long firstSentNanos, int retriesLeft) {}

    private final Sender sender;
    private final int sampleRate;
    private final long toleranceFrames;
    private final long aheadFrames;
    private final AtomicReference<Pending> pending = new AtomicReference<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "v2m-locate-retry");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param toleranceFrames how far before the target a report may land
     * @param aheadFrames     how far past the target (or past where it has rolled since) a report may land
     */
    LocateRetry(Sender sender, int sampleRate, long toleranceFrames, long aheadFrames) {
        this.sender = sender;
        this.sampleRate = sampleRate;
        this.toleranceFrames = toleranceFrames;
        this.aheadFrames = aheadFrames;
    }

    /** Sends a locate now and again until it is reported; a newer request replaces an older one. */
    void request(long frame, boolean roll) throws IOException {
        Pending first = new Pending(frame, roll, System.nanoTime(), RETRIES);
        pending.set(first); // before the send: Ardour's report may come back before send() returns
        try {
            sender.send(frame, roll);
        } catch (IOException | RuntimeException e) {
            pending.compareAndSet(first, null);
            throw e;
        }
        schedule(first);
    }

    /** A position report seen at {@code nanos}: settles the pending locate if the report lands on it. */
    void reported(long frame, long nanos) {
        Pending p = pending.get();
        if (p != null && landed(p, frame, nanos)) {
            pending.compareAndSet(p, null);
        }
    }

    /**
     * Forgets the pending locate without sending it again: the transport was told to start or stop meanwhile,
     * and a locate sent after that would move a transport someone set rolling (and, while recording, start
     * a new take). Any thread.
     */
    void cancel() {
        pending.set(null);
    }

    /** Whether a locate is waiting for its report; any thread. */
    boolean pending() {
        return pending.get() != null;
    }

    private boolean landed(Pending p, long frame, long nanos) {
        long rolled = p.roll() ? Math.max(0, (nanos - p.firstSentNanos()) * sampleRate / 1_000_000_000L) : 0;
        return frame >= p.frame() - toleranceFrames && frame <= p.frame() + rolled + aheadFrames;
    }

    private void schedule(Pending p) {
        try {
            timer.schedule(() -> retry(p), RETRY_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Closed meanwhile: nothing left to retry for.
        }
    }

    private void retry(Pending p) {
        if (p.retriesLeft() == 0) {
            if (pending.compareAndSet(p, null)) {
                LOG.log(Level.WARNING, "the DAW did not move to sample {0} after {1} locates; giving up",
                        new Object[] {p.frame(), RETRIES + 1});
            }
            return;
        }
        Pending again = new Pending(p.frame(), p.roll(), p.firstSentNanos(), p.retriesLeft() - 1);
        if (!pending.compareAndSet(p, again)) {
            return; // reported, or replaced by a newer locate
        }
        try {
            sender.send(again.frame(), again.roll());
        } catch (IOException | IllegalStateException e) {
            // Closed meanwhile, or the socket refused: the locate is lost like a UDP datagram would be.
            LOG.log(Level.FINE, "cannot send the locate again", e);
            pending.compareAndSet(again, null);
            return;
        }
        schedule(again);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
