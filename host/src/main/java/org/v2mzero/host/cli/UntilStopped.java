package org.v2mzero.host.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps a long-running command ({@code play}, {@code daemon}) going until Ctrl-C or its {@code --for}
 * time. On Ctrl-C the JVM exits once its shutdown hooks return, so the hook holds it (5 s at most) until
 * the command has closed what it holds (a JACK client, sockets) and printed its report. Open it before
 * starting the work, close it after the report. Control thread.
 */
final class UntilStopped implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(UntilStopped.class.getName());

    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook;

    UntilStopped(String name) {
        hook = new Thread(() -> {
            stop.countDown();
            try {
                done.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "v2m-" + name + "-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Waits for Ctrl-C, or at most {@code seconds} when not {@code null}. */
    void await(Double seconds) throws InterruptedException {
        if (seconds == null) {
            stop.await();
        } else {
            stop.await(Math.round(seconds * 1000), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is exiting because of Ctrl-C and the hook is running: nothing to remove.
            LOG.log(Level.FINE, "exiting on interrupt", shuttingDown);
        }
    }
}
