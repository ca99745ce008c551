package org.v2mzero.models.compose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The melody develops one idea instead of writing a fresh line each bar: checked on the notes the
 * melody stem plays over a constant chord (so pitches compare directly), at full intensity, eight bars
 * in one section, then the same eight bars with a section change after four.
 */
class MotifTest {
    private static final int[] C_MINOR = {0, 3, 7};

    @Test
    void aPhraseStatesTheMotifAnswersItSequencesItAndCadences() {
        for (long seed = 0; seed < 20; seed++) {
            List<List<Note>> bars = melodyBars(seed, List.of());
            List<Note> statement = bars.get(0);
            List<Note> answer = bars.get(1);
            List<Note> sequence = bars.get(2);
            List<Note> cadence = bars.get(3);
            String where = "seed " + seed + ": " + bars;

            assertArrayEquals(onsets(statement, 0), onsets(answer, 1), where + ": the answer repeats the rhythm");
            int n = statement.size();
            assertArrayEquals(pitches(statement, 0, n - 1), pitches(answer, 0, n - 1), where + ": and the line");
            assertNotEquals(statement.get(n - 1).pitch(), answer.get(n - 1).pitch(), where + ": but not the ending");

            assertArrayEquals(onsets(statement, 0), onsets(sequence, 2), where + ": the sequence keeps the rhythm");
            for (int i = 0; i < n; i++) {
                assertEquals(nextChordTone(statement.get(i).pitch()), sequence.get(i).pitch(),
                        where + ": each note a chord tone higher");
            }

            assertTrue(cadence.size() < n || !Arrays.equals(onsets(statement, 0), onsets(cadence, 3)),
                    where + ": the cadence is another rhythm");
            assertEquals(0, cadence.get(cadence.size() - 1).pitch() % 12, where + ": and comes to rest on the root");

            assertEquals(statement, shift(bars.get(4), -8.0), where + ": the next phrase states it again");
        }
    }

    @Test
    void aNewSectionTakesTheThemeAChordToneHigher() {
        for (long seed = 0; seed < 20; seed++) {
            List<List<Note>> one = melodyBars(seed, List.of());
            List<List<Note>> two = melodyBars(seed, List.of(8.0));
            assertEquals(one.subList(0, 4), two.subList(0, 4), "seed " + seed + ": the first section as before");
            List<Note> first = one.get(0);
            List<Note> later = two.get(4);
            assertArrayEquals(onsets(first, 0), onsets(later, 4), "seed " + seed + ": the same motif");
            for (int i = 0; i < first.size(); i++) {
                assertEquals(nextChordTone(first.get(i).pitch()), later.get(i).pitch(),
                        "seed " + seed + ": transposed: " + first + " vs " + later);
            }
        }
    }

    @Test
    void aMiddlingBarPlaysOnlyTheMotifsHead() {
        CuePlan plan = HarmonyWriterTest.plan(new double[] {0.9, 0.5, 0.3});
        StemPart melody = MelodyWriter.write(plan, 73, 1, HitForm.of(plan, List.of(), 0.25), new int[3]);
        assertTrue(melody.notes().stream().filter(n -> n.startSeconds() < 2).count() >= 3, melody.toString());
        assertEquals(2, melody.notes().stream().filter(n -> n.startSeconds() >= 2 && n.startSeconds() < 4).count(),
                melody.toString());
        assertEquals(0, melody.notes().stream().filter(n -> n.startSeconds() >= 4).count(), melody.toString());
    }

    /** The melody of 8 full bars of C minor at 120 bpm, split per bar (2 s each). */
    private static List<List<Note>> melodyBars(long seed, List<Double> changes) {
        double[] intensity = new double[8];
        Arrays.fill(intensity, 0.9);
        CuePlan plan = HarmonyWriterTest.plan(intensity);
        StemPart melody = MelodyWriter.write(plan, 73, seed, HitForm.of(plan, List.of(), 0.25),
                MelodyWriter.sections(plan, changes));
        List<List<Note>> bars = new ArrayList<>();
        for (int bar = 0; bar < 8; bar++) {
            double from = 2.0 * bar;
            bars.add(melody.notes().stream().filter(n -> n.startSeconds() >= from - 1e-9 && n.startSeconds() < from + 2 - 1e-9)
                    .toList());
        }
        return bars;
    }

    private static double[] onsets(List<Note> bar, int index) {
        return bar.stream().mapToDouble(n -> Math.round((n.startSeconds() - 2.0 * index) * 1e6) / 1e6).toArray();
    }

    private static int[] pitches(List<Note> bar, int from, int to) {
        return bar.subList(from, to).stream().mapToInt(Note::pitch).toArray();
    }

    private static List<Note> shift(List<Note> bar, double seconds) {
        return bar.stream().map(n -> new Note(n.startSeconds() + seconds, n.durationSeconds(), n.pitch(), n.velocity()))
                .toList();
    }

    /** The next tone of C minor's triad above a pitch that is one (C, E flat, G). */
    private static int nextChordTone(int pitch) {
        int pc = pitch % 12;
        return pitch + (pc == 0 ? 3 : pc == 3 ? 4 : 5);
    }
}
