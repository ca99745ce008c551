package org.v2mzero.host.daemon;

/**
 * Counters since the daemon started.
 *
 * @param badRequests     HTTP requests refused with a 4xx
 * @param ignoredOsc      OSC control messages ignored (unknown sender or malformed)
 * @param xruns           JACK xruns the player saw
 * @param takesMade       takes the daemon published
 * @param jobsFailed      take jobs that failed
 */
public record DaemonStats(long badRequests, long ignoredOsc, long xruns, long takesMade, long jobsFailed) {}
