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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.models.compose.Note;
import org.v2mzero.models.compose.StemPart;
import org.v2mzero.protocol.TempoMap;

/**
 * {@code training/corpus/sparse_variants.py} (rests and left-out instruments cut into corpus pieces)
 * writes what Java's grammar accepts, and takes notes away without adding or moving any: every note of
 * a variant is a note of its piece, no longer than there, and each variant rests where its piece played.
 * {@code --append} adds variants of another kind to that corpus, and refuses a name it already holds.
 */
class SparseVariantsPythonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void variantsAreGrammaticalSubsetsOfTheirPieceWithRests() throws Exception {
        Python.requireMido(); // v2m_tokens, which the script shares, is the corpus tokenizer
        Map<String, int[]> pieces = TokenFixtures.corpus("freedoom/piece0", "freedoom/piece1", "freedoom/piece2",
                "freedoom/piece3", "freedoom/piece4", "mma/piece5");
        Path source = Files.createDirectories(dir.resolve("source"));
        Files.writeString(source.resolve("tokens.jsonl"), TokenFixtures.jsonl(pieces));

        Path out = dir.resolve("out/tokens.jsonl");
        Python.Result result = sparseVariants(source, "--variants", "2", "--sources", "freedoom");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals(5 * 3, Files.readAllLines(out).size(), "5 freedoom pieces and 2 variants each; the mma piece left out");
        result = sparseVariants(source, "--append", "--name", "sparseb", "--variants", "1",
                "--play-beats", "2,6", "--rest-beats", "2,4", "--seed", "2");
        assertEquals(0, result.exitCode(), result.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(5 * 4, lines.size(), "--append adds one more variant of each piece, not the pieces again");
        assertEquals(5, lines.stream().filter(l -> l.contains("~sparseb1\"")).count());

        result = sparseVariants(source, "--append", "--name", "sparseb");
        assertTrue(result.exitCode() != 0 && result.err().contains("already has variants named sparseb"), result.err());
        assertEquals(lines, Files.readAllLines(out), "a refused --append leaves the corpus as it was");
        for (String line : lines) {
            JsonNode piece = JSON.readTree(line);
            String id = piece.get("id").asText();
            int[] tokens = JSON.treeToValue(piece.get("tokens"), int[].class);
            String base = id.split("~")[0];
            if (id.equals(base)) {
                assertArrayEquals(pieces.get(id), tokens, id + ": the piece itself, unchanged");
                continue;
            }
            TokenGrammar.check(tokens);
            TokenPiece original = MidiTokenizer.decode(pieces.get(base));
            TokenPiece variant = MidiTokenizer.decode(tokens);
            assertNotesTakenFrom(original, variant, id);
            assertRestsWhereThePiecePlayed(original, variant, id);
        }
    }

    private Python.Result sparseVariants(Path source, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of(Python.repoFile("training/corpus/sparse_variants.py").toString(),
                source.toString(), dir.resolve("out").toString()));
        args.addAll(List.of(options));
        return Python.run(args);
    }

    /** Every note of the variant is one of the piece's (same program, onset and key), no longer. */
    private static void assertNotesTakenFrom(TokenPiece original, TokenPiece variant, String id) {
        Map<String, Note> notes = new HashMap<>();
        for (StemPart p : original.parts()) {
            p.notes().forEach(n -> notes.put(key(p, n), n));
        }
        int kept = 0;
        for (StemPart p : variant.parts()) {
            for (Note n : p.notes()) {
                Note from = notes.get(key(p, n));
                assertTrue(from != null, id + ": " + key(p, n) + " is not a note of the piece");
                assertTrue(n.durationSeconds() <= from.durationSeconds() + 1e-6, id + ": " + key(p, n) + " lengthened");
                kept++;
            }
        }
        assertTrue(kept > 0 && kept < notes.size(), id + ": kept " + kept + " of " + notes.size() + " notes");
    }

    /** Some whole beat in which the piece starts a note has nothing sounding in the variant. */
    private static void assertRestsWhereThePiecePlayed(TokenPiece original, TokenPiece variant, String id) {
        TempoMap map = original.tempoMap();
        List<double[]> sounding = new ArrayList<>();
        variant.parts().forEach(p -> p.notes().forEach(n -> sounding.add(new double[] {
                map.beatAt(n.startSeconds()), map.beatAt(n.startSeconds() + n.durationSeconds())})));
        int rests = 0;
        for (StemPart p : original.parts()) {
            for (Note n : p.notes()) {
                double beat = Math.floor(map.beatAt(n.startSeconds()) + 1e-6);
                if (sounding.stream().noneMatch(s -> s[0] < beat + 1 - 1e-6 && s[1] > beat + 1e-6)) {
                    rests++;
                }
            }
        }
        assertTrue(rests > 0, id + ": no beat of the piece's notes is silent in the variant");
    }

    private static String key(StemPart part, Note n) {
        return part.program() + (part.percussion() ? "d" : "p") + "@" + Math.round(n.startSeconds() * 1e4) + ":" + n.pitch();
    }
}
