package org.v2mzero.bridge.jack;

import java.util.EnumSet;
import org.jaudiolibs.jnajack.Jack;
import org.jaudiolibs.jnajack.JackClient;
import org.jaudiolibs.jnajack.JackException;
import org.jaudiolibs.jnajack.JackOptions;
import org.jaudiolibs.jnajack.JackStatus;

/**
 * Asks whether a JACK server is running, without ever starting one: libjack would otherwise launch a
 * server from {@code ~/.jackdrc} on a composer's machine just because a diagnostic looked.
 *
 * <p>Any thread; opens and closes a short-lived client named {@code v2m-probe}.
 */
public final class JackServerProbe {
    private JackServerProbe() {}

    public static JackServerStatus probe() {
        String server = System.getenv().getOrDefault("JACK_DEFAULT_SERVER", "default");
        JackMessages.routeToLogger();
        Jack jack;
        try {
            jack = Jack.getInstance();
        } catch (JackException | LinkageError e) {
            return new JackServerStatus(false, false, server, 0, 0,
                    "libjack not found (install Debian package jackd2): " + e.getMessage());
        }
        EnumSet<JackStatus> status = EnumSet.noneOf(JackStatus.class);
        JackClient client = null;
        try {
            client = jack.openClient("v2m-probe", EnumSet.of(JackOptions.JackNoStartServer), status);
            return new JackServerStatus(true, true, server, client.getSampleRate(), client.getBufferSize(), "");
        } catch (JackException e) {
            return new JackServerStatus(true, false, server, 0, 0,
                    "no JACK server \"" + server + "\" running " + status);
        } finally {
            if (client != null) {
                client.close();
            }
        }
    }
}
