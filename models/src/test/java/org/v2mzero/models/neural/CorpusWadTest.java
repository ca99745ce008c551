package org.v2mzero.models.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.models.compose.Note;
import org.v2mzero.models.compose.StemPart;
import org.v2mzero.models.render.MidiFiles;
import org.v2mzero.protocol.TempoMap;

/**
 * The corpus builder's WAD reader ({@code training/corpus/wad.py}), the one format it parses itself:
 * freedoom's music lumps come out byte for byte, other lumps and Doom's MUS music stay in.
 */
class CorpusWadTest {
    @TempDir
    Path dir;
    private Path script;

    @BeforeEach
    void python() {
        Python.requirePython();
        script = Python.repoFile("training/corpus/wad.py");
    }

    @Test
    void theMidiMusicLumpsComeOutByteForByte() throws Exception {
        byte[] e1m1 = midi(dir.resolve("a.mid"), 60);
        byte[] runnin = midi(dir.resolve("b.mid"), 64);
        Map<String, byte[]> lumps = new LinkedHashMap<>();
        lumps.put("MAP01", "not music".getBytes(StandardCharsets.US_ASCII));
        lumps.put("D_E1M1", e1m1);
        lumps.put("D_OLDMUS", new byte[] {'M', 'U', 'S', 0x1A, 0, 0});
        lumps.put("D_RUNNIN", runnin);
        Path wad = dir.resolve("test.wad");
        Files.write(wad, wad(lumps));
        Path out = dir.resolve("out");

        Python.Result result = Python.run(List.of(script.toString(), wad.toString(), out.toString()));

        assertEquals(0, result.exitCode(), result.err());
        assertEquals(List.of("D_E1M1 midi " + e1m1.length + " bytes", "D_RUNNIN midi " + runnin.length + " bytes",
                "D_OLDMUS skipped: not a Standard MIDI File (starts b'MUS\\x1a')"), result.out().lines().toList());
        assertArrayEquals(e1m1, Files.readAllBytes(out.resolve("D_E1M1.mid")));
        assertArrayEquals(runnin, Files.readAllBytes(out.resolve("D_RUNNIN.mid")));
        assertFalse(Files.exists(out.resolve("D_OLDMUS.mid")));
    }

    @Test
    void aCutWadIsOneLineNamingItAndTheLump() throws Exception {
        Map<String, byte[]> lumps = new LinkedHashMap<>();
        lumps.put("D_E1M1", midi(dir.resolve("a.mid"), 60));
        byte[] whole = wad(lumps);
        // Cut after the directory: its entry still names the lump, whose bytes now run past the end.
        Path cut = dir.resolve("cut.wad");
        Files.write(cut, Arrays.copyOf(whole, 40));
        Path notWad = dir.resolve("text.wad");
        Files.writeString(notWad, "hello");

        Python.Result cutResult = Python.run(List.of(script.toString(), cut.toString(), dir.resolve("o").toString()));
        Python.Result textResult = Python.run(List.of(script.toString(), notWad.toString(), dir.resolve("o").toString()));

        assertEquals(1, cutResult.exitCode());
        assertEquals(cut + ": lump 0 (D_E1M1) at byte 28, " + lumps.get("D_E1M1").length
                + " bytes, runs past the end (40 bytes)", cutResult.err().trim());
        assertEquals(1, textResult.exitCode());
        assertEquals(notWad + ": not a WAD (expected: an IWAD or PWAD header)", textResult.err().trim());
    }

    private static byte[] midi(Path file, int key) throws Exception {
        MidiFiles.writeType1(file, TempoMap.constant(120, 4),
                List.of(new StemPart("p", 0, false, List.of(new Note(0, 0.5, key, 90)))));
        return Files.readAllBytes(file);
    }

    /** A PWAD: header, the directory right after it, then the lumps' bytes. */
    private static byte[] wad(Map<String, byte[]> lumps) {
        int table = 12;
        int data = table + 16 * lumps.size();
        ByteBuffer header = ByteBuffer.allocate(data).order(ByteOrder.LITTLE_ENDIAN);
        header.put("PWAD".getBytes(StandardCharsets.US_ASCII)).putInt(lumps.size()).putInt(table);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> lump : lumps.entrySet()) {
            header.putInt(data + body.size()).putInt(lump.getValue().length);
            header.put(Arrays.copyOf(lump.getKey().getBytes(StandardCharsets.US_ASCII), 8));
            body.writeBytes(lump.getValue());
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(header.array());
        all.writeBytes(body.toByteArray());
        return all.toByteArray();
    }
}
