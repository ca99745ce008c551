package org.v2mzero.bridge.jack;

/** What a {@link JackSession} tells its player; both run on JACK's notification thread and must not block. */
interface SessionListener {
    /** The server shut {@code session}'s client down (killed jackd, server stopped). */
    void serverGone(JackSession session);

    /** A port named {@code fullName} ({@code client:port}) appeared on the server. */
    void portAppeared(String fullName);
}
