package org.v2mzero.bridge.jack;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Logger;
import org.jaudiolibs.jnajack.JackClient;
import org.jaudiolibs.jnajack.JackException;

/**
 * Ends a client's process thread before the client is deactivated. jack2's {@code jack_deactivate}
 * stops a process thread with {@code pthread_cancel}; if that lands while the thread is inside the JVM
 * (blocked at a safepoint on the way into the Java callback), the thread vanishes without the JVM knowing
 * and the next safepoint hangs the whole process — seen here on a loaded machine. So the callback is
 * asked to return {@code false} first: libjack then deactivates the client and ends the thread itself,
 * in native code, and deactivate has nothing left to cancel.
 *
 * <p>Process thread: {@link #shouldEnd()} and {@link #ended()}. Control thread: {@link #endAndWait}.
 */
final class ProcessThreadStop {
    private static final Logger LOG = Logger.getLogger(ProcessThreadStop.class.getName());
    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(2);

    private volatile boolean requested;
    private volatile boolean ended;

    /** Process thread: whether to output silence and return {@code false} this cycle. */
    boolean shouldEnd() {
        return requested;
    }

    /** Process thread: called right before returning {@code false}. */
    void ended() {
        ended = true;
    }

    /**
     * Control thread. Asks the callback to end and waits (at most 2 s) until it has, and until the server
     * has run two more periods, so the thread has left the JVM for libjack's own exit path.
     *
     * @return whether the thread ended within the bound (otherwise deactivate takes the old risk)
     */
    boolean endAndWait(JackClient client, int periodFrames) {
        requested = true;
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (!ended && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        if (!ended) {
            LOG.warning("JACK process thread of " + client.getName() + " did not end within 2 s");
            return false;
        }
        try {
            long target = client.getFrameTime() + 2L * periodFrames;
            while (client.getFrameTime() < target && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        } catch (JackException e) {
            LOG.fine("frame time not readable while ending " + client.getName() + ": " + e);
        }
        return true;
    }
}
