package org.v2mzero.bridge.jack;

import java.util.EnumSet;
import java.util.List;
import org.jaudiolibs.jnajack.Jack;
import org.jaudiolibs.jnajack.JackClient;
import org.jaudiolibs.jnajack.JackOptions;
import org.jaudiolibs.jnajack.JackStatus;
import org.jaudiolibs.jnajack.JackTransportState;
import org.v2mzero.bridge.transport.TransportRig;

/**
 * A real jackd (dummy backend, 48 kHz, 256-frame periods) and a JNAJack client of the test's own
 * that plays the DAW: it moves the transport and reads the true frame.
 */
public final class JackTransportRig implements TransportRig {
    private JackTestServer server;
    private JackClient daw;
    private JackTransportSource source;

    @Override
    public JackTransportSource start() throws Exception {
        server = JackTestServer.start(256);
        JackMessages.routeToLogger();
        daw = Jack.getInstance().openClient("v2m-test-daw", EnumSet.of(JackOptions.JackNoStartServer),
                EnumSet.noneOf(JackStatus.class));
        source = new JackTransportSource("v2m-transport-test");
        source.start();
        return source;
    }

    @Override
    public long truthFrame() throws Exception {
        return daw.getCurrentTransportFrame();
    }

    @Override
    public boolean truthPlaying() {
        try {
            return daw.transportQuery(new org.jaudiolibs.jnajack.JackPosition()) == JackTransportState.JackTransportRolling;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void dawLocate(long frame) throws Exception {
        daw.transportLocate((int) frame);
    }

    /**
     * JACK's transport has no loop range: a client that loops (Ardour rolling on JACK transport) relocates
     * at each wrap, and the source sees a locate in the next cycle.
     */
    @Override
    public boolean dawLoop(long startFrame, long endFrame) {
        return false;
    }

    @Override
    public List<String> controlsSeen() {
        return List.of();
    }

    @Override
    public int sendGarbage() {
        return -1;
    }

    @Override
    public void close() throws Exception {
        try {
            if (source != null) {
                source.close();
            }
            if (daw != null) {
                daw.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }
}
