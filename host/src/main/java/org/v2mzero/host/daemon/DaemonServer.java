package org.v2mzero.host.daemon;

import java.io.IOException;
import java.util.logging.Logger;
import org.v2mzero.bridge.osc.AllowedSenders;
import org.v2mzero.bridge.osc.OscControlServer;
import org.v2mzero.host.api.ApiConfig;
import org.v2mzero.host.api.ApiServer;

/**
 * {@code v2m daemon} as a running whole: the {@link Daemon} core with its network faces, the HTTP/
 * WebSocket API (and web panel) and the OSC control surface. Started and closed as one; a face that
 * cannot start (port taken) closes what was started and fails with one line.
 */
public final class DaemonServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DaemonServer.class.getName());
    /** The largest request body the API reads: a take request is a few hundred bytes. */
    static final int MAX_REQUEST_BYTES = 64 * 1024;

    private final Daemon daemon;
    private final ApiServer api;
    private final OscControlServer osc;

    private DaemonServer(Daemon daemon, ApiServer api, OscControlServer osc) {
        this.daemon = daemon;
        this.api = api;
        this.osc = osc;
    }

    /** Starts everything a {@link DaemonConfig#validated()} configuration asks for. */
    public static DaemonServer start(DaemonConfig config) throws IOException {
        Daemon daemon = Daemon.start(config);
        ApiServer api = null;
        OscControlServer osc = null;
        try {
            api = ApiServer.start(daemon, new ApiConfig(config.apiHost(), config.apiPort(), config.apiToken(),
                    MAX_REQUEST_BYTES));
            if (config.oscPort() >= 0) {
                osc = new OscControlServer(config.oscPort(), AllowedSenders.loopbackAnd(config.oscAllowAddresses()),
                        new DaemonOscControl(daemon));
                osc.start();
            }
            OscControlServer control = osc;
            daemon.ignoredOscFrom(() -> control == null ? 0 : control.ignoredMessages() + control.malformedMessages());
            LOG.info("daemon up: API on " + config.apiHost() + ":" + api.port());
            return new DaemonServer(daemon, api, osc);
        } catch (IOException | RuntimeException e) {
            closeQuietly(osc, api, daemon);
            throw e;
        }
    }

    public Daemon daemon() {
        return daemon;
    }

    /** Where the panel is, e.g. {@code http://127.0.0.1:7870/}. */
    public String url() {
        String host = daemon.config().apiHost();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + api.port() + "/";
    }

    public int apiPort() {
        return api.port();
    }

    /** The OSC control port, or -1 when disabled. */
    public int oscPort() {
        return osc == null ? -1 : osc.localPort();
    }

    @Override
    public void close() {
        closeQuietly(osc, api, daemon);
    }

    private static void closeQuietly(AutoCloseable... parts) {
        for (AutoCloseable part : parts) {
            if (part == null) {
                continue;
            }
            try {
                part.close();
            } catch (Exception e) {
                LOG.warning("closing " + part.getClass().getSimpleName() + ": " + e);
            }
        }
    }
}
