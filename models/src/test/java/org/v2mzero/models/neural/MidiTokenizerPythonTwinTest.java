package org.v2mzero.models.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.models.compose.Note;
import org.v2mzero.models.compose.StemPart;
import org.v2mzero.models.render.MidiFiles;
import org.v2mzero.protocol.TempoMap;

/**
 * The Python twin ({@code training/v2m_tokens.py}, which tokenizes the training corpus) gives the very
 * ids Java gives: Java encodes stems and a tempo map, Python the MIDI file {@link MidiFiles} wrote of them.
 */
class MidiTokenizerPythonTwinTest {
    @TempDir
    Path dir;
    private Path script;

    @BeforeEach
    void python() throws Exception {
        Python.requireMido();
        script = Python.repoFile("training/v2m_tokens.py");
    }

    @Test
    void pythonGivesJavasTokensForTheFilesMidiFilesWrites() throws Exception {
        List<String> args = new ArrayList<>(List.of(script.toString()));
        List<int[]> expected = new ArrayList<>();
        for (int seed = 0; seed < 24; seed++) {
            Random r = new Random(seed);
            int bars = 2 + r.nextInt(5);
            boolean onGrid = seed % 3 == 0;
            TempoMap map = TokenFixtures.tempoMap(r, 1 + r.nextInt(8), bars, onGrid);
            List<StemPart> parts = new ArrayList<>(TokenFixtures.parts(r, map, bars, onGrid));
            if (seed % 4 == 1) {
                parts.add(sameProgramAs(parts.get(1), r));
            }
            if (seed == 5) {
                parts.clear();
            }
            Path file = dir.resolve("piece" + seed + ".mid");
            MidiFiles.writeType1(file, map, parts);
            args.add(file.toString());
            expected.add(MidiTokenizer.encode(parts, map));
        }

        Python.Result result = Python.run(args);

        assertEquals(0, result.exitCode(), result.err());
        String[] lines = result.out().split("\n");
        assertEquals(expected.size(), lines.length, result.out());
        long tokens = 0;
        for (int i = 0; i < lines.length; i++) {
            int[] python = Arrays.stream(lines[i].trim().split(" ")).mapToInt(Integer::parseInt).toArray();
            assertSameTokens(expected.get(i), python, args.get(i + 1));
            tokens += python.length;
        }
        assertTrue(tokens > 10_000, "tokens compared: " + tokens);
    }

    @Test
    void pythonNamesTokensAsJavaDoes() throws Exception {
        Random r = new Random(7);
        TempoMap map = TokenFixtures.tempoMap(r, 7, 3, false);
        List<StemPart> parts = TokenFixtures.parts(r, map, 3, false);
        Path file = dir.resolve("names.mid");
        MidiFiles.writeType1(file, map, parts);

        Python.Result result = Python.run(List.of(script.toString(), "--names", file.toString()));

        assertEquals(0, result.exitCode(), result.err());
        assertEquals(MidiTokenizerTest.names(MidiTokenizer.encode(parts, map)), result.out().trim());
    }

    /** A file that is no MIDI, or is cut short, is one line on stderr naming it; the others still come out. */
    @Test
    void aBrokenFileIsOneLineNamingIt() throws Exception {
        Path good = dir.resolve("good.mid");
        MidiFiles.writeType1(good, TempoMap.constant(120, 4), List.of());
        Path cut = dir.resolve("cut.mid");
        Files.write(cut, Arrays.copyOf(Files.readAllBytes(good), 30));
        Path text = dir.resolve("text.mid");
        Files.writeString(text, "not midi");

        Python.Result result = Python.run(List.of(script.toString(), cut.toString(), good.toString(), text.toString()));

        assertEquals(1, result.exitCode());
        assertEquals("1 15 160 2", result.out().trim());
        String[] errors = result.err().trim().split("\n");
        assertEquals(2, errors.length, result.err());
        assertTrue(errors[0].startsWith(cut + ": not a readable MIDI file ("), errors[0]);
        assertTrue(errors[1].startsWith(text + ": not a readable MIDI file ("), errors[1]);
    }

    /** A second part on the same program, sharing some notes with it: tokens merge both, on either side. */
    private static StemPart sameProgramAs(StemPart part, Random r) {
        List<Note> notes = part.notes().stream().filter(n -> r.nextInt(3) == 0).toList();
        return new StemPart("double", part.program(), false, notes);
    }

    private static void assertSameTokens(int[] java, int[] python, String file) {
        int n = Math.min(java.length, python.length);
        for (int i = 0; i < n; i++) {
            if (java[i] != python[i]) {
                int from = Math.max(0, i - 6);
                throw new AssertionError(file + ": tokens[" + i + "] Java " + Vocabulary.name(java[i]) + ", Python "
                        + Vocabulary.name(python[i]) + "; before: "
                        + MidiTokenizerTest.names(Arrays.copyOfRange(java, from, i)));
            }
        }
        assertEquals(java.length, python.length, file + ": token count");
    }
}
