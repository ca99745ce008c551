package org.v2mzero.models.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.v2mzero.protocol.Hit;
import org.v2mzero.protocol.TempoMap;

class SectionTempoTest {
    /** The section boundary of the two-tempo material: bar 4 of 100 bpm (2.4 s bars). */
    private static final double BOUNDARY = 9.6;
    private static final double DURATION = 20;

    /** Downbeats strong (3), other beats weaker (2): seconds after {@code from} on a grid of {@code bpm}. */
    private static List<Hit> onGrid(double from, double bpm, int[] downbeatBars, int[] offBeats) {
        List<Hit> hits = new ArrayList<>();
        double beat = 60 / bpm;
        for (int bar : downbeatBars) {
            hits.add(new Hit(from + bar * 4 * beat, 3));
        }
        for (int b : offBeats) {
            hits.add(new Hit(from + b * beat, 2));
        }
        return hits;
    }

    /** First section on a 100 bpm grid, the second, from {@link #BOUNDARY}, on a grid of {@code secondBpm}. */
    private static List<Hit> twoTempi(double secondBpm) {
        List<Hit> hits = new ArrayList<>(onGrid(0, 100, new int[] {1, 2, 3}, new int[] {2, 5, 10, 14}));
        hits.addAll(onGrid(BOUNDARY, secondBpm, new int[] {1, 2, 3, 4}, new int[] {2, 5, 11}));
        return hits;
    }

    @Test
    void aSectionOnAnotherTempoGetsAChangeOnTheBoundaryBarLine() {
        List<Hit> hits = twoTempi(120);
        SectionTempo.Fit fit = SectionTempo.fit(hits, List.of(0.0, BOUNDARY), DURATION, 80, 140, 4);

        TempoMap map = fit.map();
        assertEquals(List.of(new TempoMap.Change(0, 0, 100), new TempoMap.Change(16, BOUNDARY, 120)).toString(),
                map.changes().toString(), map.toString());
        for (Hit h : hits) {
            assertEquals(0.0, TempoFitter.gridOffset(h.time(), map), 0.003, "hit at " + h.time());
        }
        assertEquals(hits.size(), fit.gridOffsets().size());
        fit.gridOffsets().forEach(o -> assertEquals(0.0, o, 0.003));
        // One tempo for the whole cue could not do this.
        TempoMap one = GridTempo.of(TempoFitter.fit(hits, 80, 140, 4), 4);
        assertTrue(fit.score() > 0.85 && TempoFitter.alignment(hits, one) < 0.75,
                fit.score() + " vs one tempo " + TempoFitter.alignment(hits, one));
    }

    @Test
    void oneSteadyTempoGetsNoChange() {
        List<Hit> hits = twoTempi(100);
        SectionTempo.Fit fit = SectionTempo.fit(hits, List.of(0.0, BOUNDARY, 14.4), DURATION, 80, 140, 4);
        assertEquals(GridTempo.of(TempoFitter.fit(hits, 80, 140, 4), 4), fit.map());
        assertEquals(TempoMap.constant(100, 4), fit.map());
    }

    @Test
    void aNamedTempoIsHeld() {
        List<Hit> hits = twoTempi(120);
        SectionTempo.Fit fit = SectionTempo.fit(hits, List.of(BOUNDARY), DURATION, 100, 100, 4);
        assertEquals(GridTempo.of(TempoFitter.fit(hits, 100, 100, 4), 4), fit.map());
        assertEquals(0, SectionTempo.changes(fit.map()));
    }

    @Test
    void aChangeNeverExceedsTheJumpLimit() {
        // 100 → 150 bpm is a 50 % jump: the map may move toward it, never by more than the limit.
        SectionTempo.Fit far = SectionTempo.fit(twoTempi(150), List.of(BOUNDARY), DURATION, 80, 160, 4);
        assertWithinLimits(far.map(), 80, 160);
        // And on random material: changes only on bar lines, at least two bars apart, each within the limit.
        for (long seed = 1; seed <= 20; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            List<Hit> hits = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                hits.add(new Hit(r.nextDouble(0, 30), r.nextDouble(0.5, 3)));
            }
            List<Double> starts = List.of(r.nextDouble(2, 10), r.nextDouble(10, 12), r.nextDouble(14, 25));
            SectionTempo.Fit fit = SectionTempo.fit(hits, starts, 30, 70, 150, 4);
            assertWithinLimits(fit.map(), 70, 150);
            assertEquals(fit, SectionTempo.fit(hits, starts, 30, 70, 150, 4), "deterministic");
        }
    }

    @Test
    void shortSectionsJoinTheOneBefore() {
        List<Hit> everySecond = new ArrayList<>();
        for (int t = 0; t < 22; t++) {
            everySecond.add(new Hit(t + 0.5, 1));
        }
        // Two-bar minimum of 2.4 s bars is 4.8 s: 6.0 is too close to 5.0, 19.0 too close to the end.
        assertEquals(List.of(5.0, 11.0), SectionTempo.merged(List.of(0.0, 11.0, 5.0, 6.0, 19.0), everySecond, 22, 4.8));
        // Without hits before 11 s the opening joins the section after it; a single hit is no more.
        List<Hit> late = everySecond.subList(10, 22);
        assertEquals(List.of(16.0), SectionTempo.merged(List.of(5.0, 11.0, 16.0), late, 22, 4.8));
        assertEquals(List.of(), SectionTempo.merged(List.of(11.0), List.of(new Hit(3, 1)), 22, 4.8));
    }

    /** Every change after the intro bar is on a bar line, two bars after the last, within the range and jump. */
    private static void assertWithinLimits(TempoMap map, double min, double max) {
        int first = GridTempo.hasIntro(map) ? 1 : 0;
        for (int i = first + 1; i < map.changes().size(); i++) {
            TempoMap.Change prev = map.changes().get(i - 1);
            TempoMap.Change c = map.changes().get(i);
            double ratio = Math.max(c.bpm() / prev.bpm(), prev.bpm() / c.bpm());
            assertTrue(ratio <= 1 + SectionTempo.MAX_JUMP + 1e-9, map.toString());
            assertTrue(c.bpm() >= min && c.bpm() <= max, map.toString());
            assertEquals(0.0, c.beat() % map.beatsPerBar(), 1e-9, map.toString());
            assertTrue(c.beat() - prev.beat() >= SectionTempo.MIN_SECTION_BARS * map.beatsPerBar(), map.toString());
        }
    }
}
