package org.v2mzero.host.daemon;

import org.v2mzero.bridge.osc.OscControlHandler;

/**
 * The OSC control surface's commands ({@code /v2m/...}) applied to the daemon's active session: the one
 * opened or acted on last, which is the one the DAW is playing. Runs on the OSC server's thread; every
 * call returns quickly (a regeneration is queued, not run).
 */
final class DaemonOscControl implements OscControlHandler {
    private final Daemon daemon;

    DaemonOscControl(Daemon daemon) {
        this.daemon = daemon;
    }

    @Override
    public String ping() {
        String version = Daemon.class.getPackage().getImplementationVersion();
        return "v2m " + (version == null ? "dev" : version);
    }

    @Override
    public void prompt(String prompt) throws Exception {
        daemon.setPrompt(daemon.activeSessionId(), prompt);
    }

    @Override
    public void regenerate(Double startSeconds, Double endSeconds, String prompt) throws Exception {
        boolean fromPlayhead = startSeconds == null;
        daemon.requestTake(daemon.activeSessionId(), new TakeRequest(prompt, null, null,
                startSeconds, endSeconds, fromPlayhead ? Boolean.TRUE : null, null));
    }

    @Override
    public void makeCurrent(String takeId) throws Exception {
        daemon.makeCurrent(daemon.activeSessionId(), takeId);
    }
}
