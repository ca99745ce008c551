package org.v2mzero.bridge.transport;

import java.util.concurrent.atomic.AtomicReference;

/**
 * A source's lifecycle, moved by compare-and-set so that {@code start} and {@code close} may race
 * from any threads: exactly one caller wins each move.
 */
public final class Lifecycle {
    /** The states, in the only order they can be taken. */
    public enum State { NEW, RUNNING, CLOSED }

    private final AtomicReference<State> state = new AtomicReference<>(State.NEW);
    private final String what;

    /** @param what names the owner in error messages, e.g. "Ardour OSC transport" */
    public Lifecycle(String what) {
        this.what = what;
    }

    /** Moves NEW to RUNNING; any thread. @throws IllegalStateException when not NEW */
    public void start() {
        if (!state.compareAndSet(State.NEW, State.RUNNING)) {
            throw new IllegalStateException(what + " : " + state.get() + " (expected: NEW to start)");
        }
    }

    /** Moves to CLOSED; any thread. @return true for the one caller that closed it */
    public boolean close() {
        return state.getAndSet(State.CLOSED) != State.CLOSED;
    }

    /** @throws IllegalStateException unless RUNNING */
    public void requireRunning() {
        State now = state.get();
        if (now != State.RUNNING) {
            throw new IllegalStateException(what + " : " + now + " (expected: RUNNING)");
        }
    }

    public boolean isRunning() {
        return state.get() == State.RUNNING;
    }

    public State get() {
        return state.get();
    }
}
