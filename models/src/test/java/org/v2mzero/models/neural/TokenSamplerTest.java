package org.v2mzero.models.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TokenSamplerTest {
    @Test
    void onlyAllowedIdsAreDrawnWhateverTheLogits() {
        boolean[] allowed = new boolean[Vocabulary.SIZE];
        allowed[7] = true;
        allowed[500] = true;
        float[] logits = new float[Vocabulary.SIZE];
        Arrays.fill(logits, 50f); // the disallowed ids are far more likely
        logits[7] = -3;
        logits[500] = -4;
        SplittableRandom r = new SplittableRandom(1);
        TokenSampler s = new TokenSampler(1, 1);
        int[] seen = new int[Vocabulary.SIZE];
        for (int i = 0; i < 2000; i++) {
            seen[s.sample(logits, allowed, r)]++;
        }
        assertEquals(2000, seen[7] + seen[500]);
        assertTrue(seen[7] > seen[500], "e^1 : 1 odds: " + seen[7] + " vs " + seen[500]);
    }

    @Test
    void nanAndInfiniteLogitsStillGiveAnAllowedId() {
        boolean[] allowed = new boolean[Vocabulary.SIZE];
        allowed[3] = true;
        allowed[4] = true;
        float[] logits = new float[Vocabulary.SIZE];
        logits[3] = Float.NaN;
        logits[4] = Float.NEGATIVE_INFINITY;
        SplittableRandom r = new SplittableRandom(2);
        for (int i = 0; i < 50; i++) {
            int id = new TokenSampler(0.8, 0.9).sample(logits, allowed, r);
            assertTrue(id == 3 || id == 4, "id " + id);
        }
        logits[4] = 1;
        assertEquals(4, new TokenSampler(0.8, 0.9).sample(logits, allowed, r), "NaN weighs nothing");
    }

    @Test
    void zeroTemperatureAndATinyNucleusTakeTheMostLikely() {
        boolean[] allowed = new boolean[Vocabulary.SIZE];
        Arrays.fill(allowed, true);
        float[] logits = new float[Vocabulary.SIZE];
        logits[42] = 2;
        logits[43] = 1.9f;
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 100; i++) {
            assertEquals(42, new TokenSampler(0, 1).sample(logits, allowed, r));
            assertEquals(42, new TokenSampler(1, 1e-6).sample(logits, allowed, r));
        }
    }

    @Test
    void nothingAllowedAndBadSettingsAreRefused() {
        assertThrows(IllegalStateException.class, () -> new TokenSampler(1, 1).sample(new float[Vocabulary.SIZE],
                new boolean[Vocabulary.SIZE], new SplittableRandom(0)));
        assertThrows(IllegalArgumentException.class, () -> new TokenSampler(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> new TokenSampler(1, 0));
        assertThrows(IllegalArgumentException.class, () -> new TokenSampler(1, 1.5));
    }
}
