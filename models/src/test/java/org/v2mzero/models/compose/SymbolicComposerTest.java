package org.v2mzero.models.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.v2mzero.protocol.CurveAnalysis;
import org.v2mzero.protocol.EventCurve;
import org.v2mzero.protocol.Hit;

class SymbolicComposerTest {
    private static final double DURATION = 24;
    /** Strong hits, deliberately off any single tempo's grid; and two cuts. */
    static final List<Hit> HITS = List.of(new Hit(3.17, 3.2), new Hit(7.91, 2.8), new Hit(12.43, 2.5),
            new Hit(17.06, 2.2), new Hit(20.5, 1.9), new Hit(9.3, 0.4));
    static final List<Double> CUTS = List.of(5.55, 14.8);

    private final SymbolicComposer composer = new SymbolicComposer();

    @Test
    void writesDrumsBassHarmonyMelodyAndFx() {
        Arrangement a = compose("sweeping romantic orchestra", 7);
        assertEquals(List.of("drums", "bass", "harmony", "melody", "fx"), a.stems().stream().map(StemPart::name).toList());
        for (StemPart part : a.stems()) {
            assertFalse(part.notes().isEmpty(), part.name() + " has notes");
        }
        assertTrue(a.stems().get(0).percussion());
        assertEquals(24.0, a.durationSeconds());
        assertTrue(a.style().startsWith("orchestral"), a.style());
    }

    @Test
    void everyStrongHitAndCutHasALoudAccentWithinFiveMilliseconds() {
        Arrangement a = compose("tense orchestral", 3);
        StemPart fx = stem(a, "fx");
        List<Double> marks = new java.util.ArrayList<>(CUTS);
        HITS.stream().filter(h -> h.strength() >= 1.0).forEach(h -> marks.add(h.time()));
        for (double t : marks) {
            assertTrue(fx.notes().stream().anyMatch(n -> Math.abs(n.startSeconds() - t) <= 0.005 && n.velocity() >= 100),
                    "accent at " + t + " s in " + fx.notes());
        }
        assertTrue(fx.notes().stream().noneMatch(n -> Math.abs(n.startSeconds() - 9.3) < 0.005), "weak hit not accented");
    }

    @Test
    void sameSeedGivesTheSameArrangementAndAnotherSeedAnother() {
        assertEquals(compose("orchestral", 42), compose("orchestral", 42));
        Arrangement other = compose("orchestral", 43);
        assertNotEquals(compose("orchestral", 42), other);
        assertEquals(compose("orchestral", 42).tempoMap(), other.tempoMap(), "timing does not depend on the seed");
    }

    @Test
    void explicitWordsOverrideTheStyle() {
        Arrangement a = compose("driving rock at 120 bpm in D minor, no drums", 1);
        assertEquals(120.0, GridTempo.steadyBpm(a.tempoMap()));
        assertTrue(a.stems().stream().noneMatch(s -> s.name().equals("drums")));
        assertEquals("rock, D minor", a.style());
        // The bass plays chord roots of D minor: every pitch class is in the D natural/harmonic minor scale.
        List<Integer> dMinor = List.of(2, 4, 5, 7, 9, 10, 0, 1);
        assertTrue(stem(a, "bass").notes().stream().allMatch(n -> dMinor.contains(n.pitch() % 12)));
    }

    @Test
    void tempoIsFittedSoStrongHitsLandNearBeats() {
        Arrangement a = compose("orchestral", 1);
        double bpm = GridTempo.steadyBpm(a.tempoMap());
        assertTrue(bpm >= 80 && bpm <= 140, "bpm " + bpm);
        var points = AccentWriter.accents(analysis(), DURATION).stream().map(x -> new Hit(x.time(), x.strength())).toList();
        TempoFitter.Fit fit = TempoFitter.fit(points, 80, 140, 4);
        assertEquals(fit.bpm(), bpm);
        assertEquals(GridTempo.of(fit, 4), a.tempoMap(), "no sections: one tempo");
        SectionTempo.Fit report = composer.tempoFit(new GenerationRequest(analysis(), "orchestral", 9, DURATION));
        assertEquals(a.tempoMap(), report.map());
        assertEquals(fit.score(), report.score(), 1e-12);
        // Better aligned than the style's centre tempo with its grid at 0 s would be.
        assertTrue(fit.score() > TempoFitter.alignment(points, 110, 0, 4), "score " + fit.score());
        // Each considered hit's distance to the grid is the one-tempo fit's (after any intro bar).
        List<Hit> strongest = points.stream().sorted((x, y) -> Double.compare(y.strength(), x.strength())).toList();
        assertEquals(fit.gridOffsets().size(), report.gridOffsets().size());
        for (int i = 0; i < fit.gridOffsets().size(); i++) {
            if (strongest.get(i).time() >= a.tempoMap().secondsAt(4)) {
                assertEquals(fit.gridOffsets().get(i), report.gridOffsets().get(i), 1e-6, "hit " + i);
            }
        }
    }

    @Test
    void notesLieWithinTheCue() {
        for (String prompt : List.of("orchestral", "electronic", "rock", "ambient", "suspense")) {
            Arrangement a = compose(prompt, 5);
            for (StemPart part : a.stems()) {
                for (Note n : part.notes()) {
                    assertTrue(n.startSeconds() >= 0 && n.startSeconds() + n.durationSeconds() <= DURATION + 1e-9,
                            prompt + "/" + part.name() + " " + n);
                    assertTrue(n.velocity() >= 1 && n.velocity() <= 127 && n.pitch() >= 0 && n.pitch() <= 127);
                }
            }
        }
    }

    @Test
    void differentPromptsGiveMeasurablyDifferentTakes() {
        Arrangement horror = compose("creepy horror, something in the dark", 5);
        Arrangement comedy = compose("silly cartoon chase, slapstick", 5);
        Arrangement piano = compose("sad quiet solo piano", 5);
        Arrangement folk = compose("country road trip with a fiddle", 5);
        assertEquals("horror", horror.styleMatch().style().name());
        assertEquals("comedy", comedy.styleMatch().style().name());
        assertEquals("piano", piano.styleMatch().style().name());
        // Tempo: each within its style's range, and the ranges do not overlap.
        assertTrue(GridTempo.steadyBpm(horror.tempoMap()) <= 90 && GridTempo.steadyBpm(comedy.tempoMap()) >= 120,
                horror.tempoMap() + " vs " + comedy.tempoMap());
        // Mode: horror minor, comedy major.
        assertTrue(horror.style().endsWith("minor") && comedy.style().endsWith("major"));
        // Instrumentation: different programs, and solo piano has no kit and plays piano throughout.
        assertNotEquals(programs(horror), programs(comedy));
        assertEquals(List.of(0, 0, 0, 0), programs(piano));
        assertTrue(piano.stems().stream().noneMatch(StemPart::percussion));
        // Metre: folk is a waltz.
        assertEquals(3, folk.tempoMap().beatsPerBar());
    }

    @Test
    void stringsOnlyAndGentleChangeInstrumentationAndDynamics() {
        Arrangement strings = compose("rock, strings only", 2);
        assertEquals(List.of(48, 48, 48, 48), programs(strings));
        assertTrue(strings.stems().stream().noneMatch(StemPart::percussion));
        double loud = meanVelocity(compose("rock, aggressive", 2));
        double soft = meanVelocity(compose("rock, gentle", 2));
        assertTrue(loud > soft + 10, "aggressive " + loud + " vs gentle " + soft);
    }

    @Test
    void continuityKeepsTheTempoMapAndKeyWhateverThePromptSays() {
        Arrangement parent = compose("tense orchestral", 4);
        GenerationRequest.Continuity keep = new GenerationRequest.Continuity(parent.tempoMap(), parent.key());

        Arrangement child = composer.generate(
                new GenerationRequest(analysis(), "driving rock at 150 bpm in E major", 9, DURATION, keep));

        assertEquals(parent.tempoMap(), child.tempoMap(), "the tempo map is used as it is, not fitted or overridden");
        assertEquals(parent.key(), child.key());
        assertEquals("rock, " + parent.key().name(), child.style());
        assertEquals("rock", child.styleMatch().style().name(), "the prompt still picks the style");
        List<Integer> scale = List.of(2, 4, 5, 7, 9, 10, 0, 1); // D natural and harmonic minor
        assertEquals(new Key(2, true), parent.key());
        assertTrue(stem(child, "bass").notes().stream().allMatch(n -> scale.contains(n.pitch() % 12)),
                "the bass plays roots of the parent's key: " + stem(child, "bass").notes());
    }

    @Test
    void continuityInAnotherMetreFitsTheKitToIt() {
        Arrangement waltz = compose("country road trip with a fiddle", 4);
        assertEquals(3, waltz.tempoMap().beatsPerBar());
        GenerationRequest.Continuity keep = new GenerationRequest.Continuity(waltz.tempoMap(), waltz.key());

        Arrangement rock = composer.generate(new GenerationRequest(analysis(), "rock", 1, DURATION, keep));

        assertEquals(waltz.tempoMap(), rock.tempoMap());
        assertFalse(stem(rock, "drums").notes().isEmpty());
        Style rockStyle = Styles.ALL.stream().filter(st -> st.name().equals("rock")).findFirst().orElseThrow();
        Style inThree = SymbolicComposer.inMetre(rockStyle, 3);
        assertEquals(3, inThree.beatsPerBar());
        assertEquals(rockStyle.drums().kick().substring(0, 12), inThree.drums().kick(), "the 4/4 bar cut to 3 beats");
    }

    @Test
    void aKitBarInAnotherMetreIsCutOrRepeatedFromItsStart() {
        DrumPattern two = new DrumPattern("x..xo...", "....x...", "xxxxxxxx");
        assertEquals("x..x", two.withBeats(1).kick());
        assertEquals("x..xo...x..x", two.withBeats(3).kick());
        assertEquals("....x.......", two.withBeats(3).snare());
    }

    private static List<Integer> programs(Arrangement a) {
        return a.stems().stream().filter(p -> !p.percussion()).map(StemPart::program).toList();
    }

    private static double meanVelocity(Arrangement a) {
        return a.stems().stream().filter(p -> !p.name().equals("fx")).flatMap(p -> p.notes().stream())
                .mapToInt(Note::velocity).average().orElse(0);
    }

    @Test
    void withoutTheEncoderTheComposerFallsBackToKeywordsAndSaysSo() {
        SymbolicComposer fallback = new SymbolicComposer(StyleMatcher.keywords("encoder missing in this test"));
        Arrangement a = fallback.generate(new GenerationRequest(analysis(), "jazz noir", 1, DURATION));
        assertEquals(StyleMatcher.KEYWORDS, a.styleMatch().method());
        assertEquals("jazz", a.styleMatch().style().name());
        assertEquals("encoder missing in this test", fallback.warning().orElseThrow());
        assertTrue(composer.warning().isEmpty(), "the shared matcher loaded MiniLM");
    }

    @Test
    void busierPictureGivesBusierDrums() {
        CurveAnalysis calm = analysisWithCurve(-2);
        CurveAnalysis busy = analysisWithCurve(2);
        int calmNotes = stem(composer.generate(new GenerationRequest(calm, "rock", 1, DURATION)), "drums").notes().size();
        int busyNotes = stem(composer.generate(new GenerationRequest(busy, "rock", 1, DURATION)), "drums").notes().size();
        assertTrue(busyNotes > 2 * calmNotes, "busy " + busyNotes + " vs calm " + calmNotes);
    }

    /**
     * A marked hit with room after it rings: nothing but the picture's own accents (crash, fx) strikes
     * the first bar line after it, so the music's events are the picture's, not the bar line a bar later.
     */
    @Test
    void theFirstBarLineAfterAMarkedHitIsNoNewEvent() {
        List<Double> marks = StopTime.marks(AccentWriter.accents(analysis(), DURATION));
        assertTrue(marks.size() >= 4, "marks " + marks);
        int checked = 0;
        for (String prompt : List.of("tense orchestral", "epic trailer", "synthwave night drive", "rock")) {
            Arrangement a = compose(prompt, 1);
            int perBar = a.tempoMap().beatsPerBar();
            for (int i = 0; i < marks.size(); i++) {
                double mark = marks.get(i);
                double barLine = a.tempoMap().secondsAt(
                        (Math.floor((a.tempoMap().beatAt(mark) + HitForm.ON_BAR_BEATS) / perBar) + 1) * perBar);
                double room = a.tempoMap().secondsAt(a.tempoMap().beatAt(mark) + HitForm.RING_ROOM_BARS * perBar);
                if (i + 1 < marks.size() && marks.get(i + 1) < room) {
                    continue; // a run of hits: stabs over the groove
                }
                checked++;
                for (StemPart part : a.stems()) {
                    for (Note n : part.notes()) {
                        boolean accent = part.name().equals("fx") || part.percussion() && n.pitch() == DrumWriter.CRASH;
                        assertTrue(accent || Math.abs(n.startSeconds() - barLine) > 0.05,
                                prompt + ": " + part.name() + " " + n + " strikes the bar line " + barLine
                                        + " after the hit at " + mark);
                    }
                }
            }
        }
        assertTrue(checked >= 8, "rings checked: " + checked);
    }

    /** Every stem falls silent just before each marked hit, and nothing starts while it is choked. */
    @Test
    void everyStemIsChokedJustBeforeEachMarkedHit() {
        List<Double> marks = StopTime.marks(AccentWriter.accents(analysis(), DURATION));
        for (String prompt : List.of("tense orchestral", "rustic folk waltz", "driving rock")) {
            Arrangement a = compose(prompt, 1);
            for (StemPart stem : a.stems()) {
                assertEquals(marks, stem.chokes().stream().map(Choke::end).toList(), prompt + ": " + stem.name());
                for (Choke c : stem.chokes()) {
                    assertEquals(StopTime.SILENCE + Choke.RAMP_SECONDS, c.end() - c.start(), 1e-9, prompt + ": " + c);
                    assertTrue(stem.notes().stream().noneMatch(n -> c.covers(n.startSeconds())),
                            prompt + ": " + stem.name() + " strikes inside " + c);
                }
            }
        }
    }

    private Arrangement compose(String prompt, long seed) {
        return composer.generate(new GenerationRequest(analysis(), prompt, seed, DURATION));
    }

    static StemPart stem(Arrangement a, String name) {
        Map<String, StemPart> byName = a.stems().stream().collect(Collectors.toMap(StemPart::name, Function.identity()));
        return byName.get(name);
    }

    /** A curve rising through the cue, with the hits and cuts above. */
    static CurveAnalysis analysis() {
        int n = (int) (DURATION * 25);
        double[] t = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i / 25.0;
            v[i] = -1.5 + 3 * t[i] / DURATION;
        }
        return new CurveAnalysis("test.mp4", DURATION, n, new EventCurve(t, v), HITS, CUTS, List.of());
    }

    private static CurveAnalysis analysisWithCurve(double level) {
        return new CurveAnalysis("flat.mp4", DURATION, 2,
                new EventCurve(new double[] {0, DURATION}, new double[] {level, level}), HITS, CUTS, List.of());
    }
}
