package org.v2mzero.models.metrics;

/**
 * How the music met one video hit: what the take's recall, accent and BeatAlign are averages of, so a
 * missed hit can be found and heard.
 *
 * @param time            the hit, seconds
 * @param matched         an onset within ±50 ms is paired with it (the one-to-one matching of hit recall)
 * @param nearestOnsetMs  the nearest onset minus the hit, milliseconds (NaN without onsets)
 * @param accentPeak      the highest local peak of the music curve (z) within ±50 ms (NaN if none); the
 *                        hit is accented when it is at least {@link SyncMetrics#ACCENT_PEAK}
 */
public record HitDetail(double time, boolean matched, double nearestOnsetMs, double accentPeak) {}
