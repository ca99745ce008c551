package org.v2mzero.models.metrics;

import java.util.List;

/**
 * The sync metrics of ../shared/metrics.md for one take. NaN marks a metric with nothing to measure
 * (a timing error without any matched pair, a correlation of a flat curve).
 *
 * @param hits             number of video hits {@code H}
 * @param onsets           number of music onsets {@code O}
 * @param hitRecall        share of {@code H} matched one-to-one by an onset within ±50 ms
 * @param hitAccent        share of {@code H} with a music-curve peak ≥ 1.5 within ±50 ms
 * @param beatAlign        mean of {@code exp(−d²/(2·0.05²))}, {@code d} the distance to the nearest onset
 * @param curveCorrelation Pearson r of the 1 s Hann-smoothed video and music curves at 10 Hz
 * @param timingErrorMs    median {@code |o − h|} over the matched pairs, milliseconds (lower is better)
 * @param perHit           each hit in the order given: matched, nearest onset, accent peak
 */
public record SyncReport(int hits, int onsets, double hitRecall, double hitAccent, double beatAlign,
        double curveCorrelation, double timingErrorMs, List<HitDetail> perHit) {
    public SyncReport {
        perHit = List.copyOf(perHit);
    }
}
