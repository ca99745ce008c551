package org.v2mzero.models.curve;

import org.v2mzero.protocol.EventCurve;

/**
 * The event-curve recipe (DESIGN.md §3) from raw novelty to the curve consumers see: z-score per
 * clip, then centred, normalised Hann smoothing, on the source's own sample times (resampling onto
 * a consumer's grid is {@link Resample#linear}, done by the consumer). Pure; any thread.
 *
 * <p>Time convention: {@code e_t} (the change from frame {@code t} to {@code t + 1}) is placed at
 * the time of frame {@code t + 1}, the first frame that shows the change, so a cut's peak lands
 * where the new shot starts. A clip of {@code n} frames gives {@code n - 1} curve samples, from
 * the second frame's time to the last frame's.
 */
public final class EventCurveRecipe {
    /**
     * Default smoothing window, seconds: 0.2 s spans about 5 frames at 25 fps, enough to merge the
     * flicker of single noisy frames while keeping two events a sixteenth note apart at 120 bpm
     * (0.125 s) as separate bumps.
     */
    public static final double DEFAULT_SMOOTH_SECONDS = 0.2;

    private EventCurveRecipe() {}

    /**
     * The transition times of {@code n} frames: element {@code t} is {@code frameTimes[t + 1]}.
     */
    public static double[] transitionTimes(double[] frameTimes) {
        if (frameTimes.length < 2) {
            return new double[0];
        }
        return java.util.Arrays.copyOfRange(frameTimes, 1, frameTimes.length);
    }

    /**
     * The event curve from raw novelty.
     *
     * @param times         seconds of each raw sample, strictly increasing (see the class comment)
     * @param raw           raw novelty {@code 1 - cos}, one per time
     * @param smoothSeconds Hann window width in seconds, 0 for none
     */
    public static EventCurve curve(double[] times, double[] raw, double smoothSeconds) {
        double[] z = ZScore.of(raw);
        return new EventCurve(times, HannSmoother.smooth(times, z, smoothSeconds));
    }
}
