package org.v2mzero.models.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.v2mzero.protocol.TempoMap;

class StopTimeTest {
    /** 100 bpm: a beat is 0.6 s. */
    private static final CuePlan PLAN = new CuePlan(TempoMap.constant(100, 4), 10, new Key(0, true),
            new double[] {0.5, 0.5, 0.5, 0.5, 0.5}, new int[][] {{0, 4, 7}, {5, 9, 0}, {7, 11, 2}, {0, 4, 7}, {0, 4, 7}});

    @Test
    void denseKitsBreatheAWholeBeatSparseOnesHalf() {
        DrumPattern trailer = Styles.ALL.stream().filter(s -> s.name().equals("trailer")).findFirst().orElseThrow().drums();
        DrumPattern synthwave = Styles.ALL.stream().filter(s -> s.name().equals("synthwave")).findFirst().orElseThrow()
                .drums();
        assertEquals(0.6, StopTime.breathSeconds(PLAN, trailer, 5.0), 1e-9);
        assertEquals(0.6, StopTime.breathSeconds(PLAN, synthwave, 5.0), 1e-9);
        assertEquals(0.3, StopTime.breathSeconds(PLAN, Styles.ORCHESTRAL.drums(), 5.0), 1e-9);
        assertEquals(0.3, StopTime.breathSeconds(PLAN, null, 5.0), 1e-9);
    }

    @Test
    void aSectionsOwnTempoSetsItsBreath() {
        // 100 bpm for bars 1-2, then 120 bpm (a 0.5 s beat) from 4.8 s; and a held intro bar is no tempo of its own.
        TempoMap sections = new TempoMap(4, List.of(new TempoMap.Change(0, 0, 100), new TempoMap.Change(8, 4.8, 120)));
        CuePlan plan = new CuePlan(sections, 10, PLAN.key(), PLAN.intensity(), PLAN.chords());
        DrumPattern trailer = Styles.ALL.stream().filter(s -> s.name().equals("trailer")).findFirst().orElseThrow().drums();
        assertEquals(0.6, StopTime.breathSeconds(plan, trailer, 3.0), 1e-9);
        assertEquals(0.5, StopTime.breathSeconds(plan, trailer, 6.0), 1e-9);
        TempoMap intro = new TempoMap(4, List.of(new TempoMap.Change(0, 0, 200), new TempoMap.Change(4, 1.2, 100)));
        CuePlan held = new CuePlan(intro, 10, PLAN.key(), PLAN.intensity(), PLAN.chords());
        assertEquals(0.6, StopTime.breathSeconds(held, trailer, 0.5), 1e-9);
    }

    /**
     * Rock's and folk's kits stop at least 0.8 s before a hit that opens a section; other kits keep a beat there (0.6 s at
     * 100 bpm). Rock and comedy are dense kits (a whole beat before any other mark), orchestral a sparse one.
     */
    @Test
    void rockStopsLongerBeforeASectionsHit() {
        List<Double> marks = List.of(3.0, 6.0);
        List<Double> changes = List.of(6.0);
        assertEquals(List.of(0.6, 0.8), StopTime.breaths(PLAN, Styles.named("rock").drums(), marks, changes));
        assertEquals(List.of(0.6, 0.8), StopTime.breaths(PLAN, Styles.named("folk").drums(), marks, changes));
        assertEquals(List.of(0.3, 0.6), StopTime.breaths(PLAN, Styles.ORCHESTRAL.drums(), marks, changes));
        assertEquals(List.of(0.6, 0.6), StopTime.breaths(PLAN, Styles.named("comedy").drums(), marks, changes));
        assertEquals(List.of(0.3, 0.6), StopTime.breaths(PLAN, null, marks, changes));
        assertEquals(0.0, Styles.named("jazz").drums().sectionBreath());
    }

    /** Quick cuts are marked down to 0.7 s apart; a breath then leaves the last re-entry 0.4 s to sound. */
    @Test
    void quickCutsAreMarkedAndTheirBreathsLeaveTheReentryRoom() {
        List<AccentWriter.Accent> cuts = List.of(3.0, 4.0, 4.6, 8.0, 8.75).stream()
                .map(t -> new AccentWriter.Accent(t, AccentWriter.CUT_STRENGTH)).toList();
        assertEquals(List.of(3.0, 4.0, 8.0, 8.75), StopTime.marks(cuts), "4.6 s is 0.6 s after a mark");

        List<Double> breaths = StopTime.breaths(PLAN, Styles.named("rock").drums(), List.of(3.0, 4.0, 8.0, 8.75), List.of());
        assertEquals(List.of(0.6, 0.6, 0.6, 0.35), breaths.stream().map(b -> Math.rint(b * 1e9) / 1e9).toList(),
                "a beat, but 0.75 s after a mark only 0.35 s");
    }

    @Test
    void densityCountsStepsStruckByAnyVoice() {
        // Steps 0, 2, 4, 8, 12, 14: six of sixteen, though the three voices strike eight times.
        assertEquals(0.375, StopTime.density(new DrumPattern("x...x...........", "..x.....x.......", "....x...x...x.x.")),
                1e-9);
    }

    @Test
    void eachMarkEndsAShortestBreathOfFadeAndSilence() {
        double span = StopTime.SILENCE + Choke.RAMP_SECONDS;
        assertEquals(span, StopTime.MIN_BREATH, 1e-12, "the choke lies within every breath, where nothing starts");
        assertEquals(List.of(new Choke(2.0 - span, 2.0), new Choke(6.0 - span, 6.0)), StopTime.chokes(List.of(2.0, 6.0), 10));
    }

    @Test
    void aMarkTooEarlyForItsChokeGetsNone() {
        double span = StopTime.SILENCE + Choke.RAMP_SECONDS;
        assertEquals(List.of(new Choke(0.0, span)), StopTime.chokes(List.of(span - 0.01, span), 10),
                "the first choke would begin before the cue");
    }

    @Test
    void marksMoreOftenThanTwentyAMinuteGetNoSilence() {
        List<Double> everyThreeSeconds = List.of(1.0, 4.0, 7.0, 10.0, 13.0, 16.0, 19.0, 22.0);
        assertEquals(8, StopTime.chokes(everyThreeSeconds, 24).size(), "20 a minute");
        assertEquals(List.of(), StopTime.chokes(everyThreeSeconds, 23.9));
    }
}
