package org.v2mzero.bridge.jack;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Routes libjack's own error and info messages ("Cannot connect to server socket ...") to the
 * {@code org.v2mzero.bridge.jack} logger instead of stderr, so the CLI prints one clear line of its own.
 * JNAJack keeps its binding private, so this binds the two setters directly.
 */
final class JackMessages {
    private static final Logger LOG = Logger.getLogger(JackMessages.class.getPackageName());

    /** libjack's {@code void (*func)(const char *)}. */
    interface MessageFunction extends Callback {
        void invoke(String message);
    }

    interface LibJack extends Library {
        void jack_set_error_function(MessageFunction function);

        void jack_set_info_function(MessageFunction function);
    }

    // Strong references: libjack keeps the raw pointers, JNA must not collect the callbacks.
    private static final MessageFunction ERROR = message -> LOG.log(Level.FINE, "libjack: {0}", message);
    private static final MessageFunction INFO = message -> LOG.log(Level.FINEST, "libjack: {0}", message);
    // Held too: JNA closes a library whose proxy is collected, and with it goes the routing.
    private static LibJack library;
    private static boolean installed;

    private JackMessages() {}

    /** Installs the routing once; harmless when libjack cannot be loaded (the caller finds out anyway). */
    static synchronized void routeToLogger() {
        if (installed) {
            return;
        }
        try {
            library = Native.load("jack", LibJack.class);
            library.jack_set_error_function(ERROR);
            library.jack_set_info_function(INFO);
            installed = true;
        } catch (LinkageError e) {
            LOG.log(Level.FINE, "libjack not loadable, messages not rerouted", e);
        }
    }
}
