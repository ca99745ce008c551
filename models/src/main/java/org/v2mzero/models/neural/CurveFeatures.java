package org.v2mzero.models.neural;

import java.util.Comparator;
import java.util.List;
import org.v2mzero.models.curve.HitPicker;
import org.v2mzero.protocol.EventCurve;
import org.v2mzero.protocol.Hit;

/**
 * The curve features a token carries (training/MODEL.md, "Conditioning"): the event curve at the token's
 * time and around it, so the model sees a change coming a second ahead and one just past, and where the
 * curve's strong hits lie relative to the token. The same features for the music curve in training and
 * the video curve when generating. Immutable; any thread.
 *
 * <p>Why hit channels besides the samples: a music curve is dense (z-scores mostly within -1..2), a
 * video curve is flat with narrow spikes of 4-7 z at its cuts. Sampled at a handful of offsets a spike
 * is often missed and, when seen, lies outside what the model met in training. A hit, picked by the same
 * {@link HitPicker} from either curve, means the same thing in both: "the strongest change around here".
 *
 * <p>Why the bar grid after them: the model places a note by choosing a position in the bar (a POS
 * token), but the samples and hit channels are in seconds; to put a note on a cut it would have to turn
 * a distance in seconds into a position through the tempo, from the few hundred hits a corpus holds.
 * The grid gives it the on-hit bump at each 16th of the token's bar directly: slot k is the bump at
 * grid unit 3k from the bar's start. A cue's tempo is fitted to the picture, so its cuts lie on it.
 */
public final class CurveFeatures {
    /** Seconds from the token's time at which the curve is sampled. */
    private static final double[] OFFSETS = {-0.5, -0.25, 0, 0.25, 0.5, 1.0};
    /** The hit channels after the samples, in order (MODEL.md). */
    private static final List<String> HIT_CHANNELS = List.of("onHit", "nextHit", "lastHit");
    /** Slots of the bar grid: the 16ths of a 4/4 bar (a longer bar's later 16ths are not in it). */
    public static final int GRID_SLOTS = 16;
    private static final int UNITS_PER_SLOT = Vocabulary.UNITS_PER_QUARTER / 4;
    /** Features per token: the samples, the hit channels, the bar grid. */
    public static final int SIZE = OFFSETS.length + HIT_CHANNELS.size() + GRID_SLOTS;
    /** Strong hits: a music curve passes 1.5 z at about 1 % of its note positions, a video's cuts reach 4-7 z. */
    public static final HitPicker HITS = new HitPicker(1.5, 0.5);
    /** Samples are clipped to this many standard deviations: beyond it a music curve almost never goes. */
    static final double CLIP = 3.0;
    /** Hit strengths (z) are capped here and scaled to 0..1. */
    static final double STRENGTH_CAP = 4.0;
    /** Width (s.d., seconds) of the on-hit bump: a token this close to a hit is on it. */
    static final double ON_HIT_SECONDS = 0.06;
    /** The next and last hit channels fall linearly to 0 this many seconds from the hit. */
    static final double HORIZON_SECONDS = 2.0;

    private final EventCurve curve;
    private final double start;
    private final double end;
    private final double[] hitTimes;
    private final double[] hitWeights;

    private CurveFeatures(EventCurve curve) {
        this.curve = curve;
        this.start = curve.size() == 0 ? 0 : curve.time(0);
        this.end = curve.size() == 0 ? 0 : curve.time(curve.size() - 1);
        List<Hit> hits = HITS.pick(curve).stream().sorted(Comparator.comparingDouble(Hit::time)).toList();
        this.hitTimes = hits.stream().mapToDouble(Hit::time).toArray();
        this.hitWeights = hits.stream().mapToDouble(h -> Math.min(h.strength(), STRENGTH_CAP) / STRENGTH_CAP).toArray();
    }

    public static CurveFeatures of(EventCurve curve) {
        return new CurveFeatures(curve);
    }

    /** The sample offsets, seconds; a copy. */
    public static double[] offsets() {
        return OFFSETS.clone();
    }

    /** The names of the hit channels, in order. */
    public static List<String> hitChannels() {
        return HIT_CHANNELS;
    }

    /** Writes the {@link #SIZE} features of the token {@code clock} accepted last into {@code into[offset..]}; allocation-free. */
    public void sample(TokenClock clock, float[] into, int offset) {
        around(clock.now(), into, offset);
        grid(clock, into, offset + OFFSETS.length + HIT_CHANNELS.size());
    }

    /** The samples and the hit channels at {@code seconds}: the features before the grid. */
    void around(double seconds, float[] into, int offset) {
        for (int i = 0; i < OFFSETS.length; i++) {
            double t = seconds + OFFSETS[i];
            // Outside the curve there is no change to tell: 0 is the z-scored curve's mean.
            double v = t < start || t > end || curve.size() == 0 ? 0 : curve.valueAt(t);
            into[offset + i] = (float) Math.max(-CLIP, Math.min(CLIP, v));
        }
        int k = OFFSETS.length;
        into[offset + k] = (float) onHit(seconds);
        into[offset + k + 1] = (float) nextHit(seconds);
        into[offset + k + 2] = (float) lastHit(seconds);
    }

    /** The on-hit bump at each 16th of the clock's bar; 0 before the first BAR and past the bar's end. */
    private void grid(TokenClock clock, float[] into, int offset) {
        TokenGrammar g = clock.grammar();
        for (int k = 0; k < GRID_SLOTS; k++) {
            int unit = k * UNITS_PER_SLOT;
            boolean inBar = g.bar() >= 0 && unit < g.barUnits();
            into[offset + k] = inBar ? (float) onHit(clock.secondsInBar(g.barStart() + unit)) : 0f;
        }
    }

    /** The strongest hit's bump at {@code t}: its weight on the hit, about 0 beyond 3 widths. */
    double onHit(double t) {
        double best = 0;
        for (int i = firstAfter(t - 4 * ON_HIT_SECONDS); i < hitTimes.length && hitTimes[i] <= t + 4 * ON_HIT_SECONDS; i++) {
            double z = (t - hitTimes[i]) / ON_HIT_SECONDS;
            best = Math.max(best, hitWeights[i] * Math.exp(-0.5 * z * z));
        }
        return best;
    }

    /** The weight of the first hit after {@code t} if it comes within {@code seconds}, else 0. */
    double hitWithin(double t, double seconds) {
        int i = firstAfter(t);
        return i < hitTimes.length && hitTimes[i] - t <= seconds ? hitWeights[i] : 0;
    }

    /** The next hit beyond the on-hit bump: its weight, falling linearly to 0 at the horizon. */
    private double nextHit(double t) {
        int i = firstAfter(t + ON_HIT_SECONDS);
        return i < hitTimes.length ? hitWeights[i] * Math.max(0, 1 - (hitTimes[i] - t) / HORIZON_SECONDS) : 0;
    }

    /** The last hit before the on-hit bump, likewise. */
    private double lastHit(double t) {
        int i = firstAfter(t - ON_HIT_SECONDS) - 1;
        return i >= 0 ? hitWeights[i] * Math.max(0, 1 - (t - hitTimes[i]) / HORIZON_SECONDS) : 0;
    }

    /** Index of the first hit strictly after {@code t} (binary search). */
    private int firstAfter(double t) {
        int lo = 0;
        int hi = hitTimes.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (hitTimes[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
