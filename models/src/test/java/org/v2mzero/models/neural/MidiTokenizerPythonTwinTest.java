package org.v2mzero.models.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
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

    /**
     * The rules of TOKENS.md for what {@link MidiFiles} never writes, on a type 0 file at 480 ticks per
     * quarter: a metre change inside a bar applies from the next bar, a program change switches the
     * channel's later notes, channel 10 is the drum kit, a note left open closes at the track's end.
     */
    @Test
    void pythonReadsWhatOtherMidiFilesHoldAsTokensMdSays() throws Exception {
        Sequence seq = new Sequence(Sequence.PPQ, 480);
        Track t = seq.createTrack();
        t.add(meta(0x58, new byte[] {6, 3, 24, 8}, 0));
        t.add(meta(0x51, new byte[] {0x09, 0x27, (byte) 0xC0}, 0)); // 600000 us: 100 bpm
        t.add(shortMessage(ShortMessage.PROGRAM_CHANGE, 0, 40, 0, 0));
        t.add(shortMessage(ShortMessage.NOTE_ON, 0, 60, 100, 0));
        t.add(shortMessage(ShortMessage.NOTE_OFF, 0, 60, 0, 480));
        t.add(shortMessage(ShortMessage.PROGRAM_CHANGE, 0, 41, 0, 1440)); // bar 1 of 6/8
        t.add(shortMessage(ShortMessage.NOTE_ON, 0, 62, 90, 1440));
        t.add(shortMessage(ShortMessage.NOTE_ON, 0, 62, 0, 1680));
        t.add(meta(0x58, new byte[] {7, 3, 24, 8}, 2000)); // inside bar 1: from bar 2 (tick 2880)
        t.add(shortMessage(ShortMessage.NOTE_ON, 9, 36, 80, 2880));
        t.add(shortMessage(ShortMessage.NOTE_OFF, 9, 36, 0, 2900));
        t.add(meta(0x51, new byte[] {0x06, (byte) 0x8E, 0x77}, 4560)); // 429687 us: 139.6 bpm, bar 3
        t.add(shortMessage(ShortMessage.NOTE_ON, 0, 64, 70, 4560));
        t.add(meta(0x2F, new byte[0], 5520)); // end of track, 64 still sounding
        Path file = dir.resolve("type0.mid");
        MidiSystem.write(seq, 0, file.toFile());

        TempoMap map = new TempoMap(3, List.of(new TempoMap.Change(0, 0, 100), new TempoMap.Change(9.5, 5.7, 140)));
        List<StemPart> parts = List.of(
                new StemPart("violin", 40, false, List.of(note(map, 0, 1, 60, 100))),
                new StemPart("viola", 41, false, List.of(note(map, 3, 0.5, 62, 90), note(map, 9.5, 2, 64, 70))),
                new StemPart("kit", 0, true, List.of(note(map, 6, 1 / 12.0, 36, 80))));
        int[] java = MidiTokenizer.encode(new TokenPiece(List.of(new Metre(0, 6, 8), new Metre(2, 7, 8)), map, parts));

        Python.Result result = Python.run(List.of(script.toString(), file.toString()));

        assertEquals(0, result.exitCode(), result.err());
        assertEquals(MidiTokenizerTest.names(java), MidiTokenizerTest.names(
                Arrays.stream(result.out().trim().split(" ")).mapToInt(Integer::parseInt).toArray()));
    }

    private static Note note(TempoMap map, double beat, double beats, int key, int velocity) {
        double start = map.secondsAt(beat);
        return new Note(start, map.secondsAt(beat + beats) - start, key, velocity);
    }

    private static MidiEvent meta(int type, byte[] data, long tick) throws Exception {
        return new MidiEvent(new MetaMessage(type, data, data.length), tick);
    }

    private static MidiEvent shortMessage(int command, int channel, int data1, int data2, long tick) throws Exception {
        return new MidiEvent(new ShortMessage(command, channel, data1, data2), tick);
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
