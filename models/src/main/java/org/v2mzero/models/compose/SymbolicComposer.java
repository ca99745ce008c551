package org.v2mzero.models.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.v2mzero.protocol.Hit;
import org.v2mzero.protocol.Section;
import org.v2mzero.protocol.TempoMap;

/**
 * The default generator (DESIGN.md §4), a first honest arrangement: the prompt selects a style by its
 * MiniLM embedding ({@link StyleMatcher}; explicit key, "N bpm", "no drums", "strings only", "gentle" and
 * "aggressive" override it), the tempo is fitted so the strongest hits land near beats, changing at a
 * section of the picture where that pays ({@link SectionTempo}; a request's
 * {@link GenerationRequest.Continuity} fixes tempo map and key instead), the curve's per-bar intensity
 * drives density and dynamics, and every strong hit and cut gets an accent at its exact time. Drums, bass,
 * harmony and melody play in the style's feel ({@link Swing}: jazz and hip-hop swing; "straight", "swing"
 * and "shuffle" override it), the accents and what lands on them straight. Between hits the music thins after one and swells into the
 * next ({@link HitForm}); a drum fill and an fx riser lead into each section change
 * ({@link SectionLeads}). Stems: drums, bass, harmony, melody, fx.
 *
 * <p>Deterministic: the same request gives the same arrangement; the seed picks the progression, the
 * first voicing, the motif and the drum humanisation, never the timing. Immutable; any thread.
 */
public final class SymbolicComposer implements Generator {
    public static final String NAME = "symbolic";
    public static final String VERSION = "0.11.0";
    private static final long PROGRESSION_SALT = 0x9A6E_55A1L;

    private final StyleMatcher matcher;

    /** Matches prompts with the process-wide {@link StyleMatcher#shared()} (loads MiniLM on first use). */
    public SymbolicComposer() {
        this(StyleMatcher.shared());
    }

    public SymbolicComposer(StyleMatcher matcher) {
        if (matcher == null) {
            throw new IllegalArgumentException("matcher : null (expected: a StyleMatcher)");
        }
        this.matcher = matcher;
    }

    /** Why prompts are matched by keywords instead of embeddings, if they are. */
    @Override
    public java.util.Optional<String> warning() {
        return matcher.warning();
    }

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
        StyleMatch match = matcher.match(request.prompt());
        PromptReader.Words words = PromptReader.read(request.prompt());
        GenerationRequest.Continuity keep = request.continuity();
        Style style = instrumented(match.style(), words);
        List<AccentWriter.Accent> accents = AccentWriter.accents(request.analysis(), duration);
        Key key;
        TempoMap tempoMap;
        if (keep == null) {
            key = words.key().orElse(style.key());
            tempoMap = fitTempo(style, words, accents, request.analysis().sections(), duration).map();
        } else {
            style = inMetre(style, keep.tempoMap().beatsPerBar());
            key = keep.key();
            tempoMap = keep.tempoMap();
        }
        int bars = CuePlan.barCount(tempoMap, duration);
        boolean kit = !words.noDrums() && style.drums() != null;
        int[][] chords = chords(style, key, bars, request.seed());
        double[] curve = CuePlan.intensities(request.analysis().curve(), tempoMap, bars);
        CuePlan grid = new CuePlan(tempoMap, duration, key, curve, chords);
        List<Double> marks = StopTime.marks(accents);
        List<Double> changes = request.analysis().sections().stream().map(Section::start).toList();
        HitForm form = HitForm.of(grid, marks, StopTime.breaths(grid, kit ? style.drums() : null, marks, changes));
        CuePlan plan = new CuePlan(tempoMap, duration, key, shift(form.shaped(grid, curve), words.intensity()), chords);

        List<SectionLeads> leads = SectionLeads.of(plan, request.analysis().sections(), form);

        List<StemPart> stems = new ArrayList<>();
        if (kit) {
            stems.add(DrumWriter.fill(DrumWriter.write(plan, style.drums(), accents, request.seed()), leads, plan,
                    style.drums()));
        }
        stems.add(BassWriter.write(plan, style.bassProgram(), style.drums() == null ? 1.0 : style.drums().level()));
        stems.add(HarmonyWriter.write(plan, style.harmonyProgram(), request.seed(), form));
        stems.add(MelodyWriter.write(plan, style.melodyProgram(), request.seed(), form,
                MelodyWriter.sections(plan, changes)));
        Swing swing = Swing.chosen(style.swing(), words.feel());
        stems = swung(stems, swing, tempoMap, accents, changes);
        stems.add(fx(accents, style, plan, leads));
        return new Arrangement(description(style, swing, key), tempoMap, duration, marked(stems, plan, form, style),
                match, key);
    }

    /**
     * The grooving stems in the take's feel. The accents and section changes are pinned: what was
     * written to land on them stays there. The fx stem and the re-entries on marked hits are written
     * after this, at their exact times, and never swing.
     */
    static List<StemPart> swung(List<StemPart> stems, Swing swing, TempoMap map, List<AccentWriter.Accent> accents,
            List<Double> changes) {
        List<Double> pinned = new ArrayList<>(changes);
        accents.forEach(a -> pinned.add(a.time()));
        List<StemPart> out = new ArrayList<>();
        for (StemPart stem : stems) {
            out.add(Swung.apply(stem, swing, map, pinned));
        }
        return out;
    }

    /**
     * The take's style line, e.g. {@code jazz, swing 0.67 on eighths, F minor}: the style, its feel when
     * it swings, and the key last (takes written before manifests recorded the key are read back by it).
     */
    static String description(Style style, Swing swing, Key key) {
        return style.name() + (swing.isStraight() ? "" : ", " + swing) + ", " + key.name();
    }

    /** The fx stem: an impact on every accent ({@link AccentWriter}) and a riser into every section change. */
    static StemPart fx(List<AccentWriter.Accent> accents, Style style, CuePlan plan, List<SectionLeads> leads) {
        StemPart impacts = AccentWriter.write(accents, style, plan);
        List<Note> notes = new ArrayList<>(impacts.notes());
        notes.addAll(Risers.notes(leads, plan, style));
        return new StemPart(impacts.name(), impacts.program(), false, Notes.clip(notes, plan.durationSeconds()));
    }

    /**
     * The stems with the big hits marked as a film composer marks them: a breath of stop-time before
     * each ({@link StopTime}), then the band re-enters on it with a new chord ({@link HitChords}) and
     * the kit's kick under the crash, and lets it ring ({@link HitForm#ring}). Every stem is damped to
     * silence at the end of each breath ({@link StopTime#chokes}), so no tail rings into the hit.
     */
    static List<StemPart> marked(List<StemPart> stems, CuePlan plan, HitForm form, Style style) {
        List<Double> marks = form.marks();
        List<Choke> chokes = StopTime.chokes(marks, plan.durationSeconds());
        List<StemPart> out = new ArrayList<>();
        for (StemPart stem : stems) {
            StemPart quiet = form.ring(StopTime.apply(stem, marks, form.breaths()));
            List<Note> entry = switch (stem.name()) {
                case "harmony" -> HitChords.harmony(plan, form);
                case "bass" -> HitChords.bass(plan, form);
                case "melody" -> HitChords.melody(plan, form);
                case "drums" -> marks.stream().map(m -> new Note(m, 0.3, style.drums().kickPitch(),
                        HitChords.velocity(plan, m))).toList();
                default -> List.of();
            };
            List<Note> notes = new ArrayList<>(quiet.notes());
            notes.addAll(entry);
            if (stem.percussion() && style.drums() != null && style.drums().level() != 1.0) {
                notes.replaceAll(n -> new Note(n.startSeconds(), n.durationSeconds(), n.pitch(),
                        style.drums().velocity(n.velocity())));
            }
            out.add(new StemPart(stem.name(), stem.program(), stem.percussion(), Notes.clip(notes, plan.durationSeconds()),
                    chokes));
        }
        return out;
    }

    /** The style with every pitched stem on the prompt's one instrument ("strings only"), if it names one. */
    static Style instrumented(Style style, PromptReader.Words words) {
        if (words.onlyProgram().isEmpty()) {
            return style;
        }
        int p = words.onlyProgram().getAsInt();
        return new Style(style.name(), style.description(), style.keywords(), style.minBpm(), style.maxBpm(),
                style.beatsPerBar(), style.key(), style.progressions(), p, p, p, p, style.fxOctave(), null,
                style.swing());
    }

    /**
     * The style in another metre, for a range that continues a take written in it: the kit's bar is cut
     * to the metre's beats, or repeated from its start to fill them.
     */
    static Style inMetre(Style style, int beatsPerBar) {
        if (style.beatsPerBar() == beatsPerBar) {
            return style;
        }
        return new Style(style.name(), style.description(), style.keywords(), style.minBpm(), style.maxBpm(),
                beatsPerBar, style.key(), style.progressions(), style.harmonyProgram(), style.bassProgram(),
                style.melodyProgram(), style.fxProgram(), style.fxOctave(),
                style.drums() == null ? null : style.drums().withBeats(beatsPerBar), style.swing());
    }

    /**
     * Gentle (-1) pulls every bar's intensity down to 60 %, aggressive (+1) lifts it into 0.4..1, so
     * density, velocity and layering follow the prompt while still following the picture.
     */
    static double[] shift(double[] intensity, int direction) {
        double[] out = intensity.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] = direction < 0 ? 0.6 * out[i] : direction > 0 ? 0.4 + 0.6 * out[i] : out[i];
        }
        return out;
    }

    /**
     * The tempo map {@link #generate} chooses for a request, with each accented hit's distance to the grid,
     * for reports. Any thread.
     */
    public SectionTempo.Fit tempoFit(GenerationRequest request) {
        validate(request);
        Style style = matcher.match(request.prompt()).style();
        return fitTempo(style, PromptReader.read(request.prompt()),
                AccentWriter.accents(request.analysis(), request.durationSeconds()), request.analysis().sections(),
                request.durationSeconds());
    }

    /**
     * The one tempo this composer would groove a request in: its fitted tempo after any intro bar, before
     * any change at a section (or the continued take's). For a generator that holds a single tempo (the
     * neural one), so both put the picture's hits near the same beats. Any thread.
     */
    public double steadyBpm(GenerationRequest request) {
        validate(request);
        TempoMap map = request.continuity() != null ? request.continuity().tempoMap() : tempoFit(request).map();
        return GridTempo.steadyBpm(map);
    }

    /**
     * The hit-point search over the style's range, a tempo change at a section of the picture where it
     * pays ({@link SectionTempo}), or the prompt's tempo, held, when it names one. The accents (strong
     * hits and cuts) are the points that should land on beats.
     */
    static SectionTempo.Fit fitTempo(Style style, PromptReader.Words words, List<AccentWriter.Accent> accents,
            List<Section> sections, double durationSeconds) {
        List<Hit> points = accents.stream().map(a -> new Hit(a.time(), a.strength())).toList();
        List<Double> starts = sections.stream().map(Section::start).toList();
        double min = words.bpm().orElse(style.minBpm());
        double max = words.bpm().orElse(style.maxBpm());
        return SectionTempo.fit(points, starts, durationSeconds, min, max, style.beatsPerBar());
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
