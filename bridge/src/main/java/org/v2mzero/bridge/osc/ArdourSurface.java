package org.v2mzero.bridge.osc;

import com.illposed.osc.OSCMessage;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * What Ardour's OSC feedback says about the session besides the transport: the session's name, each
 * strip (track or bus, by its 1-based surface strip id) with its name and record-arm state, and whether
 * the session itself is record-enabled (Ardour's global record button).
 *
 * <p>Ardour sends these after {@code /set_surface/feedback} with bit 1 (strip buttons) and 16 (global
 * state): {@code /session_name s}, {@code /strip/name i s}, {@code /strip/recenable i f},
 * {@code /rec_enable_toggle f} (checked against Ardour 7.3, daw-notes.md). Ardour acts on a request
 * some cycles later and says so in its feedback, which is why callers wait on it before the next
 * state change: a request sent before the previous one landed can be ignored.
 *
 * <p>Threads: written by the OSC link's receiving thread; every public method may be called from any
 * thread. {@link #await} is the one that blocks, at most for its timeout.
 */
public final class ArdourSurface {
    private final Map<Integer, String> names = new ConcurrentHashMap<>();
    private final Map<Integer, Boolean> armed = new ConcurrentHashMap<>();
    private final Object changed = new Object();
    private volatile String sessionName;
    private volatile boolean sessionRecordEnabled;

    ArdourSurface() {}

    /**
     * Reads {@code message} if it is one of the addresses above; link thread only.
     *
     * @return whether it was
     */
    boolean handle(OSCMessage message) throws MalformedOscException {
        switch (message.getAddress()) {
            case "/session_name" -> sessionName = OscArgs.string(message, 0);
            case "/strip/name" -> names.put(strip(message), OscArgs.string(message, 1));
            case "/strip/recenable" -> armed.put(strip(message), OscArgs.flag(message, 1));
            case "/rec_enable_toggle" -> sessionRecordEnabled = OscArgs.flag(message, 0);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Wakes {@link #await} callers after any feedback; link thread. */
    void changed() {
        synchronized (changed) {
            changed.notifyAll();
        }
    }

    /** The session's name, empty until Ardour answered the feedback subscription. */
    public Optional<String> sessionName() {
        return Optional.ofNullable(sessionName);
    }

    /** Strip id to name, in strip order; a snapshot. */
    public Map<Integer, String> strips() {
        return new TreeMap<>(names);
    }

    /** Whether strip {@code stripId} (1-based) is armed for recording; false for a strip not reported. */
    public boolean armed(int stripId) {
        return armed.getOrDefault(stripId, false);
    }

    /** Whether the session is record-enabled (global record); Ardour clears it when the transport stops. */
    public boolean sessionRecordEnabled() {
        return sessionRecordEnabled;
    }

    /**
     * Blocks until {@code condition} holds, re-checking after each feedback message and at least every
     * 50 ms (the condition may also depend on time), or until {@code timeout} passed.
     *
     * @return whether the condition held
     */
    public boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (changed) {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.wait(Math.max(1, Math.min(50, left / 1_000_000)));
            }
        }
        return true;
    }

    private static int strip(OSCMessage message) throws MalformedOscException {
        double id = OscArgs.number(message, 0);
        if (id < 1 || id != Math.rint(id) || id > Integer.MAX_VALUE) {
            throw new MalformedOscException(message.getAddress() + " argument 0 : " + id
                    + " (expected: a strip id >= 1)");
        }
        return (int) id;
    }
}
