package org.v2mzero.models.compose;

import java.util.ArrayList;
import java.util.List;

/**
 * A stem damped to silence for a stop: from {@code start} its Expression (MIDI CC 11) falls to 0 over
 * {@link #RAMP_SECONDS}, as a player damps a ringing instrument, and returns to full at {@code end}, the
 * moment the band re-enters. A released note keeps sounding for as long as its instrument's release
 * lasts (an orchestra hit rings on for a second); the composer chokes every stem just before each marked
 * hit ({@link StopTime#chokes}). Written into the stem's MIDI as controller events, so a DAW's instrument
 * chokes where the rendered stem does; the project's renderer applies it to the audio as exact gain
 * ({@link #gainAt}). Immutable; any thread.
 *
 * @param start when the stem begins to fall silent, seconds
 * @param end   when Expression returns to full, seconds (after the ramp)
 */
public record Choke(double start, double end) {
    /** Expression, the General MIDI controller that scales a channel's loudness (0 is silent). */
    public static final int CONTROLLER = 11;
    /** The damping gesture, seconds: short enough to read as a stop, long enough not to click. */
    public static final double RAMP_SECONDS = 0.03;
    /** Controller steps of the ramp (a synthesizer applies each within a few milliseconds). */
    static final int RAMP_STEPS = 8;
    public static final int FULL = 127;

    public Choke {
        if (!(start >= 0) || !(end >= start + RAMP_SECONDS) || !Double.isFinite(end)) {
            throw new IllegalArgumentException("choke : [" + start + ", " + end + ") s (expected: 0 <= start, start + "
                    + RAMP_SECONDS + " <= end, finite)");
        }
    }

    /** One Expression value from a moment on. */
    public record Level(double seconds, int value) {}

    /** The Expression values this choke writes, in time order: the ramp down to 0, then full at {@link #end}. */
    public List<Level> levels() {
        List<Level> out = new ArrayList<>();
        for (int i = 1; i <= RAMP_STEPS; i++) {
            out.add(new Level(start + RAMP_SECONDS * (i - 1) / (RAMP_STEPS - 1),
                    (int) Math.round(FULL * (1 - i / (double) RAMP_STEPS))));
        }
        out.add(new Level(end, FULL));
        return out;
    }

    /**
     * The stem's gain at a moment, for a renderer that applies the choke to audio: 1 before
     * {@link #start}, falling linearly to 0 over {@link #RAMP_SECONDS}, 0 until {@link #end}, 1 from it.
     */
    public double gainAt(double seconds) {
        if (seconds < start || seconds >= end) {
            return 1;
        }
        return Math.max(0, 1 - (seconds - start) / RAMP_SECONDS);
    }

    /** Whether {@code seconds} lies inside, where the stem is silent or falling silent. */
    public boolean covers(double seconds) {
        return seconds >= start && seconds < end;
    }
}
