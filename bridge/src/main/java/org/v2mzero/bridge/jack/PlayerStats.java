package org.v2mzero.bridge.jack;

/**
 * What the player's audio side has done, read from a control thread. Counts are cumulative since the
 * player was built (across reconnects).
 *
 * @param state           lifecycle state when read
 * @param sampleRate      frames per second of the current server; 0 while not connected
 * @param periodFrames    frames per process period of the current server; 0 while not connected
 * @param callbacks       process callbacks run
 * @param xruns           xruns JACK reported to this client
 * @param callbackErrors  Throwables caught at the callback boundary (each such cycle was silence)
 * @param p50PeriodShare  median callback duration as a share of the period (0.01 = 1 %), NaN before the
 *                        first callback; 0.01 % resolution, rounded up
 * @param p99PeriodShare  99th percentile of the same; 1.0 means a whole period or more
 * @param connects        times a client was opened and activated (1 + reconnects)
 */
public record PlayerStats(PlayerState state, int sampleRate, int periodFrames, long callbacks, long xruns,
        long callbackErrors, double p50PeriodShare, double p99PeriodShare, long connects) {}
