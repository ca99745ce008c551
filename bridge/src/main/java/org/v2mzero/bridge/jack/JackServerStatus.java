package org.v2mzero.bridge.jack;

/**
 * Whether a JACK server can be reached from this process, and what it runs at.
 *
 * @param libraryLoaded {@code libjack} could be loaded (Debian: {@code libjack-jackd2-0})
 * @param reachable     a client could connect to the server named by {@code JACK_DEFAULT_SERVER}
 *                      (or "default"); the probe never starts one
 * @param serverName    the server name that was tried
 * @param sampleRate    frames per second, 0 when not reachable
 * @param bufferSize    frames per process period, 0 when not reachable
 * @param detail        one line saying why not, empty when reachable
 */
public record JackServerStatus(boolean libraryLoaded, boolean reachable, String serverName, int sampleRate,
        int bufferSize, String detail) {}
