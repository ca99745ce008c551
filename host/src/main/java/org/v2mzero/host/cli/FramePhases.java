package org.v2mzero.host.cli;

import java.util.ArrayList;
import java.util.List;
import org.v2mzero.models.metrics.HitDetail;
import org.v2mzero.models.metrics.SyncMetrics;
import org.v2mzero.models.metrics.SyncReport;
import org.v2mzero.models.music.MonoAudio;
import org.v2mzero.models.music.MusicAnalysis;
import org.v2mzero.models.music.MusicCurveAnalyzer;
import org.v2mzero.protocol.BadInputException;
import org.v2mzero.protocol.EventCurve;

/**
 * Hit accent measured at several phases of the music curve's analysis frames: the audio delayed by
 * {@code k/n} of a hop ({@code k = 0 .. n-1}) and the hits with it; phase 0 is the plain measurement. A hit's music-curve peak depends on
 * where its attack falls inside the frame (a composed cut measured at 1.29, 1.12, 1.89 and 1.60 z over
 * four phases), so a take whose accent passes at one phase and fails at another marks that hit by luck.
 *
 * @param hitAccent per phase, the share of hits with a peak of at least 1.5 within 50 ms
 * @param peaks     per phase, per hit, the music-curve peak within 50 ms (NaN if none)
 */
record FramePhases(List<Double> hitAccent, List<List<Double>> peaks) {
    /**
     * @param plain the report of {@code audio} as it is ({@link MusicCurveAnalyzer#DEFAULT}): phase 0, not
     *              analysed again
     */
    static FramePhases measure(SyncReport plain, MonoAudio audio, String source, List<Double> hits, int phases)
            throws BadInputException {
        if (phases < 1) {
            throw new IllegalArgumentException("phases : " + phases + " (expected: >= 1)");
        }
        int hop = MusicCurveAnalyzer.DEFAULT.logMel().hop();
        List<Double> accents = new ArrayList<>(List.of(plain.hitAccent()));
        List<List<Double>> peaks = new ArrayList<>(List.of(accentPeaks(plain)));
        for (int k = 1; k < phases; k++) {
            int delay = (int) Math.round(k * hop / (double) phases);
            float[] delayed = new float[audio.samples().length + delay];
            System.arraycopy(audio.samples(), 0, delayed, delay, audio.samples().length);
            double seconds = delay / (double) audio.sampleRate();
            MusicAnalysis music = MusicCurveAnalyzer.DEFAULT.analyze(source, new MonoAudio(delayed, audio.sampleRate()));
            List<Double> shifted = hits.stream().map(h -> h + seconds).toList();
            // Hit accent needs no video curve.
            SyncReport r = SyncMetrics.evaluate(shifted, music.onsets(), music.curve().curve(), EventCurve.EMPTY);
            accents.add(r.hitAccent());
            peaks.add(accentPeaks(r));
        }
        return new FramePhases(accents, peaks);
    }

    private static List<Double> accentPeaks(SyncReport r) {
        return r.perHit().stream().map(HitDetail::accentPeak).toList();
    }

    double minAccent() {
        return hitAccent.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    double meanAccent() {
        return hitAccent.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** Hit {@code i}'s lowest peak over the phases (NaN when it has no peak at some phase). */
    double minPeak(int i) {
        return peaks.stream().mapToDouble(p -> p.get(i)).reduce(Double.POSITIVE_INFINITY,
                (a, b) -> Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.min(a, b));
    }
}
