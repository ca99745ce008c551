package org.v2mzero.models.metrics;

/**
 * {@code mir_eval.tempo.detection}'s result.
 *
 * @param pScore      weight of the first reference tempo if it was hit, plus the rest if the second was
 * @param oneCorrect  at least one reference tempo was hit
 * @param bothCorrect both reference tempi were hit
 */
public record TempoScore(double pScore, boolean oneCorrect, boolean bothCorrect) {}
