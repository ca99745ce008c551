package org.v2mzero.bridge.jack;

import org.jaudiolibs.jnajack.Jack;
import org.jaudiolibs.jnajack.JackException;

/**
 * Asks whether a JACK server is running, without ever starting one: libjack would otherwise launch a
 * server from {@code ~/.jackdrc} on a composer's machine just because a diagnostic looked.
 *
 * <p>Any thread; opens and closes a short-lived client named {@code v2m-probe}, through
 * {@link ActiveClient} like every client here (libjack frees other clients on an open after a server
 * loss, see there).
 */
public final class JackServerProbe {
    private JackServerProbe() {}

    public static JackServerStatus probe() {
        String server = System.getenv().getOrDefault("JACK_DEFAULT_SERVER", "default");
        JackMessages.routeToLogger();
        try {
            Jack.getInstance();
        } catch (JackException | LinkageError e) {
            return new JackServerStatus(false, false, server, 0, 0,
                    "libjack not found (install Debian package jackd2): " + e.getMessage());
        }
        ActiveClient client;
        try {
            client = ActiveClient.open("v2m-probe", false);
        } catch (JackException e) {
            return new JackServerStatus(true, false, server, 0, 0,
                    "no JACK server \"" + server + "\" running (" + e.getMessage() + ")");
        }
        try {
            return new JackServerStatus(true, true, server, client.sampleRate(), client.periodFrames(), "");
        } finally {
            client.close();
        }
    }
}
