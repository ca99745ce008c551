package org.v2mzero.models.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.v2mzero.protocol.TempoMap;

class HarmonyWriterTest {
    @Test
    void aBarsIntensityDecidesHowManyVoicesItsChordHas() {
        CuePlan plan = plan(new double[] {0.2, 0.5, 0.9, 0.5});
        StemPart harmony = HarmonyWriter.write(plan, 48, 0, HitForm.of(plan, List.of(), 0.25));
        assertEquals(List.of(2, 3, 4, 3), Arrays.stream(new int[] {0, 1, 2, 3}).mapToObj(bar -> (int) harmony.notes()
                .stream().filter(n -> Math.abs(n.startSeconds() - 2.0 * bar) < 1e-9).count()).toList(), harmony.toString());
        List<Note> thin = harmony.notes().stream().filter(n -> n.startSeconds() == 0).toList();
        List<Note> full = harmony.notes().stream().filter(n -> n.startSeconds() == 4.0).toList();
        assertTrue(full.get(0).velocity() > thin.get(0).velocity() + 20, "louder too: " + thin + " vs " + full);
    }

    @Test
    void theBarIntoAHitSwellsTheBarAfterOneHolds() {
        CuePlan plan = plan(new double[] {0.5, 0.5, 0.5, 0.5, 0.5, 0.5});
        HitForm form = HitForm.of(plan, List.of(2.0, 10.0), 0.25); // bars 1 and 5
        StemPart harmony = HarmonyWriter.write(plan, 48, 0, form);
        List<Note> after = harmony.notes().stream().filter(n -> n.startSeconds() >= 2.0 && n.startSeconds() < 4.0).toList();
        assertEquals(1, after.stream().mapToDouble(Note::startSeconds).distinct().count(), "one chord: " + after);
        List<Note> into = harmony.notes().stream().filter(n -> n.startSeconds() >= 8.0 && n.startSeconds() < 10.0).toList();
        double[] strikes = into.stream().mapToDouble(Note::startSeconds).distinct().toArray();
        assertEquals(4, strikes.length, "a chord on every beat: " + into);
        int[] velocities = Arrays.stream(strikes).mapToInt(t -> into.stream().filter(n -> n.startSeconds() == t)
                .findFirst().orElseThrow().velocity()).toArray();
        for (int i = 1; i < velocities.length; i++) {
            assertTrue(velocities[i] > velocities[i - 1], "crescendo: " + Arrays.toString(velocities));
        }
    }

    /** 120 bpm in 4 (bars of 2 s), C minor throughout. */
    static CuePlan plan(double[] intensity) {
        int[][] chords = new int[intensity.length][];
        Arrays.fill(chords, new int[] {0, 3, 7});
        return new CuePlan(TempoMap.constant(120, 4), 2.0 * intensity.length, new Key(0, true), intensity, chords);
    }
}
