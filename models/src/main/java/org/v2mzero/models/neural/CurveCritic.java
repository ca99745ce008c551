package org.v2mzero.models.neural;

import org.v2mzero.models.curve.HannSmoother;
import org.v2mzero.models.metrics.SyncMetrics;
import org.v2mzero.protocol.EventCurve;

/**
 * Says how much a note helps a take follow the video's curve, for the curve search ({@link SamplingLoop}):
 * the sum over a candidate bar's notes ranks the candidates. A note's worth is its loudness times the
 * video curve where it starts, smoothed as metrics.md smooths it for the curve correlation and centred,
 * so notes where the picture changes more than usual count for a bar and notes where it is still count
 * against it; plus a bonus on the strong hits, where the hit metrics want the music's largest change,
 * and a cost in the half second before one, so that the hit lands in the open (a note there takes the
 * change away from the cut). A note that ends a silence (no onset for {@link #ENTRY_SECONDS}) counts
 * twice, for good or ill.
 *
 * <p>Why onsets, loudness and entries: the music curve is the change between log-mel frames. On r9's 54
 * takes of the zero-pair table, the velocity-weighted onsets of score.mid, smoothed as the metric
 * smooths, correlate with the mix's own curve at r = 0.50 (per take, s.d. 0.16), and adding entries
 * after half a second without onsets, fitted at about an onset's weight again, raises that to 0.52-0.53
 * on held-out takes; telling drums from pitched notes adds nothing more. The critic reads tokens, not
 * audio, so it ranks bars in microseconds where rendering them would take the synthesizer's time.
 * Immutable; any thread.
 */
final class CurveCritic {
    /** A note right on a full-strength hit is worth this many z of the smoothed curve besides. */
    static final double HIT_BONUS = 2.0;
    /** A note this close before a strong hit (and not on it) costs the hit's weight, in z. */
    static final double PRE_HIT_SECONDS = 0.5;
    /** A note with no onset this long before it ends a silence: it changes the sound the more. */
    static final double ENTRY_SECONDS = 0.5;

    private final EventCurve smoothed;
    private final CurveFeatures features;

    CurveCritic(EventCurve curve, CurveFeatures features) {
        double[] s = HannSmoother.smooth(curve.times(), curve.values(), SyncMetrics.CORRELATION_SMOOTH);
        double mean = 0;
        for (double v : s) {
            mean += v / s.length;
        }
        for (int i = 0; i < s.length; i++) {
            s[i] -= mean;
        }
        this.smoothed = new EventCurve(curve.times(), s);
        this.features = features;
    }

    /** The running sum over a cue's notes, and the onsets an entry is told by. Mutable; copy it to branch. */
    static final class Tally {
        private double score;
        /** The latest onset time, and the latest one before it: a note is an entry by its gap to the latter. */
        private double last = Double.NEGATIVE_INFINITY;
        private double beforeLast = Double.NEGATIVE_INFINITY;

        double score() {
            return score;
        }

        Tally copy() {
            Tally t = new Tally();
            t.score = score;
            t.last = last;
            t.beforeLast = beforeLast;
            return t;
        }
    }

    /** Adds a note starting at {@code seconds} at MIDI velocity {@code velocity} (1..127); notes come in time order. */
    void add(Tally tally, double seconds, int velocity) {
        if (seconds > tally.last) {
            tally.beforeLast = tally.last;
            tally.last = seconds;
        }
        boolean entry = seconds - tally.beforeLast > ENTRY_SECONDS; // every note of an entering chord
        tally.score += (entry ? 2 : 1) * note(seconds, velocity);
    }

    /** The worth of a note starting at {@code seconds} at MIDI velocity {@code velocity}, entries aside. */
    double note(double seconds, int velocity) {
        double beforeHit = features.hitWithin(seconds + CurveFeatures.ON_HIT_SECONDS,
                PRE_HIT_SECONDS - CurveFeatures.ON_HIT_SECONDS);
        return velocity / 127.0 * (smoothed.valueAt(seconds) + HIT_BONUS * features.onHit(seconds) - beforeHit);
    }
}
