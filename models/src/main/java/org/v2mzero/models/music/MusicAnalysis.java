package org.v2mzero.models.music;

import java.util.List;
import org.v2mzero.protocol.CurveAnalysis;

/**
 * What {@link MusicCurveAnalyzer} finds in a piece of music.
 *
 * @param curve  the music event curve and its hits, in the same shape as a video's
 * @param onsets detected onset times in seconds, ascending ({@link OnsetDetector})
 * @param bpm    estimated tempo ({@link TempoEstimator}), NaN when no pulse was found
 * @param beats  beat times in seconds, ascending ({@link BeatTracker}); none when there is no tempo
 */
public record MusicAnalysis(CurveAnalysis curve, List<Double> onsets, double bpm, List<Double> beats) {
    public MusicAnalysis {
        onsets = List.copyOf(onsets);
        beats = List.copyOf(beats);
    }
}
