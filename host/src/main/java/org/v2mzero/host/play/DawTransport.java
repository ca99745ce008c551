package org.v2mzero.host.play;

import java.io.IOException;
import java.util.Locale;
import org.v2mzero.bridge.jack.JackServerProbe;
import org.v2mzero.bridge.jack.JackServerStatus;
import org.v2mzero.bridge.osc.ArdourOscTransportSource;
import org.v2mzero.bridge.osc.OscEndpoints;
import org.v2mzero.bridge.osc.OscTransportSource;
import org.v2mzero.bridge.osc.ReaperOscTransportSource;
import org.v2mzero.protocol.BadInputException;
import org.v2mzero.protocol.TransportState;

/**
 * The transports {@code v2m play} and the daemon can follow and their standard OSC ports: {@code jack} (the JACK
 * transport, nothing to open here), {@code ardour} (Ardour listens on 3819, answers on 8000) and
 * {@code reaper} (the usual surface: Reaper listens on 8000, answers on 9000). Control thread only.
 */
public enum DawTransport {
    JACK(0, 0),
    ARDOUR(ArdourOscTransportSource.ARDOUR_PORT, ArdourOscTransportSource.FEEDBACK_PORT),
    REAPER(ReaperOscTransportSource.REAPER_PORT, ReaperOscTransportSource.FEEDBACK_PORT);

    /** The DAW's standard OSC port (0 for JACK). */
    public final int dawPort;
    /** The standard local port for the DAW's feedback (0 for JACK). */
    public final int listenPort;

    DawTransport(int dawPort, int listenPort) {
        this.dawPort = dawPort;
        this.listenPort = listenPort;
    }

    /** The transport named {@code name} ({@code jack}, {@code ardour} or {@code reaper}); one line otherwise. */
    public static DawTransport named(String name) throws BadInputException {
        for (DawTransport t : values()) {
            if (t.label().equals(name)) {
                return t;
            }
        }
        throw new BadInputException("--transport " + name + " (expected: jack, ardour or reaper)");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Opens and starts this dialect's OSC source at the JACK server's sample rate (the session rate: OSC
     * does not say it), so the server must be up first.
     *
     * @param dawPort    the DAW's OSC port, {@code null} for this dialect's standard one
     * @param listenPort the local feedback port, {@code null} for this dialect's standard one
     */
    public OscTransportSource open(String dawHost, Integer dawPort, Integer listenPort) throws IOException {
        JackServerStatus jack = JackServerProbe.probe();
        if (!jack.reachable()) {
            throw new BadInputException("--transport " + label() + ": " + jack.detail()
                    + "; start the JACK server first, its sample rate is the session's");
        }
        OscEndpoints endpoints = OscEndpoints.of(dawHost, dawPort == null ? this.dawPort : dawPort,
                listenPort == null ? this.listenPort : listenPort);
        OscTransportSource source = this == ARDOUR
                ? new ArdourOscTransportSource(endpoints, jack.sampleRate())
                : new ReaperOscTransportSource(endpoints, jack.sampleRate());
        source.start();
        return source;
    }

    /** One line for the user: where the transport stood. */
    public static String describe(TransportState state) {
        return String.format(Locale.ROOT, "%s at %.3f s", state.playing() ? "rolling" : "stopped", state.seconds());
    }
}
