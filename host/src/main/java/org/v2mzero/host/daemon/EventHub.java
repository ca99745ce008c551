package org.v2mzero.host.daemon;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers daemon events to subscribers on one thread of its own, in publishing order, so a job thread
 * or the transport's thread never waits on a client. A listener that throws is logged and kept.
 * Any thread.
 */
final class EventHub implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EventHub.class.getName());

    private final CopyOnWriteArrayList<Consumer<DaemonEvent>> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "v2m-events");
        t.setDaemon(true);
        return t;
    });

    AutoCloseable subscribe(Consumer<DaemonEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void publish(String type, Object data) {
        DaemonEvent event = new DaemonEvent(type, data);
        try {
            thread.execute(() -> deliver(event));
        } catch (RejectedExecutionException closed) {
            LOG.log(Level.FINE, "event after close dropped: " + type, closed);
        }
    }

    private void deliver(DaemonEvent event) {
        for (Consumer<DaemonEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "event listener failed on " + event.type(), e);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        thread.shutdown();
        thread.awaitTermination(2, TimeUnit.SECONDS);
    }
}
