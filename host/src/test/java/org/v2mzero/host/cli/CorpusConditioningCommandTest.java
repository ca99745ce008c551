package org.v2mzero.host.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.models.compose.Note;
import org.v2mzero.models.compose.StemPart;
import org.v2mzero.models.neural.CurveFeatures;
import org.v2mzero.models.neural.MidiTokenizer;
import org.v2mzero.models.neural.TokenClock;
import org.v2mzero.models.text.MiniLmEncoder;
import org.v2mzero.protocol.TempoMap;

/** {@code v2m corpus-conditioning} on a two-piece corpus the test writes, with the shipped MiniLM encoder. */
class CorpusConditioningCommandTest {
    @TempDir
    Path corpus;

    @Test
    void writesOneCurveRowPerTokenAndOneStyleRowPerPieceInCorpusOrder() throws Exception {
        int[] a = piece(60, 4);
        int[] b = piece(72, 2);
        int[] other = piece(48, 1);
        Files.writeString(corpus.resolve("tokens.jsonl"), line("freedoom/a", a) + line("mma/x", other) + line("freedoom/b", b));

        CliRun run = CliRun.of("corpus-conditioning", corpus.toString(), "--sources", "freedoom", "--threads", "2");
        assertEquals(0, run.exitCode(), run.toString());

        Path dir = corpus.resolve("conditioning");
        JsonNode index = new ObjectMapper().readTree(dir.resolve("index.json").toFile());
        assertEquals("v2m-cond-3", index.get("format").asText());
        assertEquals(384, index.get("styleDimensions").asInt());
        assertEquals(CurveFeatures.SIZE, index.get("curveFeatures").asInt());
        List<String> channels = new ArrayList<>();
        index.get("hitChannels").forEach(n -> channels.add(n.asText()));
        assertEquals(CurveFeatures.hitChannels(), channels);
        JsonNode pieces = index.get("pieces");
        assertEquals(List.of("freedoom/a", "freedoom/b"), List.of(pieces.get(0).get("id").asText(), pieces.get(1).get("id").asText()));
        assertEquals(0, pieces.get(0).get("offset").asLong());
        assertEquals(a.length, pieces.get(0).get("count").asInt());
        assertEquals(a.length, pieces.get(1).get("offset").asLong());
        assertEquals(b.length, pieces.get(1).get("count").asInt());
        assertEquals((a.length + b.length) * (long) CurveFeatures.SIZE * Float.BYTES, Files.size(dir.resolve("curve.f32")));

        float[] styles = floats(dir.resolve("style.f32"));
        assertEquals(2 * 384, styles.length);
        try (MiniLmEncoder encoder = MiniLmEncoder.load()) {
            float[] expected = encoder.embed(pieces.get(1).get("description").asText());
            assertArrayEquals(expected, Arrays.copyOfRange(styles, 384, 768), 1e-5f);
        }
        // Rows past a piece's rendered end are 0 (the curve's mean), never a held edge value.
        float[] rows = floats(dir.resolve("curve.f32"));
        double[] times = TokenClock.times(a);
        double end = pieces.get(0).get("seconds").asDouble();
        for (int i = 0; i < a.length; i++) {
            if (times[i] + 1.0 > end) {
                assertEquals(0f, rows[i * CurveFeatures.SIZE + 5], "token " + i + " at " + times[i] + " s, piece ends at " + end);
            }
        }
        assertTrue(run.out().contains("wrote " + dir + " (2 pieces)"), run.out());
    }

    @Test
    void aBadLineIsNamedByFileAndLineAndNothingIsWritten() throws Exception {
        Files.writeString(corpus.resolve("tokens.jsonl"), line("freedoom/a", piece(60, 1)) + "{\"id\": 3}\n");
        CliRun run = CliRun.of("corpus-conditioning", corpus.toString());
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("tokens.jsonl:2: expected {\"id\": text, \"tokens\": [ids]}"), run.err());
        assertTrue(Files.notExists(corpus.resolve("conditioning")), "nothing written");
    }

    /** One part of quarter notes for {@code bars} bars of 4/4 at 120 bpm. */
    private static int[] piece(int pitch, int bars) {
        Note[] notes = new Note[bars * 4];
        for (int i = 0; i < notes.length; i++) {
            notes[i] = new Note(i * 0.5, 0.5, pitch + i % 5, 90);
        }
        return MidiTokenizer.encode(List.of(new StemPart("piano", 0, false, List.of(notes))), TempoMap.constant(120, 4));
    }

    private static String line(String id, int[] tokens) {
        return "{\"id\": \"" + id + "\", \"tokens\": " + Arrays.toString(tokens) + "}\n";
    }

    private static float[] floats(Path file) throws Exception {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[bytes.remaining() / Float.BYTES];
        bytes.asFloatBuffer().get(out);
        return out;
    }
}
