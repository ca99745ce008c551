package org.v2mzero.models.curve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.v2mzero.protocol.Section;

/**
 * Finds where damaged picture was skipped inside a video that decoded: FFmpeg drops the frames it cannot
 * decode (up to the next key frame) and goes on, so the only trace in what it returns is a hole in the frame
 * times. A gap longer than {@link #MAX_PERIODS} median frame periods is such a hole: variable-frame-rate
 * video with dropped frames (the shared goldeneye-vfr-drop3 clip: gaps of 2 periods) stays well below it,
 * and an MPEG decoder that lost one packet loses the rest of its group of pictures (typically 10 to 250
 * frames).
 *
 * <p>Why gaps and not FFmpeg's error log: the log callback is global, called from FFmpeg's decoder threads
 * (one codec context per thread) and its demuxers, so a message cannot be tied to one file and one instant
 * without giving up frame threading; a gap names the instant exactly and costs nothing.
 *
 * <p>A container that lists its frames (MP4) settles the one doubtful case, a variable-frame-rate file that
 * holds a still picture longer (a screen recording): when every listed frame decoded nothing was skipped,
 * whatever the gaps. Matroska lists none, so there such a hold reads as damage.
 */
final class DamageFinder {
    /** A gap longer than this many median frame periods is picture that did not decode. */
    static final double MAX_PERIODS = 3.0;

    private DamageFinder() {}

    /**
     * The skipped stretches: each from where the frame before a hole ends (its time plus the median period)
     * to the frame after it, in whole microseconds as the frames' own times are.
     *
     * @param firstTime      the first decoded frame's time
     * @param times          the later frames' times, strictly ascending; only {@code [0, later)} are read
     * @param declaredFrames frames the container lists, 0 when it lists none
     */
    static List<Section> find(double firstTime, double[] times, int later, long declaredFrames) {
        if (later < 2 || (declaredFrames > 0 && later + 1 >= declaredFrames)) {
            return List.of();
        }
        double[] gaps = new double[later]; // sorted for the median; the one array of its size made here
        for (int i = 0; i < later; i++) {
            gaps[i] = times[i] - (i == 0 ? firstTime : times[i - 1]);
        }
        Arrays.sort(gaps);
        double period = gaps[later / 2];
        List<Section> damaged = new ArrayList<>();
        for (int i = 0; i < later; i++) {
            double before = i == 0 ? firstTime : times[i - 1];
            if (times[i] - before > MAX_PERIODS * period) {
                damaged.add(new Section(micros(before + period), micros(times[i])));
            }
        }
        return damaged;
    }

    private static double micros(double seconds) {
        return Math.rint(seconds * 1e6) / 1e6;
    }
}
