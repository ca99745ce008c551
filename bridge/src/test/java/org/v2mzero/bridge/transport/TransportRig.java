package org.v2mzero.bridge.transport;

import java.util.List;

/**
 * One implementation of {@link TransportSource} with the DAW it follows, for the contract test: a
 * real jackd for JACK, an OSC stand-in for Ardour and Reaper.
 */
public interface TransportRig extends AutoCloseable {
    /** Starts the DAW side and the source, and returns the started source. */
    TransportSource start() throws Exception;

    /** The DAW's own position now, in samples: the truth the estimate is checked against. */
    long truthFrame() throws Exception;

    /** The DAW's own play state now. */
    boolean truthPlaying();

    /** The DAW moves by itself (the user clicked in it), keeping its play state. */
    void dawLocate(long frame) throws Exception;

    /**
     * The user sets the DAW's loop to {@code startFrame..endFrame} (samples) and turns looping on, keeping
     * the play state; returns whether the source can learn that range, so that its estimate wraps where the
     * DAW does. A rig whose source cannot returns false and changes nothing: its wraps reach the source as
     * locates, which the contract's locate steps cover.
     */
    default boolean dawLoop(long startFrame, long endFrame) throws Exception {
        return false;
    }

    /** Addresses of the control messages the DAW received, oldest first; empty for JACK. */
    List<String> controlsSeen();

    /**
     * How fast the DAW's sample clock has run against the wall clock while rolling, so far: 1 for a DAW locked
     * to it (a sound card, jackd's dummy driver). Less for Ardour's Dummy backend, which sleeps out each period
     * without making up for oversleeping (82–95 % measured here, lower under load). A follower extrapolating at
     * the nominal rate cannot know this between two position reports.
     */
    default double clockSpeed() {
        return 1;
    }

    /** Sends malformed input to the source and returns how many should be counted; -1 if it has no wire. */
    int sendGarbage() throws Exception;

    @Override
    void close() throws Exception;
}
