package org.v2mzero.models.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MiniLmEncoderTest {
    private static MiniLmEncoder encoder;

    @BeforeAll
    static void load() throws IOException {
        encoder = MiniLmEncoder.load();
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    @Test
    void embeddingsAreUnitLengthAnd384Wide() {
        float[] e = encoder.embed("tense horror strings");
        assertEquals(MiniLmEncoder.DIMENSIONS, e.length);
        assertEquals(1.0, MiniLmEncoder.cosine(e, e), 1e-4);
    }

    @Test
    void meaningOrdersSimilarity() {
        float[] prompt = encoder.embed("tense horror strings");
        double horror = MiniLmEncoder.cosine(prompt, encoder.embed("dark, frightening horror film music with dissonant strings"));
        double jazz = MiniLmEncoder.cosine(prompt, encoder.embed("happy upbeat jazz with swinging piano and brushes"));
        assertTrue(horror > jazz + 0.1, "horror " + horror + " vs jazz " + jazz);

        float[] party = encoder.embed("club dance beat with synthesizers");
        double electronic = MiniLmEncoder.cosine(party, encoder.embed("electronic dance music, techno and house"));
        double piano = MiniLmEncoder.cosine(party, encoder.embed("a quiet solo piano ballad"));
        assertTrue(electronic > piano + 0.1, "electronic " + electronic + " vs piano " + piano);
    }

    @Test
    void deterministic() {
        assertArrayEquals(encoder.embed("heroic brass fanfare"), encoder.embed("heroic brass fanfare"));
    }

    @Test
    void poolingIgnoresMaskedTokens() {
        float[][] tokens = {{3, 4}, {100, 100}};
        assertArrayEquals(new float[] {0.6f, 0.8f}, MiniLmEncoder.meanPoolAndNormalise(tokens, new long[] {1, 0}), 1e-6f);
    }
}
