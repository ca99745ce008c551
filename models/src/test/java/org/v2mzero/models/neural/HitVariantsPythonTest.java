package org.v2mzero.models.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.models.compose.Note;
import org.v2mzero.models.compose.StemPart;
import org.v2mzero.protocol.TempoMap;

/**
 * {@code training/corpus/hit_variants.py} (sections opening on tutti hits, cut into corpus pieces)
 * writes what Java's grammar accepts: each hit is a crash and a kick at full velocity on a whole beat
 * after a beat of silence, every other note is one of the piece's own, softer and no longer, or one
 * of the beat after a hit moved onto it. It appends to the corpus and refuses a name it already holds.
 */
class HitVariantsPythonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CRASH = 49;
    private static final int KICK = 36;
    private static final int FULL = 127; // velocity bin 31 decodes to 4 * 31 + 3
    private static final double EPS = 1e-6;

    @TempDir
    Path dir;

    @Test
    void variantsOpenSectionsOnHitsMadeOfThePiecesOwnNotes() throws Exception {
        Python.requireMido(); // v2m_tokens, which the script shares, is the corpus tokenizer
        Map<String, int[]> pieces = TokenFixtures.corpus("freedoom/piece0", "freedoom/piece1", "freedoom/piece2",
                "freedoom/piece3", "freedoom/piece4");
        Map<String, int[]> lines = new LinkedHashMap<>(pieces);
        lines.put("freedoom/piece0~sparse1", pieces.get("freedoom/piece0")); // a variant: kept, gets no variants
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Path tokens = corpus.resolve("tokens.jsonl");
        Files.writeString(tokens, TokenFixtures.jsonl(lines));

        Python.Result result = hitVariants(corpus);
        assertEquals(0, result.exitCode(), result.err());
        List<String> written = Files.readAllLines(tokens);
        assertEquals(6 + 5 * 2, written.size(), "the 6 lines kept, 2 hit variants of each of the 5 pieces appended");
        result = hitVariants(corpus);
        assertTrue(result.exitCode() != 0 && result.err().contains("already has variants named hits"), result.err());
        assertEquals(written, Files.readAllLines(tokens), "a refused run leaves the corpus as it was");

        for (String line : written.subList(6, written.size())) {
            JsonNode piece = JSON.readTree(line);
            String id = piece.get("id").asText();
            int[] variantTokens = JSON.treeToValue(piece.get("tokens"), int[].class);
            TokenGrammar.check(variantTokens);
            TokenPiece original = MidiTokenizer.decode(pieces.get(id.split("~")[0]));
            TokenPiece variant = MidiTokenizer.decode(variantTokens);
            assertArrayEquals(MidiTokenizer.encode(variant.parts(), variant.tempoMap()), variantTokens, id + ": canonical");
            List<Double> hits = hitBeats(variant);
            assertTrue(hits.size() >= 2, id + ": " + hits.size() + " hits in 48 beats");
            assertHitsOnBeatsAfterSilence(variant, hits, id);
            assertNotesFromThePiece(original, variant, hits, id);
        }
    }

    private Python.Result hitVariants(Path corpus) throws Exception {
        return Python.run(List.of(Python.repoFile("training/corpus/hit_variants.py").toString(), corpus.toString(),
                "--variants", "2"));
    }

    /** Beats of the crashes at full velocity: only a hit plays one (everything else is softened). */
    private static List<Double> hitBeats(TokenPiece piece) {
        List<Double> beats = new ArrayList<>();
        for (StemPart p : piece.parts()) {
            if (p.percussion()) {
                p.notes().stream().filter(n -> n.pitch() == CRASH && n.velocity() == FULL)
                        .forEach(n -> beats.add(piece.tempoMap().beatAt(n.startSeconds())));
            }
        }
        return beats;
    }

    private static void assertHitsOnBeatsAfterSilence(TokenPiece variant, List<Double> hits, String id) {
        TempoMap map = variant.tempoMap();
        StemPart drums = variant.parts().stream().filter(StemPart::percussion).findFirst().orElseThrow();
        for (double hit : hits) {
            assertEquals(Math.rint(hit), hit, EPS, id + ": hit at beat " + hit + " is not on a beat");
            assertTrue(drums.notes().stream().anyMatch(n -> n.pitch() == KICK && n.velocity() == FULL
                    && Math.abs(map.beatAt(n.startSeconds()) - hit) < EPS), id + ": no kick with the hit at beat " + hit);
            for (StemPart p : variant.parts()) {
                for (Note n : p.notes()) {
                    double on = map.beatAt(n.startSeconds());
                    double off = map.beatAt(n.startSeconds() + n.durationSeconds());
                    assertTrue(off <= hit - 1 + EPS || on >= hit - EPS,
                            id + ": a note sounds from beat " + on + " to " + off + ", in the beat before the hit at " + hit);
                }
            }
        }
    }

    /**
     * Each note is the piece's note of the same program and key at the same onset, softer and no
     * longer; or, at full velocity on a hit, one that starts in the beat after it in the piece.
     */
    private static void assertNotesFromThePiece(TokenPiece original, TokenPiece variant, List<Double> hits, String id) {
        TempoMap map = original.tempoMap();
        Map<String, Note> notes = new HashMap<>();
        Map<String, List<Double>> onsets = new HashMap<>();
        for (StemPart p : original.parts()) {
            for (Note n : p.notes()) {
                double beat = map.beatAt(n.startSeconds());
                notes.put(voice(p, n.pitch()) + "@" + Math.round(beat * 12), n);
                onsets.computeIfAbsent(voice(p, n.pitch()), k -> new ArrayList<>()).add(beat);
            }
        }
        int softened = 0;
        for (StemPart p : variant.parts()) {
            for (Note n : p.notes()) {
                double beat = map.beatAt(n.startSeconds());
                if (n.velocity() == FULL && hits.stream().anyMatch(h -> Math.abs(h - beat) < EPS)) {
                    boolean hitNote = p.percussion() && (n.pitch() == CRASH || n.pitch() == KICK)
                            || onsets.getOrDefault(voice(p, n.pitch()), List.of()).stream().anyMatch(b -> b >= beat - EPS && b < beat + 1 - EPS);
                    assertTrue(hitNote, id + ": " + voice(p, n.pitch()) + " on the hit at beat " + beat + " is not from the beat after it");
                    continue;
                }
                Note from = notes.get(voice(p, n.pitch()) + "@" + Math.round(beat * 12));
                assertTrue(from != null, id + ": " + voice(p, n.pitch()) + " at beat " + beat + " is not a note of the piece");
                assertTrue(n.velocity() <= from.velocity() && n.durationSeconds() <= from.durationSeconds() + EPS,
                        id + ": " + voice(p, n.pitch()) + " at beat " + beat + " is not softer and no longer");
                softened++;
            }
        }
        assertTrue(softened > 0, id + ": no section notes");
    }

    private static String voice(StemPart part, int key) {
        return part.program() + (part.percussion() ? "d" : "p") + key;
    }
}
