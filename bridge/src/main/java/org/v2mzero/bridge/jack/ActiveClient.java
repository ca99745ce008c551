package org.v2mzero.bridge.jack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jaudiolibs.jnajack.Jack;
import org.jaudiolibs.jnajack.JackClient;
import org.jaudiolibs.jnajack.JackException;
import org.jaudiolibs.jnajack.JackOptions;
import org.jaudiolibs.jnajack.JackStatus;

/**
 * One JACK client whose server may die under it, with the only lifecycle that survives that: all JACK
 * calls of the running client happen in its process callback, the shutdown callback only notes its
 * thread and sets a flag, and once the server is gone nothing calls into the client again but
 * {@link #close()}. After the
 * loss libjack may free the client itself (below), so a call from a Java thread is then a
 * use-after-free: a {@code jack_transport_query} polled from one crashed the JVM (SIGSEGV), while the
 * process thread simply stops being called.
 *
 * <p>Only the process and shutdown callbacks are installed: libjack cancels its threads with
 * {@code pthread_cancel} on close, and a cancel that lands inside Java code hangs the JVM (see
 * {@link MissedCycles}, {@link ProcessThreadStop}).
 *
 * <p>libjack's state is per process, not per client: once any client hears that its server is gone,
 * the next {@code jack_client_open} in the process closes and frees every client still open (jack2
 * 1.9.21, {@code JackLibGlobals::Init}), and a later call with such a client, even
 * {@code jack_client_close}, is a use-after-free: a player and a transport source in one JVM crashed
 * that way, each reconnecting under the other's dead client. So opens and closes of all clients opened
 * here take turns, and once a server is lost an open waits (fails, for the caller's retry) until every
 * client of ours is closed: with one server per process they all died with it, and each owner closes
 * its own within a poll or two of its shutdown flag. Waiting for all, not only for the flagged ones,
 * also covers a client whose shutdown notice comes after another's.
 *
 * <p>Threads: {@link #open}, {@link #activate} and {@link #close} on one control thread, never a JACK
 * thread (libjack joins its threads); {@link #serverGone()} on any thread.
 */
final class ActiveClient {
    /** What the client does each cycle. Process thread only: no allocation, lock, log or I/O. */
    interface Cycle {
        /** One process cycle of {@code frames} frames. Must not throw: catch {@code Throwable} and count. */
        void process(int frames);

        /** The last cycle, before the process thread ends for a close: e.g. output silence. */
        default void lastCycle(int frames) {}
    }

    // Opens and closes take turns on this lock; OPEN holds the clients opened and not yet closed;
    // lossPending: a server was lost and some client of ours may still be open on it.
    private static final Object LIBJACK = new Object();
    private static final Set<ActiveClient> OPEN = new HashSet<>();
    private static boolean lossPending;

    private final JackClient client;
    private final int sampleRate;
    private final int periodFrames;
    private final ProcessThreadStop stop = new ProcessThreadStop();
    private volatile boolean activated;
    private volatile boolean serverGone;
    private volatile Thread shutdownThread;
    private volatile Path shutdownTask; // /proc/self/task/<tid> of that thread, where Linux says

    private ActiveClient(JackClient client) throws JackException {
        this.client = client;
        this.sampleRate = client.getSampleRate();
        this.periodFrames = client.getBufferSize();
    }

    /**
     * Control thread. Opens client {@code name}, never starting a server; not yet active, so ports can
     * be registered before {@link #activate}. The caller closes it if anything after this fails.
     *
     * @param exactName fail if the name is taken, instead of letting JACK number it
     * @throws JackException naming the client and JACK's status set (e.g. {@code JackServerFailed}), or
     *                       saying that clients of a lost server must close first
     */
    static ActiveClient open(String name, boolean exactName) throws JackException {
        JackMessages.routeToLogger();
        EnumSet<JackStatus> status = EnumSet.noneOf(JackStatus.class);
        EnumSet<JackOptions> options = EnumSet.of(JackOptions.JackNoStartServer);
        if (exactName) {
            options.add(JackOptions.JackUseExactName);
        }
        synchronized (LIBJACK) {
            lossPending |= OPEN.stream().anyMatch(ActiveClient::serverGone);
            if (lossPending && !OPEN.isEmpty()) {
                throw new JackException("cannot open JACK client " + name + " before the " + OPEN.size()
                        + " client(s) open when the server was lost are closed (libjack would free them)");
            }
            lossPending = false;
            JackClient client;
            try {
                client = Jack.getInstance().openClient(name, options, status);
            } catch (JackException e) {
                // JNAJack's message says "check status set"; the set itself is what tells the cases apart.
                throw new JackException("cannot open JACK client " + name + " " + status, e);
            }
            try {
                ActiveClient opened = new ActiveClient(client);
                OPEN.add(opened);
                return opened;
            } catch (JackException | RuntimeException e) {
                client.close();
                throw e;
            }
        }
    }

    /** Control thread. Installs {@code cycle} and the flag-setting shutdown callback, and activates. */
    void activate(Cycle cycle) throws JackException {
        client.setProcessCallback((c, frames) -> {
            if (stop.shouldEnd()) {
                cycle.lastCycle(frames);
                stop.ended();
                return false;
            }
            cycle.process(frames);
            return true;
        });
        // Nothing but noting the thread and setting the flag: close() cancels this thread
        // (pthread_cancel) and first waits for it to be gone, and the owner polls serverGone().
        client.onShutdown(c -> {
            shutdownThread = Thread.currentThread();
            shutdownTask = currentTask();
            serverGone = true;
        });
        client.activate();
        activated = true;
    }

    /** The client, for the process callback and for calls the control thread makes while connected. */
    JackClient client() {
        return client;
    }

    /** Any thread. Whether the server shut this client down; then only {@link #close()} may follow. */
    boolean serverGone() {
        return serverGone;
    }

    /** Frames per second of this server. */
    int sampleRate() {
        return sampleRate;
    }

    /** Frames per period of this server, as it was at open. */
    int periodFrames() {
        return periodFrames;
    }

    /**
     * Control thread, not a JACK thread. While the server lives: ends the process thread first (see
     * {@link ProcessThreadStop}), then deactivates. After the server is gone: waits for the shutdown
     * callback's thread to leave the JVM. Then closes, in turn with other opens and closes. Call once.
     */
    void close() {
        if (serverGone) {
            awaitShutdownCallbackGone();
        } else if (activated) {
            stop.endAndWait(client, periodFrames);
            client.deactivate();
        }
        synchronized (LIBJACK) {
            lossPending |= serverGone;
            client.close();
            OPEN.remove(this);
        }
    }

    /**
     * Waits (at most 2 s) until the thread that ran the shutdown callback is gone, so that closing
     * cannot cancel it inside the JVM. Gone from the JVM is not enough: JNAJack detaches that thread
     * right after the callback, and {@link Thread#isAlive()} turns false inside that detach, while the
     * native thread still tears its JVM state down; a cancel landing there crashed the JVM (in
     * {@code jni_DetachCurrentThread}). So on Linux it waits until the native thread has exited (libjack
     * ends a notification thread by itself once its server is gone).
     */
    private void awaitShutdownCallbackGone() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        Thread thread = shutdownThread;
        Path task = shutdownTask;
        while (((thread != null && thread.isAlive()) || (task != null && Files.exists(task)))
                && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    /** {@code /proc/self/task/<tid>} of the calling thread; {@code null} where there is no such file. */
    private static Path currentTask() {
        try {
            Path self = Files.readSymbolicLink(Path.of("/proc/thread-self")); // "<pid>/task/<tid>"
            return Path.of("/proc/self/task").resolve(self.getFileName());
        } catch (IOException | RuntimeException e) {
            return null; // not Linux: the isAlive() wait is all there is (and the flag must still be set)
        }
    }
}
