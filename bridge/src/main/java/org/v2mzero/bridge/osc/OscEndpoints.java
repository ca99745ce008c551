package org.v2mzero.bridge.osc;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Where the DAW listens and where this bridge listens for its feedback.
 *
 * @param daw        the DAW's OSC address (Ardour: port 3819; Reaper: the surface's listen port, 8000)
 * @param listenPort the UDP port the DAW sends feedback to (Ardour: 8000; Reaper: 9000), 0 for any free
 *                   port (tests)
 */
public record OscEndpoints(InetSocketAddress daw, int listenPort) {
    public OscEndpoints {
        if (daw == null || daw.isUnresolved()) {
            throw new IllegalArgumentException("daw : " + daw + " (expected: a resolved host and port)");
        }
        if (listenPort < 0 || listenPort > 65535) {
            throw new IllegalArgumentException("listenPort : " + listenPort + " (expected: 0..65535)");
        }
    }

    /** Resolves {@code host} and checks both ports (1..65535 for the DAW's). */
    public static OscEndpoints of(String host, int dawPort, int listenPort) throws UnknownHostException {
        if (dawPort < 1 || dawPort > 65535) {
            throw new IllegalArgumentException("port : " + dawPort + " (expected: 1..65535)");
        }
        return new OscEndpoints(new InetSocketAddress(InetAddress.getByName(host), dawPort), listenPort);
    }

    /**
     * The local address to bind: loopback when the DAW runs on this machine, so no other host can
     * reach the port; all interfaces otherwise, since the DAW's replies come over the network.
     */
    InetSocketAddress bindAddress() {
        InetAddress host = daw.getAddress();
        return host.isLoopbackAddress() ? new InetSocketAddress(host, listenPort) : new InetSocketAddress(listenPort);
    }
}
