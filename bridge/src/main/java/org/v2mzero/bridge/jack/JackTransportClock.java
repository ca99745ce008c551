package org.v2mzero.bridge.jack;

import org.jaudiolibs.jnajack.JackClient;
import org.jaudiolibs.jnajack.JackException;
import org.jaudiolibs.jnajack.JackPosition;
import org.jaudiolibs.jnajack.JackTransportState;

/**
 * The JACK transport as the player's clock: frame-accurate, since JACK hands every client the same
 * transport frame for a cycle. There is no play cursor: a locate, loop wrap or stop shows in the next
 * cycle and nothing can drift. Process thread only.
 */
final class JackTransportClock implements CycleClock {
    // Reused: jnajack's transportQuery fills a caller-owned position, so the callback allocates none.
    private final JackPosition position = new JackPosition();
    // The last cycle's reading, for control threads (see JackStemPlayer#transport). Three plain volatile
    // writes per cycle; a reader may pair a frame with the next cycle's time: off by one period at most.
    private volatile long lastFrame;
    private volatile boolean lastRolling;
    private volatile long lastNanos = System.nanoTime();

    @Override
    public void read(JackClient client, int frames, int sampleRate, CyclePosition out) throws JackException {
        JackTransportState state = client.transportQuery(position);
        long frame = Integer.toUnsignedLong(position.getFrame());
        boolean rolling = state == JackTransportState.JackTransportRolling;
        // JACK's transport has no loop range: a DAW looping on it locates, which the next cycle shows.
        out.set(frame, rolling, null);
        lastFrame = frame;
        lastRolling = rolling;
        lastNanos = System.nanoTime();
    }

    long lastFrame() {
        return lastFrame;
    }

    boolean lastRolling() {
        return lastRolling;
    }

    long lastNanos() {
        return lastNanos;
    }
}
