package org.v2mzero.models.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.v2mzero.protocol.CurveAnalysis;
import org.v2mzero.protocol.Section;
import org.v2mzero.protocol.TempoMap;

class SectionLeadsTest {
    /** 120 bpm in 4 (a beat 0.5 s, a bar 2 s), ten bars of C minor at middling intensity. */
    private static final CuePlan PLAN = plan(new int[][] {{0, 3, 7}});

    @Test
    void aLeadSpansTheBarBeforeAChangeAndStopsAtTheBreathOfItsHit() {
        HitForm form = HitForm.of(PLAN, List.of(8.0, 16.25), 0.5);
        List<SectionLeads> leads = SectionLeads.of(PLAN,
                List.of(new Section(0, 8), new Section(8, 16), new Section(16, 20)), form);
        assertEquals(List.of(new SectionLeads(5.5, 7.5, 8.0), new SectionLeads(14.0, 16.0, 16.0)), leads,
                "8 s is a hit: its lead stops where its breath starts; 16 s is no hit (16.25 is another moment)");
    }

    @Test
    void noLeadIsSqueezedIntoTheRingOfTheHitBeforeIt() {
        HitForm form = HitForm.of(PLAN, List.of(8.0), 0.5); // rings to 10.5 s
        List<SectionLeads> leads = SectionLeads.of(PLAN,
                List.of(new Section(0, 8), new Section(8, 11), new Section(11, 20)), form);
        assertEquals(1, leads.size(), "after the ring only one beat is left before 11 s: " + leads);
        assertEquals(8.0, leads.get(0).change());
    }

    @Test
    void risersAccelerateClimbAndGrowThenStopAFifthAboveTheImpact() {
        List<Double> strokes = Risers.strokes(0, 4);
        assertEquals(List.of(0.0, 1.0, 2.0, 2.5, 3.0, 3.25, 3.5, 3.75), strokes);
        Style trailer = Styles.named("trailer");
        List<Note> riser = Risers.notes(List.of(new SectionLeads(5.5, 7.5, 8.0)), PLAN, trailer);
        assertEquals(8, riser.size());
        for (int i = 1; i < riser.size(); i++) {
            assertTrue(riser.get(i).pitch() >= riser.get(i - 1).pitch(), "climbs: " + riser);
            assertTrue(riser.get(i).velocity() > riser.get(i - 1).velocity(), "grows: " + riser);
        }
        Note last = riser.get(riser.size() - 1);
        assertEquals(7.5, last.startSeconds() + last.durationSeconds(), 1e-9, "stops at the lead's end");
        assertEquals(AccentWriter.pitch(trailer, PLAN, 8.0) + 7, last.pitch());
        assertTrue(last.velocity() < 100, "forte, below the impact: " + last);
    }

    @Test
    void fillsReplaceTheGrooveWithACrescendoDownTheToms() {
        for (String style : List.of("orchestral", "trailer", "jazz", "synthwave")) {
            DrumPattern kit = Styles.named(style).drums();
            assertEquals(DrumPattern.Fill.TOMS, kit.fill(), style);
            List<Note> fill = fillOver(kit);
            assertEquals(4, fill.size(), style + ": sixteenths over the last beat: " + fill);
            assertEquals(kit.snarePitch(), fill.get(0).pitch(), style);
            assertTrue(Arrays.stream(DrumWriter.TOMS).anyMatch(t -> t == fill.get(3).pitch()),
                    style + ": ends on a tom: " + fill);
            assertTrue(fill.get(3).velocity() > fill.get(0).velocity(), style + ": crescendo: " + fill);
        }
    }

    /** Rock, comedy and folk: a snare (folk: side-stick) roll into the section, no toms (they rang through the drop before the hit). */
    @Test
    void rockComedyAndFolkFillOnTheSnareAlone() {
        for (String style : List.of("rock", "comedy", "folk")) {
            DrumPattern kit = Styles.named(style).drums();
            assertEquals(DrumPattern.Fill.SNARE, kit.fill(), style);
            List<Note> fill = fillOver(kit);
            assertEquals(4, fill.size(), style + ": sixteenths over the last beat: " + fill);
            assertTrue(fill.stream().allMatch(n -> n.pitch() == kit.snarePitch()), style + ": no toms: " + fill);
            for (int i = 1; i < fill.size(); i++) {
                assertTrue(fill.get(i).velocity() > fill.get(i - 1).velocity(), style + ": crescendo: " + fill);
            }
            assertEquals(DrumPattern.Fill.SNARE, kit.withBeats(3).fill(), style + ": kept in another metre");
        }
    }

    /** The notes of a fill over 7..7.5 s (the last beat before a change at 8 s, its breath from 7.5 s) on {@code kit}. */
    private static List<Note> fillOver(DrumPattern kit) {
        StemPart groove = new StemPart("drums", 0, true, List.of(new Note(6.0, 0.1, 36, 100), new Note(7.0, 0.1, 36, 100),
                new Note(7.0, 1.0, DrumWriter.CRASH, 120), new Note(7.25, 0.1, 42, 80)));
        StemPart filled = DrumWriter.fill(groove, List.of(new SectionLeads(5.5, 7.5, 8.0)), PLAN, kit);
        assertTrue(filled.notes().contains(new Note(6.0, 0.1, 36, 100)), "the groove before the fill stays");
        assertTrue(filled.notes().contains(new Note(7.0, 1.0, DrumWriter.CRASH, 120)), "a crash stays");
        return filled.notes().stream().filter(n -> n.startSeconds() >= 7.0 && n.pitch() != DrumWriter.CRASH).toList();
    }

    /** The whole composer: a fill and a riser lead into each section change that is a cut. */
    @Test
    void theComposerLeadsIntoTheSectionChanges() {
        CurveAnalysis base = SymbolicComposerTest.analysis();
        CurveAnalysis sectioned = new CurveAnalysis(base.source(), base.duration(), base.frames(), base.curve(),
                base.hits(), base.cuts(), List.of(new Section(0, 5.55), new Section(5.55, 14.8), new Section(14.8, 24)));
        for (String prompt : List.of("epic trailer", "tense orchestral", "synthwave night drive")) {
            Arrangement plain = new SymbolicComposer().generate(new GenerationRequest(base, prompt, 1, 24));
            Arrangement led = new SymbolicComposer().generate(new GenerationRequest(sectioned, prompt, 1, 24));
            List<Note> risers = new ArrayList<>(SymbolicComposerTest.stem(led, "fx").notes());
            risers.removeAll(SymbolicComposerTest.stem(plain, "fx").notes());
            assertTrue(risers.stream().anyMatch(n -> n.startSeconds() > 13 && n.startSeconds() < 14.8),
                    prompt + ": a riser into 14.8 s: " + risers);
            assertTrue(risers.stream().allMatch(n -> n.velocity() <= Risers.TO_VELOCITY), prompt + ": " + risers);
            List<Note> drums = SymbolicComposerTest.stem(led, "drums").notes();
            assertTrue(drums.stream().anyMatch(n -> n.startSeconds() > 13 && n.startSeconds() < 14.8
                    && Arrays.stream(DrumWriter.TOMS).anyMatch(t -> t == n.pitch())), prompt + ": a fill into 14.8 s");
            double breath = StopTime.MIN_BREATH;
            for (StemPart part : led.stems()) {
                assertTrue(part.notes().stream().noneMatch(n -> n.startSeconds() > 14.8 - breath && n.startSeconds() < 14.8),
                        prompt + ": " + part.name() + " keeps the breath before the cut");
            }
        }
    }

    @Test
    void aHitNeverReentersOnTheChordItInterrupts() {
        CuePlan plan = plan(new int[][] {{0, 3, 7}, {0, 3, 7}, {8, 0, 3}});
        assertEquals("[8, 0, 3]", Arrays.toString(HitChords.chordAt(plan, 2.0)),
                "i repeated: the hit on bar 1 goes to VI");
        assertEquals("[8, 0, 3]", Arrays.toString(HitChords.chordAt(plan, 4.0)), "bar 2 changes anyway");
        assertEquals("[0, 3, 7]", Arrays.toString(HitChords.chordAt(plan, 0.0)), "nothing sounds before the cue");
    }

    @Test
    void theFxImpactDoublesTheNewRootUnlessItIsADrumTunedToTheKey() {
        CuePlan plan = plan(new int[][] {{0, 3, 7}, {8, 0, 3}});
        Style synthwave = Styles.named("synthwave");
        assertEquals(8, AccentWriter.pitch(synthwave, plan, 2.0) % 12, "synth brass on A flat, the new chord's root");
        Style trailer = Styles.named("trailer");
        assertEquals(0, AccentWriter.pitch(trailer, plan, 2.0) % 12, "taiko stays on C");
        assertNotEquals(AccentWriter.pitch(synthwave, plan, 2.0), AccentWriter.pitch(synthwave, plan, 0.0), "on C at the start");
    }

    /** Ten bars cycling {@code chords}. */
    private static CuePlan plan(int[][] chords) {
        double[] intensity = new double[10];
        Arrays.fill(intensity, 0.5);
        int[][] bars = new int[10][];
        for (int i = 0; i < bars.length; i++) {
            bars[i] = chords[Math.min(i, chords.length - 1)];
        }
        return new CuePlan(TempoMap.constant(120, 4), 20, new Key(0, true), intensity, bars);
    }
}
