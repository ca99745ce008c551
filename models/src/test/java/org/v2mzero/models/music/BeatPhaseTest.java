package org.v2mzero.models.music;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.v2mzero.models.metrics.FMeasure;
import org.v2mzero.models.metrics.MirEval;

/**
 * The beat phase on drum patterns rendered here, at 120 bpm for 24 s: a quiet kick (a 60 Hz thump) on
 * every beat and a loud snare-like noise burst on every off-beat. The onset strength peaks on the
 * noise, so the tracker alone locks to the off-beats; the analyzer must put the beats on the kicks. The
 * same kick with the noise on beats 2 and 4 instead (a backbeat, the kick also on 1-and and 3-and as in
 * the amen break) must stay where the tracker put it.
 */
class BeatPhaseTest {
    private static final int RATE = AudioDecoder.DEFAULT_SAMPLE_RATE;
    private static final double BEAT = 0.5;
    private static final double SECONDS = 24;

    @Test
    void aQuietKickOnTheBeatWinsOverALoudSnareOnTheOffBeat() throws Exception {
        float[] x = new float[(int) (SECONDS * RATE)];
        double[] kicks = grid(0.5, BEAT);
        for (double t : kicks) {
            kick(x, t, 0.3);
        }
        Random noise = new Random(11);
        for (double t : grid(0.5 + BEAT / 2, BEAT)) {
            snare(x, t, 0.6, noise);
        }
        MonoAudio audio = new MonoAudio(x, RATE);

        MusicAnalysis analysis = MusicCurveAnalyzer.DEFAULT.analyze("kick and off-beat snare", audio);
        double[] beats = analysis.beats().stream().mapToDouble(Double::doubleValue).toArray();
        FMeasure f = MirEval.beatFMeasure(kicks, beats);
        FMeasure tracked = MirEval.beatFMeasure(kicks, trackerAlone(audio, analysis.bpm()));

        System.out.printf(Locale.ROOT, "kick on the beat, snare off it: %.2f bpm, beat F %.3f (tracker alone %.3f)%n",
                analysis.bpm(), f.fMeasure(), tracked.fMeasure());
        assertEquals(120, analysis.bpm(), 2.4);
        assertTrue(tracked.fMeasure() < 0.1, "the tracker alone follows the snare (else this test proves nothing): " + tracked);
        assertTrue(f.fMeasure() >= 0.95, "beats on the kicks: " + f);
    }

    @Test
    void aBackbeatKeepsItsPhaseThoughTheKickIsOffTheBeat() throws Exception {
        float[] x = new float[(int) (SECONDS * RATE)];
        Random noise = new Random(13);
        double[] beats = grid(0.5, BEAT);
        for (int b = 0; b < beats.length; b++) {
            // One bar: kick on 1, 1-and and 3-and; snare on 2 and 4; beat 3 is empty, as in the amen break.
            if (b % 4 == 0) {
                kick(x, beats[b], 0.5);
            }
            if (b % 4 == 0 || b % 4 == 2) {
                kick(x, beats[b] + BEAT / 2, 0.5);
            }
            if (b % 2 == 1) {
                snare(x, beats[b], 0.6, noise);
            }
        }
        MonoAudio audio = new MonoAudio(x, RATE);
        MusicAnalysis analysis = MusicCurveAnalyzer.DEFAULT.analyze("backbeat", audio);
        FMeasure f = MirEval.beatFMeasure(beats, analysis.beats().stream().mapToDouble(Double::doubleValue).toArray());
        // The kick rule alone (no backbeat can stop it) moves these beats onto the off-beat kicks.
        MusicCurveAnalyzer kickOnly = withPhase(new BeatPhase(200, 500, 1.25, 1.0));
        FMeasure kickRule = MirEval.beatFMeasure(beats,
                kickOnly.analyze("backbeat", audio).beats().stream().mapToDouble(Double::doubleValue).toArray());

        System.out.printf(Locale.ROOT, "backbeat, kick off the beat: %.2f bpm, beat F %.3f (kick rule alone %.3f)%n",
                analysis.bpm(), f.fMeasure(), kickRule.fMeasure());
        assertTrue(kickRule.fMeasure() < 0.1, "the kick rule alone flips a backbeat (else this test proves nothing): " + kickRule);
        assertTrue(f.fMeasure() >= 0.95, "beats on the snare's beats: " + f);
    }

    @Test
    void tooFewBeatsAreKept() {
        double[] times = {0, 0.1, 0.2};
        LogMel.Frames frames = new LogMel.Frames(new double[] {0, 0.1, 0.2, 0.3}, new double[4][80]);
        double[] beats = {0.1, 0.2};
        assertArrayEquals(beats, BeatPhase.DEFAULT.choose(beats, new OnsetStrength.Envelope(times, new double[3]),
                frames, LogMel.DEFAULT, RATE));
    }

    @Test
    void rejectsAKickMarginUnderOne() {
        assertThrows(IllegalArgumentException.class, () -> new BeatPhase(200, 500, 0.9, 0.2));
    }

    private static MusicCurveAnalyzer withPhase(BeatPhase phase) {
        MusicCurveAnalyzer d = MusicCurveAnalyzer.DEFAULT;
        return new MusicCurveAnalyzer(d.logMel(), d.onsetFeatures(), d.smoothSeconds(), d.hitPicker(), d.onsets(),
                d.tempo(), d.beats(), phase, d.sectionFinder());
    }

    /** The tracker's beats without the phase choice, on the analyzer's own pulse. */
    static double[] trackerAlone(MonoAudio audio, double bpm) {
        LogMel.Frames frames = LogMel.DEFAULT.of(audio);
        double[] times = java.util.Arrays.copyOfRange(frames.times(), 1, frames.times().length);
        return BeatTracker.DEFAULT.beats(new OnsetStrength.Envelope(times, OnsetStrength.flux(frames.values())), bpm);
    }

    /** Times from {@code start} every {@code step} seconds up to a second before the end. */
    private static double[] grid(double start, double step) {
        int n = (int) ((SECONDS - 1 - start) / step) + 1;
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = start + i * step;
        }
        return t;
    }

    /** A kick drum: a 60 Hz sine with a 120 ms decay. */
    private static void kick(float[] x, double seconds, double gain) {
        int start = (int) Math.round(seconds * RATE);
        for (int k = 0; k < 0.3 * RATE && start + k < x.length; k++) {
            x[start + k] += (float) (gain * Math.sin(2 * Math.PI * 60 * k / RATE) * Math.exp(-k / (0.12 * RATE)));
        }
    }

    /** A snare or hi-hat: white noise with a 40 ms decay, every band but the lowest. */
    private static void snare(float[] x, double seconds, double gain, Random noise) {
        int start = (int) Math.round(seconds * RATE);
        for (int k = 0; k < 0.15 * RATE && start + k < x.length; k++) {
            x[start + k] += (float) (gain * noise.nextGaussian() * Math.exp(-k / (0.04 * RATE)));
        }
    }
}
