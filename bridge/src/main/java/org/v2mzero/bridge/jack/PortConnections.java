package org.v2mzero.bridge.jack;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jaudiolibs.jnajack.JackException;

/**
 * The connections a player was asked to make, from its own ports to other clients' ports, remembered so
 * they are made again on every new session: after a reconnect, and when a destination's client comes
 * back after us (a DAW restarted with the server).
 *
 * <p>Threads: {@link #remember} from any thread; {@link #connect} and {@link #connectAll} on the player's
 * control thread.
 */
final class PortConnections {
    private static final Logger LOG = Logger.getLogger(PortConnections.class.getName());

    private final String clientName;
    // Own port short name -> destinations (full names), in the order asked.
    private final Map<String, CopyOnWriteArrayList<String>> wanted = new ConcurrentHashMap<>();

    PortConnections(String clientName) {
        this.clientName = clientName;
    }

    /** Any thread. Keeps {@code ownPort -> destination} for every later session; a repeat is kept once. */
    void remember(String ownPort, String destination) {
        wanted.computeIfAbsent(ownPort, p -> new CopyOnWriteArrayList<>()).addIfAbsent(destination);
    }

    /** Control thread. Makes every remembered connection on {@code session}; whether all are there now. */
    boolean connectAll(JackSession session) {
        boolean all = true;
        for (Map.Entry<String, CopyOnWriteArrayList<String>> entry : wanted.entrySet()) {
            for (String destination : entry.getValue()) {
                all &= connect(session, entry.getKey(), destination);
            }
        }
        return all;
    }

    /** Control thread. Connects one pair on {@code session}; false (logged at FINE) where it cannot now. */
    boolean connect(JackSession session, String ownPort, String destination) {
        try {
            session.connect(ownPort, destination);
            return true;
        } catch (JackException e) {
            // Usually the destination's client is not (yet) on this server; the player retries.
            LOG.log(Level.FINE, "cannot connect " + clientName + ":" + ownPort + " to " + destination
                    + " now; retrying while connected (" + e + ")");
            return false;
        }
    }
}
