package org.v2mzero.models.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.v2mzero.models.text.MiniLmEncoder;

class StyleMatcherTest {
    private static MiniLmEncoder encoder;
    private static StyleMatcher matcher;

    @BeforeAll
    static void load() throws IOException {
        encoder = MiniLmEncoder.load();
        matcher = StyleMatcher.embedding(encoder, Styles.ALL);
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    @Test
    void promptsFindTheirStyleByMeaning() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("tense horror strings", "horror"),
                Map.entry("a haunted house at night, something lurks", "horror"),
                Map.entry("nervous stakeout, the detective waits", "suspense"),
                Map.entry("big heroic battle with choir and war drums", "trailer"),
                Map.entry("neon city night drive, 1980s", "synthwave"),
                Map.entry("warehouse rave, pounding techno", "electronic"),
                Map.entry("slow calm nature documentary, floating", "ambient"),
                Map.entry("sad quiet piano for a goodbye", "piano"),
                Map.entry("loud guitars for a skateboard montage", "rock"),
                Map.entry("boom bap beat for a street scene", "hiphop"),
                Map.entry("smoky bar with a saxophone", "jazz"),
                Map.entry("country road trip with a fiddle", "folk"),
                Map.entry("silly cartoon chase", "comedy"),
                Map.entry("sweeping romantic orchestra", "orchestral"),
                Map.entry("peaceful forest documentary", "ambient"),
                Map.entry("suspenseful heist, 92 bpm in D minor, no drums", "suspense"));
        StringBuilder misses = new StringBuilder();
        expected.forEach((prompt, style) -> {
            StyleMatch m = matcher.match(prompt);
            if (!m.style().name().equals(style)) {
                misses.append(prompt).append(" -> ").append(m).append('\n');
            }
        });
        assertEquals("", misses.toString());
    }

    @Test
    void aMatchExplainsItselfWithThreeRunnersUp() {
        StyleMatch m = matcher.match("tense horror strings");
        assertEquals(StyleMatcher.MINILM, m.method());
        assertEquals(3, m.runnersUp().size());
        assertTrue(m.similarity() > m.runnersUp().get(0).similarity());
        for (int i = 1; i < 3; i++) {
            assertTrue(m.runnersUp().get(i - 1).similarity() >= m.runnersUp().get(i).similarity());
        }
        assertTrue(m.similarity() > 0.3 && m.similarity() <= 1, "similarity " + m.similarity());
    }

    @Test
    void blankPromptIsOrchestralAndKeywordFallbackStillWorks() {
        assertEquals("orchestral", matcher.match(" ").style().name());
        StyleMatcher fallback = StyleMatcher.keywords("no encoder in this test");
        StyleMatch m = fallback.match("dark synthwave chase through neon streets");
        assertEquals(StyleMatcher.KEYWORDS, m.method());
        assertEquals("synthwave", m.style().name());
        assertEquals(2.0, m.similarity(), "synthwave and neon");
        assertEquals(new StyleMatch.Candidate("horror", 1), m.runnersUp().get(0));
        assertEquals(List.of(), fallback.match("something nice").runnersUp());
        assertEquals("orchestral", fallback.match("something nice").style().name());
    }

    /**
     * The keyword fallback reads the prompt as the embedding does ({@link PromptReader#styleText}):
     * "no swing" asks for a straight feel and is no vote for jazz. Before, "country song, no swing"
     * tied folk with jazz on one keyword each and went to jazz, the earlier style.
     */
    @Test
    void theKeywordFallbackDoesNotCountAFeelItIsToldToDrop() {
        StyleMatcher fallback = StyleMatcher.keywords("no encoder in this test");
        assertEquals("folk", fallback.match("country song, no swing").style().name());
        assertEquals("orchestral", fallback.match("upbeat, without swing").style().name());
        assertEquals(List.of(), fallback.match("upbeat, without swing").runnersUp());
        assertEquals("jazz", fallback.match("smoky jazz, straight eighths").style().name());
        assertEquals("jazz", fallback.match("swing band").style().name(), "swing itself still says jazz");
        assertEquals("folk", Styles.forPrompt("country song, no swing").name());
    }

    @Test
    void encoderLatencyPerPromptIsSmall() {
        int n = 20;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            matcher.match("tense orchestral chase number " + i);
        }
        double ms = (System.nanoTime() - start) / 1e6 / n;
        assertTrue(ms < 100, "ms per prompt " + ms);
    }
}
