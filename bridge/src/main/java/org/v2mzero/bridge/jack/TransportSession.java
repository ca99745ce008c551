package org.v2mzero.bridge.jack;

import java.io.IOException;
import java.util.function.BooleanSupplier;
import org.jaudiolibs.jnajack.Jack;
import org.jaudiolibs.jnajack.JackClient;
import org.jaudiolibs.jnajack.JackException;
import org.jaudiolibs.jnajack.JackPosition;
import org.jaudiolibs.jnajack.JackPositionBits;
import org.jaudiolibs.jnajack.JackTransportState;

/**
 * One open client of a {@link JackTransportSource} (no ports): lives from a successful {@link #open}
 * until the server goes away or the source closes; a reconnect opens a new one. Each process cycle it
 * runs a pending transport request (see {@link TransportRequests}), queries the transport into a
 * preallocated position and publishes what it saw for the source's thread under a sequence number (a
 * seqlock), so a reader never pairs one cycle's frame with another cycle's time.
 *
 * <p>The published time is when the cycle's position was valid ({@code jack_position_t.usecs}, moved
 * onto {@link System#nanoTime()} by the age {@code jack_get_time} gives it): the base JACK itself
 * interpolates from in {@code jack_get_current_transport_frame}, so an estimate from it matches that.
 *
 * <p>Threads: {@link #open}, {@link #close} on the source's thread; {@link #request} on control threads;
 * {@link #process} on JACK's process thread; the rest on any thread.
 */
final class TransportSession implements ActiveClient.Cycle {
    /** One cycle's reading. {@code nanos} is the {@link System#nanoTime()} at which {@code frame} held. */
    record Reading(long cycle, JackTransportState state, long frame, long nanos, boolean bbt, double bpm,
            double beatsPerBar) {}

    private final ActiveClient active;
    private final JackClient client;
    private final Jack jack;
    private final JackPosition position = new JackPosition();
    private final TransportRequests requests = new TransportRequests();
    private final TransportRequests.Executor executor = this::execute;
    // Process thread only.
    private double seenBpm = Double.NaN;
    private float seenBeatsPerBar = Float.NaN;
    private boolean seenBbt;
    // Seqlock: odd while the process thread writes the fields below; cycles published = sequence / 2.
    private volatile long sequence;
    private volatile JackTransportState state;
    private volatile long frame;
    private volatile long nanos;
    private volatile boolean bbt;
    private volatile double bpm;
    private volatile double beatsPerBar;
    // Callback failures, counted here and logged by the source's thread (one writer: the process thread).
    private volatile long errors;
    private volatile Throwable lastError;

    private TransportSession(ActiveClient active) throws JackException {
        this.active = active;
        this.client = active.client();
        this.jack = Jack.getInstance();
    }

    /** Source's thread. Opens client {@code name} (JACK numbers it if taken), activates it. */
    static TransportSession open(String name) throws JackException {
        ActiveClient active = ActiveClient.open(name, false);
        try {
            TransportSession session = new TransportSession(active);
            active.activate(session);
            return session;
        } catch (JackException | RuntimeException e) {
            active.close();
            throw e;
        }
    }

    /**
     * JACK process thread. Allocation-free in this class, except {@code getValid()} (JNAJack builds an
     * {@code EnumSet}), asked only when the tempo numbers change. JNAJack's own binding boxes its
     * arguments, as for the player; that is outside our reach. Catches every Throwable: nothing may
     * escape into libjack.
     */
    @Override
    public void process(int frames) {
        try {
            requests.runPending(executor);
            JackTransportState now = client.transportQuery(position);
            long ageMicros = Math.max(0, jack.getTime() - position.getUsecs());
            long at = System.nanoTime() - ageMicros * 1000;
            double cycleBpm = position.getBeatsPerMinute();
            float cycleBeatsPerBar = position.getBeatsPerBar();
            if (Double.compare(cycleBpm, seenBpm) != 0 || Float.compare(cycleBeatsPerBar, seenBeatsPerBar) != 0) {
                seenBbt = position.getValid().contains(JackPositionBits.JackPositionBBT);
                seenBpm = cycleBpm;
                seenBeatsPerBar = cycleBeatsPerBar;
            }
            long s = sequence;
            sequence = s + 1;
            state = now;
            frame = Integer.toUnsignedLong(position.getFrame());
            nanos = at;
            bbt = seenBbt;
            bpm = cycleBpm;
            beatsPerBar = cycleBeatsPerBar;
            sequence = s + 2;
        } catch (Throwable t) {
            lastError = t;
            errors = errors + 1;
        }
    }

    private boolean execute(int request, long atFrame) throws JackException {
        switch (request) {
            case TransportRequests.START:
                client.transportStart();
                return true;
            case TransportRequests.STOP:
                client.transportStop();
                return true;
            case TransportRequests.LOCATE:
                return client.transportLocate((int) atFrame);
            default:
                return false;
        }
    }

    /**
     * Any thread. The last cycle's reading if it is newer than cycle {@code after}; {@code null} when
     * there is none yet or nothing new. Never blocks for long: it retries while a cycle is being written.
     */
    Reading latest(long after) {
        for (int tries = 0; tries < 10_000; tries++) {
            long s = sequence;
            if ((s & 1) != 0) {
                Thread.onSpinWait(); // the process thread is writing: a handful of stores
                continue;
            }
            if (s / 2 <= after) {
                return null;
            }
            Reading r = new Reading(s / 2, state, frame, nanos, bbt, bpm, beatsPerBar);
            if (sequence == s) {
                return r;
            }
        }
        return null; // a writer that never finished: the next poll tries again
    }

    /**
     * Control thread. Runs a transport request in the next cycle and waits for it (see
     * {@link TransportRequests#request}); gives up when the server goes away meanwhile.
     */
    void request(int request, long atFrame, String what, BooleanSupplier live) throws IOException {
        requests.request(request, atFrame, what, () -> !active.serverGone() && live.getAsBoolean());
    }

    /** Any thread. Callbacks that threw, since open. */
    long errors() {
        return errors;
    }

    /** Any thread. The last Throwable a callback caught, {@code null} if none. */
    Throwable lastError() {
        return lastError;
    }

    /** Any thread. Whether the server shut this client down. */
    boolean serverGone() {
        return active.serverGone();
    }

    /** Frames per second of this server. */
    int sampleRate() {
        return active.sampleRate();
    }

    /** Frames per period of this server. */
    int periodFrames() {
        return active.periodFrames();
    }

    /** Source's thread: the safe close of {@link ActiveClient#close()}. Call once. */
    void close() {
        active.close();
    }
}
