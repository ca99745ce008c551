package org.v2mzero.models.metrics;

/**
 * An event-detection score, as mir_eval reports it.
 *
 * @param fMeasure  harmonic mean of precision and recall; 0 when both are 0
 * @param precision matched / estimated
 * @param recall    matched / reference
 * @param matched   number of one-to-one matched pairs
 */
public record FMeasure(double fMeasure, double precision, double recall, int matched) {
    static final FMeasure ZERO = new FMeasure(0, 0, 0, 0);

    static FMeasure of(int matched, int references, int estimates) {
        if (references == 0 || estimates == 0) {
            return ZERO; // mir_eval scores an empty list 0, with a warning
        }
        double precision = matched / (double) estimates;
        double recall = matched / (double) references;
        double f = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new FMeasure(f, precision, recall, matched);
    }
}
