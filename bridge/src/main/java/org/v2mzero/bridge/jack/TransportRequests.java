package org.v2mzero.bridge.jack;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Transport requests (start, stop, locate) carried from control threads into a client's process
 * callback, which makes the JACK call: {@code jack_transport_start}, {@code _stop} and {@code _locate}
 * are real-time safe, and made there they cannot race a server that dies under a control thread (see
 * {@link ActiveClient}). One request at a time: callers take turns on this object's monitor and each
 * waits until the callback has run its request, so a refusal comes back to the caller as an exception.
 *
 * <p>Threads: {@link #request} on control threads (may block, bounded); {@link #runPending} on the
 * process thread only (lock-free, allocation-free).
 */
final class TransportRequests {
    static final int START = 1;
    static final int STOP = 2;
    static final int LOCATE = 3;

    /** How the process thread executes a request. */
    interface Executor {
        /** Process thread. @return false when JACK refused it */
        boolean execute(int request, long frame) throws Exception;
    }

    // The slot's phase: IDLE -> POSTED (control) -> TAKEN (process) -> DONE (process) -> IDLE (control);
    // a control thread that gives up moves POSTED back to IDLE, so nothing stale runs later.
    private static final int IDLE = 0;
    private static final int POSTED = 1;
    private static final int TAKEN = 2;
    private static final int DONE = 3;
    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

    private final AtomicInteger phase = new AtomicInteger(IDLE);
    // Published to the process thread by the volatile write of POSTED, and back by that of DONE.
    private int request;
    private long frame;
    private boolean refused;
    private Throwable failure;

    /**
     * Control thread. Posts {@code request} and waits until the process callback ran it, at most 1 s,
     * and no longer than {@code live} holds (the server is there and the client runs).
     *
     * @param frame timeline frame for {@link #LOCATE}, ignored otherwise
     * @param what  names the request in the exception, e.g. "locate to frame 96000"
     * @throws IOException one line: refused by JACK, failed, or not run (client gone or not cycling)
     */
    synchronized void request(int request, long frame, String what, BooleanSupplier live) throws IOException {
        if (phase.get() != IDLE) {
            throw new IOException("JACK transport " + what + ": an earlier request never finished");
        }
        this.request = request;
        this.frame = frame;
        this.refused = false;
        this.failure = null;
        phase.set(POSTED);
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (phase.get() != DONE) {
            if (!live.getAsBoolean()) {
                phase.compareAndSet(POSTED, IDLE); // if already TAKEN, the slot dies with this client
                throw new IOException("JACK transport " + what
                        + ": the JACK client is gone (server lost or source closed)");
            }
            long late = System.nanoTime() - deadline;
            if (late > 0 && phase.compareAndSet(POSTED, IDLE)) {
                throw new IOException("JACK transport " + what + ": the JACK client ran no cycle within 1 s");
            }
            if (late > WAIT_NANOS) {
                throw new IOException("JACK transport " + what + ": the JACK client never finished it");
            }
            LockSupport.parkNanos(PARK_NANOS);
        }
        Throwable failed = failure;
        boolean wasRefused = refused;
        phase.set(IDLE);
        if (failed != null) {
            throw new IOException("JACK transport " + what + " failed: " + failed, failed);
        }
        if (wasRefused) {
            throw new IOException("JACK transport " + what + ": refused by the JACK server");
        }
    }

    /** Process thread, once per cycle: runs the posted request, if any, through {@code executor}. */
    void runPending(Executor executor) {
        if (phase.get() != POSTED || !phase.compareAndSet(POSTED, TAKEN)) {
            return;
        }
        try {
            refused = !executor.execute(request, frame);
        } catch (Throwable t) {
            failure = t; // the caller's thread reports it; nothing may escape into libjack
        }
        phase.set(DONE);
    }
}
