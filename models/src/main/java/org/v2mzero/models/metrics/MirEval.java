package org.v2mzero.models.metrics;

import java.util.Arrays;

/**
 * Event scores with mir_eval's semantics (0.7/0.8), so numbers here compare with published ones.
 * Times are seconds. Pure; any thread.
 */
public final class MirEval {
    /** mir_eval.onset's default tolerance, seconds. */
    public static final double ONSET_WINDOW = 0.05;
    /** mir_eval.beat's default F-measure tolerance, seconds. */
    public static final double BEAT_WINDOW = 0.07;
    /** mir_eval.beat.evaluate ignores beats before this time, seconds (tempo still settling). */
    public static final double BEAT_MIN_TIME = 5.0;
    /** mir_eval.beat.cemgil's Gaussian width, seconds. */
    public static final double CEMGIL_SIGMA = 0.04;

    private MirEval() {}

    /** {@code mir_eval.onset.f_measure(ref, est, window)}. */
    public static FMeasure onsetFMeasure(double[] reference, double[] estimate, double window) {
        return FMeasure.of(EventMatching.match(reference, estimate, window).size(), reference.length, estimate.length);
    }

    /** {@link #onsetFMeasure(double[], double[], double)} at {@link #ONSET_WINDOW}. */
    public static FMeasure onsetFMeasure(double[] reference, double[] estimate) {
        return onsetFMeasure(reference, estimate, ONSET_WINDOW);
    }

    /**
     * {@code mir_eval.beat.evaluate(...)["F-measure"]}: both lists trimmed to beats at or after
     * {@link #BEAT_MIN_TIME} (as {@code evaluate} does), then matched within {@code window}.
     */
    public static FMeasure beatFMeasure(double[] reference, double[] estimate, double window) {
        double[] ref = trimBeats(reference);
        double[] est = trimBeats(estimate);
        return FMeasure.of(EventMatching.match(ref, est, window).size(), ref.length, est.length);
    }

    /** {@link #beatFMeasure(double[], double[], double)} at {@link #BEAT_WINDOW}. */
    public static FMeasure beatFMeasure(double[] reference, double[] estimate) {
        return beatFMeasure(reference, estimate, BEAT_WINDOW);
    }

    /**
     * {@code mir_eval.beat.evaluate(...)["Cemgil"]}: on the trimmed lists, the sum over reference
     * beats of the Gaussian ({@link #CEMGIL_SIGMA}) of the error to the nearest estimate, divided
     * by the mean of the two list lengths; 0 when either is empty.
     */
    public static double cemgil(double[] reference, double[] estimate) {
        double[] ref = trimBeats(reference);
        double[] est = trimBeats(estimate);
        if (ref.length == 0 || est.length == 0) {
            return 0;
        }
        double sum = 0;
        for (double r : ref) {
            double best = Double.POSITIVE_INFINITY;
            for (double e : est) {
                best = Math.min(best, Math.abs(e - r));
            }
            sum += Math.exp(-best * best / (2 * CEMGIL_SIGMA * CEMGIL_SIGMA));
        }
        return sum / (0.5 * (ref.length + est.length));
    }

    /**
     * {@code mir_eval.tempo.detection(reference, weight, estimate, tol)}: a reference tempo is hit
     * when some estimate is within {@code tol} of it, relatively.
     *
     * @param reference two reference tempi, bpm, {@code >= 0} (0: no tempo, never hit)
     * @param weight    the first tempo's salience, in [0, 1]
     * @param estimate  two estimated tempi, bpm, {@code >= 0}
     * @param tol       relative tolerance, in [0, 1] (mir_eval's default: 0.08)
     */
    public static TempoScore tempoDetection(double[] reference, double weight, double[] estimate, double tol) {
        checkTempi("reference", reference);
        checkTempi("estimate", estimate);
        if (!(weight >= 0 && weight <= 1)) {
            throw new IllegalArgumentException("weight : " + weight + " (expected: in [0, 1])");
        }
        if (!(tol >= 0 && tol <= 1)) {
            throw new IllegalArgumentException("tol : " + tol + " (expected: in [0, 1])");
        }
        boolean[] hit = new boolean[2];
        for (int i = 0; i < 2; i++) {
            double ref = reference[i];
            double error = Math.min(Math.abs(ref - estimate[0]), Math.abs(ref - estimate[1])) / ref;
            hit[i] = ref > 0 && error <= tol;
        }
        double p = (hit[0] ? weight : 0) + (hit[1] ? 1 - weight : 0);
        return new TempoScore(p, hit[0] || hit[1], hit[0] && hit[1]);
    }

    private static void checkTempi(String name, double[] tempi) {
        if (tempi.length != 2) {
            throw new IllegalArgumentException(name + ".length : " + tempi.length + " (expected: 2)");
        }
        for (double t : tempi) {
            if (!(t >= 0) || !Double.isFinite(t)) {
                throw new IllegalArgumentException(name + " tempo : " + t + " (expected: finite, >= 0)");
            }
        }
    }

    /** Beats at or after {@link #BEAT_MIN_TIME}, as {@code mir_eval.beat.trim_beats}. */
    public static double[] trimBeats(double[] beats) {
        return Arrays.stream(beats).filter(b -> b >= BEAT_MIN_TIME).toArray();
    }
}
