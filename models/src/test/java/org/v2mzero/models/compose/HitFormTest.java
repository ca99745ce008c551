package org.v2mzero.models.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.v2mzero.protocol.TempoMap;

class HitFormTest {
    /** 120 bpm in 4: a beat is 0.5 s, a bar 2 s (exact in binary); ten bars of C minor. */
    private static final CuePlan PLAN = plan(new double[] {0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5});

    @Test
    void aHitRingsOverTheNextBarLineAndTheBandReentersABeatAfterIt() {
        assertEquals(4.5, HitForm.ringEnd(PLAN, 2.0), 1e-9, "on a bar line: through the next one");
        assertEquals(4.5, HitForm.ringEnd(PLAN, 2.75), 1e-9, "mid-bar");
        assertEquals(4.5, HitForm.ringEnd(PLAN, 1.995), 1e-9, "5 ms early is on the bar line, not a push");
        assertEquals(2.5, HitForm.ringEnd(PLAN, 1.875), 1e-9, "a sixteenth early is a push: tied over that bar line");
    }

    @Test
    void aRingEndsWhereTheNextHitsBreathBegins() {
        HitForm form = HitForm.of(PLAN, List.of(2.0, 5.0), 0.75);
        assertEquals(List.of(4.25, 6.5), form.ringEnds());
        assertEquals(form.ringEnds(), form.holdEnds());
    }

    @Test
    void hitsInQuickSuccessionAreStabsOverTheGrooveAndOnlyTheLastRings() {
        HitForm form = HitForm.of(PLAN, List.of(2.0, 4.0, 5.5), 0.25);
        assertEquals(List.of(2.0, 4.0, 6.5), form.ringEnds(), "a bar, then three quarters of one: no room to ring");
        assertEquals(List.of(3.75, 5.25, 6.5), form.holdEnds(), "the re-entry holds to the next bar line or breath");
    }

    @Test
    void writtenNotesWaitForTheRingToEnd() {
        HitForm form = HitForm.of(PLAN, List.of(2.0), 0.25);
        Note before = new Note(0, 2.0, 60, 70);
        StemPart harmony = form.ring(new StemPart("harmony", 48, false, List.of(before, new Note(2.0, 2.0, 63, 70),
                new Note(4.0, 2.0, 60, 70), new Note(6.0, 2.0, 67, 70))));
        assertEquals(List.of(before, new Note(4.5, 1.5, 60, 70), new Note(6.0, 2.0, 67, 70)), harmony.notes(),
                "the hit's own bar is left to the hit; the next bar's chord comes a beat late");

        StemPart melody = form.ring(new StemPart("melody", 60, false, List.of(new Note(2.5, 0.5, 72, 80),
                new Note(4.25, 0.25, 74, 80), new Note(4.5, 0.5, 75, 80))));
        assertEquals(List.of(new Note(4.5, 0.5, 75, 80)), melody.notes());

        StemPart drums = form.ring(new StemPart("drums", 0, true, List.of(new Note(2.0, 1, DrumWriter.CRASH, 120),
                new Note(3.0, 0.125, 38, 90), new Note(4.0, 0.125, 36, 90), new Note(4.25, 1, DrumWriter.CRASH, 110))));
        assertEquals(List.of(new Note(2.0, 1, DrumWriter.CRASH, 120), new Note(4.25, 1, DrumWriter.CRASH, 110)),
                drums.notes(), "crashes answer the picture; the groove waits");

        StemPart fx = new StemPart("fx", 47, false, List.of(new Note(2.5, 1.5, 38, 120)));
        assertEquals(fx, form.ring(fx));
    }

    @Test
    void betweenTwoHitsTheMusicThinsAfterTheFirstAndSwellsIntoTheNext() {
        HitForm form = HitForm.of(PLAN, List.of(2.0, 12.0), 0.25); // bar 1 and bar 6
        double[] shaped = form.shaped(PLAN, PLAN.intensity());
        for (int bar = 2; bar <= 5; bar++) {
            assertTrue(shaped[bar] > shaped[bar - 1], "bar " + bar + " swells: " + java.util.Arrays.toString(shaped));
        }
        assertTrue(shaped[1] < 0.5 - HitForm.SWELL / 4, "just after a hit: thinner than the curve says");
        assertTrue(shaped[5] > 0.5 + HitForm.SWELL / 4, "the bar into a hit: fuller than the curve says");
        assertTrue(shaped[6] < shaped[5], "the next hit starts a new arc");
    }

    @Test
    void withoutHitsTheCurveAloneSetsTheIntensity() {
        double[] curve = {0.1, 0.9, 0.4, 0.6, 0.5, 0.5, 0.2, 0.8, 0.3, 0.7};
        CuePlan plan = plan(curve);
        assertEquals(java.util.Arrays.toString(curve),
                java.util.Arrays.toString(HitForm.of(plan, List.of(), 0.25).shaped(plan, curve)));
    }

    private static CuePlan plan(double[] intensity) {
        int[][] chords = new int[intensity.length][];
        for (int i = 0; i < chords.length; i++) {
            chords[i] = new int[] {0, 3, 7};
        }
        return new CuePlan(TempoMap.constant(120, 4), 2.0 * intensity.length, new Key(0, true), intensity, chords);
    }
}
