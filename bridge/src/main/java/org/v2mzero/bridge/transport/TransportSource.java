package org.v2mzero.bridge.transport;

import java.io.IOException;
import org.v2mzero.protocol.TransportState;

/**
 * Follows a DAW's transport (play, stop, position, tempo) and can drive it.
 *
 * <p>Lifecycle: create, {@link #start()} once, {@link #close()} once or more. Each source runs one
 * thread of its own (named {@code v2m-transport-…}) that reads the DAW and calls the listeners.
 * Positions are in samples at {@link #sampleRate()} or in seconds, as each method says.
 */
public interface TransportSource extends AutoCloseable {

    /**
     * Connects to the DAW and starts the source's thread. Call once, from any thread.
     *
     * @throws IOException           the DAW or its server cannot be reached (one line, for the user)
     * @throws IllegalStateException when already started or closed
     */
    void start() throws IOException;

    /**
     * The current estimate, from any thread, without blocking: the last position the DAW reported,
     * advanced at the sample rate for the time since while rolling, and wrapped from the loop's end to
     * its start while the state carries a loop ({@link TransportMotion}; only sources whose DAW reports
     * its loop range fill it). Each report from the DAW replaces the estimate at once; a locate or a loop
     * wrap is a jump, never a glide. Before {@link #start()}: stopped at 0.
     */
    TransportState state();

    /** Samples per second of the positions this source reports; valid after {@link #start()}. */
    int sampleRate();

    /**
     * Adds a listener, from any thread. It is called on the source's own thread, one call at a time,
     * after the change is visible in {@link #state()}; it must return quickly (no blocking I/O).
     * An exception it throws is logged and does not stop the source.
     */
    void addListener(TransportListener listener);

    /** Removes a listener, from any thread; a call already running finishes. */
    void removeListener(TransportListener listener);

    /** Asks the DAW to roll, from any thread; {@link #state()} follows when the DAW says it rolls. */
    void play() throws IOException;

    /** Asks the DAW to stop, from any thread; {@link #state()} follows when the DAW says it stopped. */
    void stop() throws IOException;

    /**
     * Asks the DAW to move to {@code seconds} from the timeline's zero, keeping its play state; from any
     * thread. {@link #state()} jumps when the DAW reports the new position.
     *
     * @throws IllegalArgumentException when {@code seconds} is negative or not finite
     */
    void locate(double seconds) throws IOException;

    /** Messages from the DAW that could not be used (wrong types, missing arguments, garbage); 0 for JACK. */
    long malformedMessages();

    /** Stops the source's thread and releases its socket or client; idempotent, from any thread. */
    @Override
    void close();
}
