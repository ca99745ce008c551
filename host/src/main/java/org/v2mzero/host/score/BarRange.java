package org.v2mzero.host.score;

import java.util.Locale;
import org.v2mzero.protocol.BadInputException;
import org.v2mzero.protocol.TempoMap;

/**
 * The range of a take to regenerate, widened to bar lines of its tempo map: the start down to the bar line
 * at or before it, the end up to the bar line at or after it, or the take's end. A player swapping takes
 * at a bar line then swaps at {@link #start}.
 *
 * @param start    first regenerated moment, seconds of take time, on a bar line
 * @param end      end of the range (exclusive), on a bar line or the take's end
 * @param firstBar the 1-based bar the range starts with
 * @param lastBar  the 1-based last bar it touches
 */
record BarRange(double start, double end, int firstBar, int lastBar) {
    /** Bar positions this close to a bar line (in bars) are on it: float noise must not add a bar. */
    private static final double ON_THE_LINE = 1e-9;

    /**
     * @param startSeconds the asked start, 0 <= start < the take's length
     * @param endSeconds   the asked end, start < end <= the take's length, or {@link Double#POSITIVE_INFINITY}
     * @throws BadInputException one line naming the bad value and the take's length
     */
    static BarRange snap(TempoMap map, double durationSeconds, double startSeconds, double endSeconds)
            throws BadInputException {
        if (!(startSeconds >= 0 && startSeconds < durationSeconds)) {
            throw new BadInputException(String.format(Locale.ROOT,
                    "start : %s s (expected: 0 <= start < %.3f s, the take's length)", startSeconds, durationSeconds));
        }
        boolean toTheEnd = endSeconds == Double.POSITIVE_INFINITY;
        if (!toTheEnd && !(endSeconds > startSeconds && endSeconds <= durationSeconds + 1e-9)) {
            throw new BadInputException(String.format(Locale.ROOT,
                    "end : %s s (expected: after the start, %s s, and at most %.3f s, the take's length; or none for"
                            + " the take's end)", endSeconds, startSeconds, durationSeconds));
        }
        int bpb = map.beatsPerBar();
        int firstBar = (int) Math.floor(map.beatAt(startSeconds) / bpb + ON_THE_LINE);
        double start = map.secondsAt(firstBar * (double) bpb);
        double endLimit = toTheEnd ? durationSeconds : endSeconds;
        int endBar = (int) Math.ceil(map.beatAt(endLimit) / bpb - ON_THE_LINE);
        double end = Math.min(durationSeconds, map.secondsAt(endBar * (double) bpb));
        return new BarRange(start, end, firstBar + 1, endBar);
    }

    /** E.g. {@code bars 5-8 (8.00-16.00 s)}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "bars %d-%d (%.2f-%.2f s)", firstBar, lastBar, start, end);
    }
}
