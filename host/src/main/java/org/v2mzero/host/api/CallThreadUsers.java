package org.v2mzero.host.api;

import java.time.Duration;

/**
 * Counts the request handlers bound to the API's call threads. A closed connection's pipeline still hands
 * events to its request handler on those threads while it is torn down, so {@link ApiServer#close} stops them
 * only once no handler is left on them.
 *
 * <p>Threads: any.
 */
final class CallThreadUsers {
    private int count;

    synchronized void joined() {
        count++;
    }

    synchronized void left() {
        count--;
        notifyAll();
    }

    /** Waits until no handler is left, at most {@code patience}; whether none is. */
    synchronized boolean awaitNone(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        boolean interrupted = false;
        try {
            while (count > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            return true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
