package org.v2mzero.host.daemon;

import org.v2mzero.protocol.TempoMap;

/** Bar lines of a take's tempo map, in take time (seconds from the take's first sample). */
final class BarLines {
    private BarLines() {}

    /** The first bar line at or after {@code seconds}. */
    static double atOrAfter(TempoMap map, double seconds) {
        double beat = map.beatAt(Math.max(0, seconds));
        double bar = Math.ceil(beat / map.beatsPerBar() - 1e-9);
        return map.secondsAt(bar * map.beatsPerBar());
    }
}
