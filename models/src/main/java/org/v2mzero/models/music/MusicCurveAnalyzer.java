package org.v2mzero.models.music;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.v2mzero.models.curve.EventCurveRecipe;
import org.v2mzero.models.curve.HitPicker;
import org.v2mzero.models.curve.Novelty;
import org.v2mzero.models.curve.SectionFinder;
import org.v2mzero.protocol.BadInputException;
import org.v2mzero.protocol.CurveAnalysis;
import org.v2mzero.protocol.EventCurve;

/**
 * Audio file → music event curve with the same recipe as video (DESIGN.md §3): {@link LogMel}
 * frames → raw novelty {@code 1 − cos(f_t, f_{t+1})} ({@link Novelty}) → z-score → Hann smoothing
 * ({@link EventCurveRecipe}); hits by {@link HitPicker}. Music has no shot cuts, so
 * {@link CurveAnalysis#cuts()} is always empty, and sections come from level changes of the curve alone
 * ({@link SectionFinder#MUSIC}: passages of at least 4 s that are clearly busier or calmer). Onsets come from the log-mel spectral flux
 * ({@link OnsetStrength}) of {@code onsetFeatures}: on the sectoid guitar stems it marks note attacks
 * better than the cosine novelty (onset F 0.78/0.74 against at best 0.67/0.59 with the same rule).
 * Tempo and beats come from the spectral flux of the curve's own features ({@code logMel}), whose
 * log knee, 20 dB above the onset features', lets the loud hits that carry the beat outvote quiet ghost
 * notes and hi-hat subdivisions: on the Sonic Pi loops the loop-aware tempo is right on all eight with
 * it, for any prior width from 0.6 to 1.0 octaves, and on at most seven with the onset features, for
 * any of those widths (loop_compus at double or loop_breakbeat at half its tempo). The tracked beats
 * then go to {@link BeatPhase}, which moves them half a beat where they sit on the off-beats' snare
 * rather than on the kick (the sectoid song Metal_madness: beat F 0.179 to 0.768).
 *
 * <p>Deterministic: the same file and settings give the same numbers. Immutable; any thread.
 *
 * @param logMel        the curve's features
 * @param onsetFeatures the features of the onset strength (same frame grid as {@code logMel})
 * @param smoothSeconds Hann window of the curve, seconds
 * @param hitPicker     how hits are picked from the curve
 * @param onsets        how onsets are picked from the spectral flux
 * @param tempo         how the tempo is estimated from the spectral flux of {@code logMel}
 * @param beats         how beats are tracked on that flux, seeded by the tempo
 * @param phase         whether the tracked beats or their off-beat twin are the beat
 * @param sectionFinder how the curve is split into sections
 */
public record MusicCurveAnalyzer(LogMel logMel, LogMel onsetFeatures, double smoothSeconds, HitPicker hitPicker,
        OnsetDetector onsets, TempoEstimator tempo, BeatTracker beats, BeatPhase phase, SectionFinder sectionFinder) {
    /** The project's defaults: the video's smoothing and hit rule, so both curves speak one language. */
    public static final MusicCurveAnalyzer DEFAULT = new MusicCurveAnalyzer(LogMel.DEFAULT, LogMel.ONSETS,
            EventCurveRecipe.DEFAULT_SMOOTH_SECONDS, HitPicker.DEFAULT, OnsetDetector.DEFAULT, TempoEstimator.DEFAULT,
            BeatTracker.DEFAULT, BeatPhase.DEFAULT, SectionFinder.MUSIC);

    public MusicCurveAnalyzer {
        if (logMel == null || onsetFeatures == null || hitPicker == null || onsets == null || tempo == null
                || beats == null || phase == null || sectionFinder == null) {
            throw new IllegalArgumentException(
                    "logMel, onsetFeatures, hitPicker, onsets, tempo, beats, phase and sectionFinder are required");
        }
        if (onsetFeatures.hop() != logMel.hop() || onsetFeatures.fftSize() != logMel.fftSize()) {
            throw new IllegalArgumentException("onsetFeatures.hop : " + onsetFeatures.hop()
                    + " (expected: the curve's frame grid, hop " + logMel.hop() + " and fftSize " + logMel.fftSize() + ")");
        }
        if (!(smoothSeconds >= 0) || !Double.isFinite(smoothSeconds)) {
            throw new IllegalArgumentException("smoothSeconds : " + smoothSeconds + " (expected: >= 0)");
        }
    }

    /** This analyzer with another tempo estimator. */
    public MusicCurveAnalyzer withTempo(TempoEstimator other) {
        return new MusicCurveAnalyzer(logMel, onsetFeatures, smoothSeconds, hitPicker, onsets, other, beats,
                phase, sectionFinder);
    }

    /** Decodes ({@link AudioDecoder}) and analyses an audio file, or the soundtrack of a video. */
    public MusicAnalysis analyze(Path file) throws IOException {
        return analyze(file.toString(), AudioDecoder.decode(file));
    }

    /**
     * Analyses decoded audio.
     *
     * @param source the name the result carries (the file, as the user named it)
     * @throws BadInputException naming {@code source} when the audio is shorter than three frames
     */
    public MusicAnalysis analyze(String source, MonoAudio audio) throws BadInputException {
        return analyze(source, audio, false);
    }

    /**
     * Analyses a loop cut to a whole number of beats, as a sampler plays it round: like
     * {@link #analyze(String, MonoAudio)}, but the tempo is {@link TempoEstimator#loopBpm} of the loop's
     * envelope played round, so it is {@code 60·n / length} for a whole number {@code n} of beats.
     *
     * @throws BadInputException naming {@code source} when the audio is shorter than three frames
     */
    public MusicAnalysis analyzeLoop(String source, MonoAudio loop) throws BadInputException {
        return analyze(source, loop, true);
    }

    private MusicAnalysis analyze(String source, MonoAudio audio, boolean loop) throws BadInputException {
        LogMel.Frames frames = logMel.of(audio);
        if (frames.times().length < 3) {
            throw new BadInputException(source + ": " + String.format(java.util.Locale.ROOT, "%.3f", audio.durationSeconds())
                    + " s of audio is too short (expected: at least " + (2 * logMel.hop() + logMel.fftSize())
                    + " samples)");
        }
        double[] times = EventCurveRecipe.transitionTimes(frames.times());
        EventCurve curve = EventCurveRecipe.curve(times, Novelty.raw(frames.values()), smoothSeconds);
        CurveAnalysis analysis = new CurveAnalysis(source, audio.durationSeconds(), frames.times().length,
                curve, hitPicker.pick(curve), List.of(), sectionFinder.find(curve, audio.durationSeconds(), List.of()));
        double[] onsetFlux = OnsetStrength.flux(onsetFeatures.of(audio).values());
        OnsetStrength.Envelope pulse = new OnsetStrength.Envelope(times, OnsetStrength.flux(frames.values()));
        double bpm = loop
                ? tempo.loopBpm(OnsetStrength.ofLoop(logMel, audio), audio.durationSeconds())
                : tempo.bpm(pulse.values(), audio.sampleRate() / (double) logMel.hop());
        double[] tracked = phase.choose(beats.beats(pulse, bpm), pulse, frames, logMel, audio.sampleRate());
        List<Double> beatTimes = Arrays.stream(tracked).boxed().toList();
        return new MusicAnalysis(analysis, onsets.detect(times, onsetFlux), bpm, beatTimes);
    }
}
