package org.v2mzero.bridge.jack;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.jaudiolibs.jnajack.Jack;
import org.jaudiolibs.jnajack.JackClient;
import org.jaudiolibs.jnajack.JackException;
import org.jaudiolibs.jnajack.JackOptions;
import org.jaudiolibs.jnajack.JackPort;
import org.jaudiolibs.jnajack.JackPortFlags;
import org.jaudiolibs.jnajack.JackPortType;
import org.jaudiolibs.jnajack.JackPosition;
import org.jaudiolibs.jnajack.JackStatus;
import org.jaudiolibs.jnajack.JackTransportState;

/**
 * The test's own JACK client: two input ports {@code in_L}/{@code in_R} whose samples it records in
 * arrival order, each stamped with the transport frame it was heard at (-1 when the transport was not
 * rolling), into preallocated arrays from its own process callback. It also drives the transport, and
 * can loop it like a DAW does: when a rolling cycle reaches the loop end, it locates to the loop start
 * (taking effect at the next cycle).
 */
public final class JackRecorder implements AutoCloseable {
    static final int CAPACITY = 48_000 * 12;

    public final float[] left;
    public final float[] right;
    /** The transport frame each sample was heard at, -1 when the transport was not rolling. */
    public final long[] frames;
    /** {@link System#nanoTime()} of the start of the cycle each sample was recorded in. */
    final long[] cycleNanos;
    /** {@link System#nanoTime()} when this client's callback ran for the sample's cycle (after upstream's). */
    final long[] callNanos;
    private final int capacity;
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicLong cycles = new AtomicLong();
    private final AtomicInteger wraps = new AtomicInteger();
    private final AtomicInteger xruns = new AtomicInteger();
    private final JackPosition position = new JackPosition();
    private final ProcessThreadStop stop = new ProcessThreadStop();
    private final MissedCycles missedCycles = new MissedCycles(); // no xrun callback: see MissedCycles
    private final JackClient client;
    private final JackPort inLeft;
    private final JackPort inRight;
    private volatile boolean armed;
    private boolean wrapPending; // process thread only
    private volatile long lastFrame = -1;
    private volatile boolean lastRolling;
    private volatile long loopStart = -1;
    private volatile long loopEnd = -1;

    private JackRecorder(JackClient client, int capacity) throws JackException {
        this.client = client;
        this.capacity = capacity;
        left = new float[capacity];
        right = new float[capacity];
        frames = new long[capacity];
        cycleNanos = new long[capacity];
        callNanos = new long[capacity];
        inLeft = client.registerPort("in_L", JackPortType.AUDIO, JackPortFlags.JackPortIsInput);
        inRight = client.registerPort("in_R", JackPortType.AUDIO, JackPortFlags.JackPortIsInput);
    }

    /** Opens client {@code name} on the test server and activates it. */
    static JackRecorder open(String name) throws JackException {
        return open(name, CAPACITY);
    }

    /** Opens client {@code name} recording at most {@code capacity} samples per channel, and activates it. */
    public static JackRecorder open(String name, int capacity) throws JackException {
        JackMessages.routeToLogger();
        JackClient client = Jack.getInstance().openClient(name,
                EnumSet.of(JackOptions.JackNoStartServer, JackOptions.JackUseExactName),
                EnumSet.noneOf(JackStatus.class));
        JackRecorder recorder = new JackRecorder(client, capacity);
        client.setProcessCallback((c, n) -> recorder.process(n));
        client.activate();
        return recorder;
    }

    private boolean process(int n) {
        if (stop.shouldEnd()) {
            stop.ended();
            return false;
        }
        try {
            if (missedCycles.cycle(client.getLastFrameTime(), n)) {
                xruns.incrementAndGet();
            }
            boolean rolling = client.transportQuery(position) == JackTransportState.JackTransportRolling;
            long frame = Integer.toUnsignedLong(position.getFrame());
            if (armed) {
                int at = count.get();
                int take = Math.min(n, capacity - at);
                inLeft.getFloatBuffer().get(0, left, at, take);
                inRight.getFloatBuffer().get(0, right, at, take);
                long sinceStart = Math.max(0, client.getFrameTime() - client.getLastFrameTime());
                long now = System.nanoTime();
                long startNanos = now - sinceStart * 1_000_000_000L / client.getSampleRate();
                for (int i = 0; i < take; i++) {
                    frames[at + i] = rolling ? frame + i : -1;
                    cycleNanos[at + i] = startNanos;
                    callNanos[at + i] = now;
                }
                count.lazySet(at + take);
            }
            if (wrapPending && frame < loopEnd - n) {
                wrapPending = false; // the locate landed: one wrap done
                wraps.incrementAndGet();
            }
            if (rolling && !wrapPending && loopEnd >= 0 && frame + n >= loopEnd) {
                client.transportLocate((int) loopStart);
                wrapPending = true;
            }
            lastFrame = frame;
            lastRolling = rolling;
            cycles.incrementAndGet();
        } catch (JackException e) {
            lastFrame = -2; // seen by the waiting test as "never there"
        }
        return true;
    }

    public void arm() {
        armed = true;
    }

    /** Stops recording; the arrays then hold {@link #count()} samples. */
    public void disarm() {
        armed = false;
    }

    /** Forgets the recording; call only while disarmed. */
    public void reset() {
        count.set(0);
    }

    public int count() {
        return count.get();
    }

    int wraps() {
        return wraps.get();
    }

    /** Cycles this client missed (its view of xruns) since it opened. */
    public int xruns() {
        return xruns.get();
    }

    public long frame() {
        return lastFrame;
    }

    public boolean rolling() {
        return lastRolling;
    }

    public long cycles() {
        return cycles.get();
    }

    /** Loops the transport over timeline frames {@code [start, end)} while rolling; -1, -1 ends looping. */
    void loop(long start, long end) {
        loopStart = start;
        loopEnd = end;
    }

    /** Whether {@code in_L} and {@code in_R} are both connected to something. */
    public boolean connected() throws JackException {
        return inLeft.getConnections().length > 0 && inRight.getConnections().length > 0;
    }

    public void locate(long frame) throws JackException {
        client.transportLocate((int) frame);
    }

    public void play() throws JackException {
        client.transportStart();
    }

    public void stop() throws JackException {
        client.transportStop();
    }

    /** Waits (bounded) until {@code condition} holds; fails naming {@code what}. Polls every 0.5 ms. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("waited " + timeout.toMillis() + " ms for " + what);
            }
            LockSupport.parkNanos(500_000);
        }
    }

    /** Waits for {@code cycles} more process cycles of this client. */
    public void awaitCycles(int more) {
        long target = cycles() + more;
        await(more + " cycles", Duration.ofSeconds(5), () -> cycles() >= target);
    }

    /** Ends the process thread the safe way (see {@link ProcessThreadStop}), then deactivates and closes. */
    @Override
    public void close() throws JackException {
        stop.endAndWait(client, client.getBufferSize());
        client.deactivate();
        client.close();
    }
}
