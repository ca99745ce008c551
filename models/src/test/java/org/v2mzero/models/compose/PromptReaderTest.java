package org.v2mzero.models.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PromptReaderTest {
    @Test
    void readsKeys() {
        assertEquals(Optional.of(new Key(2, true)), PromptReader.read("tense strings in D minor").key());
        assertEquals(Optional.of(new Key(0, false)), PromptReader.read("C major, bright").key());
        assertEquals(Optional.of(new Key(6, true)), PromptReader.read("F# minor").key());
        assertEquals(Optional.of(new Key(10, false)), PromptReader.read("in Bb major").key());
        assertEquals(Optional.empty(), PromptReader.read("epic minor chords").key());
    }

    @Test
    void readsTempoAndNoDrums() {
        assertEquals(92.0, PromptReader.read("dark, 92 bpm").bpm().getAsDouble());
        assertFalse(PromptReader.read("5000 bpm").bpm().isPresent());
        assertTrue(PromptReader.read("ambient, no drums").noDrums());
        assertTrue(PromptReader.read("without percussion").noDrums());
        assertFalse(PromptReader.read("big drums").noDrums());
    }

    @Test
    void readsInstrumentationAndIntensity() {
        PromptReader.Words strings = PromptReader.read("Strings only, gentle");
        assertEquals(48, strings.onlyProgram().getAsInt());
        assertTrue(strings.noDrums(), "one instrument means no kit");
        assertEquals(-1, strings.intensity());
        assertEquals(0, PromptReader.read("only piano").onlyProgram().getAsInt());
        assertEquals(1, PromptReader.read("aggressive rock").intensity());
        assertEquals(0, PromptReader.read("rock").intensity());
        assertFalse(PromptReader.read("strings and brass").onlyProgram().isPresent());
    }

    @Test
    void readsTheFeel() {
        assertEquals(-1, PromptReader.read("jazz noir, straight").feel());
        assertEquals(-1, PromptReader.read("Hip hop beat, no swing").feel());
        assertEquals(-1, PromptReader.read("straight eighths, not swing").feel(), "straight is the deliberate word");
        assertEquals(1, PromptReader.read("rock shuffle").feel());
        assertEquals(1, PromptReader.read("swinging big band").feel());
        assertEquals(0, PromptReader.read("jazz noir").feel());
    }

    @Test
    void styleTextDropsTheExplicitWords() {
        assertEquals("jazz noir", PromptReader.styleText("jazz noir, straight eighths"));
        assertEquals("lofi", PromptReader.styleText("lofi, no swing"));
        assertEquals("rock shuffle", PromptReader.styleText("rock shuffle"));
        assertEquals("tense heist strings", PromptReader.styleText("Tense heist at 92 bpm in D minor, no drums, strings"));
        assertEquals("gentle", PromptReader.styleText("piano only, gentle"));
        assertEquals("", PromptReader.styleText(null));
    }

    @Test
    void picksStylesByKeyword() {
        assertEquals("synthwave", Styles.forPrompt("synthwave chase").name());
        assertEquals("suspense", Styles.forPrompt("tense thriller").name());
        assertEquals("orchestral", Styles.forPrompt("something nice").name());
        assertEquals("orchestral", Styles.forPrompt(null).name());
    }

    @Test
    void minorDominantIsMajor() {
        // A minor: V is E G# B
        assertEquals(java.util.List.of(4, 8, 11), java.util.Arrays.stream(new Key(9, true).triad(4)).boxed().toList());
    }
}
