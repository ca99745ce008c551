package org.v2mzero.models.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.v2mzero.protocol.Hit;
import org.v2mzero.protocol.TempoMap;

/**
 * The default generator (DESIGN.md §4), a first honest arrangement: the prompt selects a style by
 * keywords (explicit key, "N bpm" and "no drums" override it), the tempo is fitted so the strongest hits
 * land near beats, the curve's per-bar intensity drives density and dynamics, and every strong hit and
 * cut gets an accent at its exact time. Stems: drums, bass, harmony, melody, fx.
 *
 * <p>Deterministic: the same request gives the same arrangement; the seed picks the progression, the
 * first voicing, the motif and the drum humanisation, never the timing. Stateless; any thread.
 */
public final class SymbolicComposer implements Generator {
    public static final String NAME = "symbolic";
    public static final String VERSION = "0.1.0";
    static final int BEATS_PER_BAR = 4;
    private static final long PROGRESSION_SALT = 0x9A6E_55A1L;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public Arrangement generate(GenerationRequest request) {
        validate(request);
        double duration = request.durationSeconds();
        Style style = Styles.forPrompt(request.prompt());
        PromptReader.Words words = PromptReader.read(request.prompt());
        Key key = words.key().orElse(style.key());
        List<AccentWriter.Accent> accents = AccentWriter.accents(request.analysis(), duration);

        TempoMap tempoMap = TempoMap.constant(fitTempo(style, words, accents).bpm(), BEATS_PER_BAR);
        int bars = CuePlan.barCount(tempoMap, duration);
        double[] intensity = CuePlan.intensities(request.analysis().curve(), tempoMap, bars);
        CuePlan plan = new CuePlan(tempoMap, duration, key, intensity, chords(style, key, bars, request.seed()));

        List<StemPart> stems = new ArrayList<>();
        if (!words.noDrums()) {
            stems.add(DrumWriter.write(plan, style.drums(), accents, request.seed()));
        }
        stems.add(BassWriter.write(plan, style.bassProgram()));
        stems.add(HarmonyWriter.write(plan, style.harmonyProgram(), request.seed()));
        stems.add(MelodyWriter.write(plan, style.melodyProgram(), request.seed()));
        stems.add(AccentWriter.write(accents, style, key, duration));
        return new Arrangement(style.name() + ", " + key.name(), tempoMap, duration, stems);
    }

    /**
     * The tempo {@link #generate} chooses for a request, with each accented hit's distance to the grid,
     * for reports. Any thread.
     */
    public TempoFitter.Fit tempoFit(GenerationRequest request) {
        validate(request);
        Style style = Styles.forPrompt(request.prompt());
        return fitTempo(style, PromptReader.read(request.prompt()),
                AccentWriter.accents(request.analysis(), request.durationSeconds()));
    }

    /**
     * The hit-point search over the style's range, or the prompt's tempo when it names one. The accents
     * (strong hits and cuts) are the points that should land on beats.
     */
    static TempoFitter.Fit fitTempo(Style style, PromptReader.Words words, List<AccentWriter.Accent> accents) {
        List<Hit> points = accents.stream().map(a -> new Hit(a.time(), a.strength())).toList();
        if (words.bpm().isPresent()) {
            double bpm = words.bpm().getAsDouble();
            return TempoFitter.fit(points, bpm, bpm);
        }
        return TempoFitter.fit(points, style.minBpm(), style.maxBpm());
    }

    /** One triad per bar, cycling through the progression the seed picks from the style's list. */
    static int[][] chords(Style style, Key key, int bars, long seed) {
        List<List<Integer>> progressions = style.progressions();
        List<Integer> progression = progressions.get(
                new SplittableRandom(seed ^ PROGRESSION_SALT).nextInt(progressions.size()));
        int[][] chords = new int[bars][];
        for (int bar = 0; bar < bars; bar++) {
            chords[bar] = key.triad(progression.get(bar % progression.size()));
        }
        return chords;
    }

    private static void validate(GenerationRequest request) {
        if (request == null || request.analysis() == null) {
            throw new IllegalArgumentException("request.analysis : null (expected: a curve analysis)");
        }
        double d = request.durationSeconds();
        if (!(d > 0) || !Double.isFinite(d)) {
            throw new IllegalArgumentException("durationSeconds : " + d + " (expected: > 0)");
        }
    }
}
