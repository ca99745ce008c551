package org.v2mzero.bridge.osc;

import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Counts unusable input and logs it once per burst: a misconfigured DAW sends the same bad message
 * ten times a second, and one warning line says as much as a thousand.
 *
 * <p>{@link #record} from one thread (the receiver); {@link #count} from any thread.
 */
final class MalformedCounter {
    private static final long BURST_GAP_NANOS = 5_000_000_000L;

    private final Logger log;
    private final String what;
    private final AtomicLong count = new AtomicLong();
    private long lastNanos;
    private long inBurst = 1;

    MalformedCounter(Logger log, String what) {
        this.log = log;
        this.what = what;
    }

    /** Counts one bad message; logs a warning if it starts a burst (none in the last 5 s). */
    void record(String reason, long nowNanos) {
        long total = count.incrementAndGet();
        boolean newBurst = total == 1 || nowNanos - lastNanos > BURST_GAP_NANOS;
        lastNanos = nowNanos;
        if (newBurst) {
            log.log(Level.WARNING, "{0}: ignoring malformed input ({1}); {2} so far, {3} more in the previous burst (FINE logs each)",
                    new Object[] {what, reason, total, inBurst - 1});
            inBurst = 1;
        } else {
            inBurst++;
            log.log(Level.FINE, "{0}: ignoring malformed input ({1})", new Object[] {what, reason});
        }
    }

    long count() {
        return count.get();
    }
}
