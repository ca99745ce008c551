package org.v2mzero.models.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.v2mzero.models.compose.Choke;
import org.v2mzero.models.compose.Note;
import org.v2mzero.models.compose.StemPart;

/** Renders real notes with Java's built-in bank (the sound itself does not matter here, its timing does). */
class JavaSoundStemRendererTest {
    private static final int RATE = 48_000;
    private static JavaSoundStemRenderer renderer;

    @BeforeAll
    static void loadBank() throws Exception {
        renderer = new JavaSoundStemRenderer(SoundfontLocator.builtIn(Optional.empty()));
    }

    @Test
    void noteAtHalfSecondStartsThereAndNotBefore() throws Exception {
        StemPart piano = new StemPart("piano", 0, false, List.of(new Note(0.5, 0.3, 60, 110)));
        float[][] audio = renderer.render(piano, 1.0);

        assertEquals(2, audio.length);
        assertEquals(RATE, audio[0].length);
        assertEquals(0.0, peak(audio, 0, (int) (0.498 * RATE)), 1e-6, "silent before the note");
        int onset = firstAbove(audio, 1e-3);
        double onsetSeconds = onset / (double) RATE;
        assertTrue(Math.abs(onsetSeconds - 0.5) < 0.003, "onset at " + onsetSeconds + " s (expected: 0.5 s)");
        assertTrue(peak(audio, onset, audio[0].length) > 0.05, "audible note");
    }

    @Test
    void sameInputRendersIdenticalSamples() throws Exception {
        StemPart part = new StemPart("strings", 48, false,
                List.of(new Note(0.1, 0.6, 60, 90), new Note(0.1, 0.6, 64, 90), new Note(0.4, 0.5, 67, 100)));
        float[][] first = renderer.render(part, 1.0);
        float[][] second = renderer.render(part, 1.0);
        assertArrayEquals(first[0], second[0]);
        assertArrayEquals(first[1], second[1]);
    }

    @Test
    void percussionRendersOnTheDrumChannel() throws Exception {
        StemPart drums = new StemPart("drums", 0, true,
                List.of(new Note(0.25, 0.1, 36, 120), new Note(0.5, 0.1, 38, 120)));
        float[][] audio = renderer.render(drums, 1.0);
        int onset = firstAbove(audio, 1e-3);
        assertTrue(Math.abs(onset / (double) RATE - 0.25) < 0.003, "kick onset at " + onset / (double) RATE);
        assertTrue(peak(audio, 0, audio[0].length) > 0.05, "audible drums");
    }

    @Test
    void onsetIsOnTimeAtOtherSampleRates() throws Exception {
        JavaSoundStemRenderer at44k = new JavaSoundStemRenderer(renderer.soundfont(), 44_100);
        StemPart drums = new StemPart("drums", 0, true, List.of(new Note(0.3, 0.1, 38, 120)));
        float[][] audio = at44k.render(drums, 0.6);
        assertEquals(26_460, audio[0].length);
        double onset = firstAbove(audio, 1e-3) / 44_100.0;
        assertTrue(Math.abs(onset - 0.3) < 0.003, "snare onset at " + onset + " s (expected: 0.3 s)");
    }

    @Test
    void aNoteHeldPastTheEndIsFadedNotCut() throws Exception {
        StemPart organ = new StemPart("organ", 19, false, List.of(new Note(0.1, 5, 60, 110)));
        float[][] audio = renderer.render(organ, 0.5);
        int last = audio[0].length - 1;
        assertEquals(0.0, Math.abs(audio[0][last]));
        assertEquals(0.0, Math.abs(audio[1][last]));
        assertTrue(peak(audio, last - 2400, last - 480) > 0.05, "still sounding 10 ms before the end");
    }

    /** Whatever still sounds (here an organ note held on) falls silent in a choke; the note at its end sounds. */
    @Test
    void aChokeSilencesTheStemExactlyFromItsRampsEndUntilItsEnd() throws Exception {
        List<Note> notes = List.of(new Note(0.1, 0.8, 60, 110), new Note(1.0, 0.3, 64, 110));
        float[][] free = renderer.render(new StemPart("organ", 19, false, notes), 1.5);
        float[][] damped = renderer.render(new StemPart("organ", 19, false, notes, List.of(new Choke(0.4, 1.0))), 1.5);

        int start = (int) (0.4 * RATE);
        int rampEnd = (int) Math.ceil((0.4 + Choke.RAMP_SECONDS) * RATE);
        assertTrue(peak(free, rampEnd, (int) (0.85 * RATE)) > 0.05, "without the choke the organ sounds on");
        assertEquals(0.0, peak(damped, rampEnd, RATE), 0.0, "digital silence from the ramp's end to the re-entry");
        assertArrayEquals(Arrays.copyOf(free[0], start), Arrays.copyOf(damped[0], start), "the same up to the choke");
        int mid = (start + rampEnd) / 2;
        assertEquals(0.5 * free[0][mid], damped[0][mid], 0.02 * Math.abs(free[0][mid]) + 1e-6, "half way down the fade");
        assertArrayEquals(Arrays.copyOfRange(free[0], RATE, (int) (1.3 * RATE)),
                Arrays.copyOfRange(damped[0], RATE, (int) (1.3 * RATE)), "the note at the choke's end sounds as it would");
    }

    @Test
    void refusesNonPositiveDuration() {
        StemPart empty = new StemPart("empty", 0, false, List.of());
        var e = assertThrows(IllegalArgumentException.class, () -> renderer.render(empty, -3));
        assertEquals("durationSeconds : -3.0 (expected: > 0)", e.getMessage());
    }

    static double peak(float[][] audio, int from, int to) {
        double peak = 0;
        for (float[] channel : audio) {
            for (int i = from; i < to; i++) {
                peak = Math.max(peak, Math.abs(channel[i]));
            }
        }
        return peak;
    }

    static int firstAbove(float[][] audio, double threshold) {
        for (int i = 0; i < audio[0].length; i++) {
            if (Math.abs(audio[0][i]) > threshold || Math.abs(audio[1][i]) > threshold) {
                return i;
            }
        }
        return -1;
    }
}
