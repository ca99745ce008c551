package org.v2mzero.models.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.protocol.BadInputException;

class Sf2HeaderTest {
    @TempDir
    Path dir;

    @Test
    void readsVersionAndNameOfSf2() throws Exception {
        Path file = write("tiny.sf2", sfbk(2, 1, "Tiny Bank"));
        Sf2Header header = Sf2Header.read(file);
        assertEquals(2, header.major());
        assertEquals(1, header.minor());
        assertEquals("2.1", header.version());
        assertEquals("Tiny Bank", header.name());
    }

    @Test
    void refusesSf3WithTheReason() throws Exception {
        Path file = write("compressed.sf3", sfbk(3, 1, "Musescore"));
        var e = assertThrows(BadInputException.class, () -> Sf2Header.read(file));
        assertEquals(file + " is an SF3 (compressed) soundfont (version 3.1); Java's synthesizer renders it as"
                + " noise: use an SF2 such as fluid-soundfont-gm", e.getMessage());
    }

    @Test
    void refusesFileThatIsNotRiff() throws Exception {
        Path file = write("song.mid", "MThd\0\0\0\6\0\1\0\2\3\300".getBytes(StandardCharsets.ISO_8859_1));
        var e = assertThrows(BadInputException.class, () -> Sf2Header.read(file));
        assertEquals(file + ": not a soundfont (no RIFF header)", e.getMessage());
    }

    @Test
    void refusesRiffOfAnotherForm() throws Exception {
        byte[] wave = sfbk(2, 1, "x");
        System.arraycopy("WAVE".getBytes(StandardCharsets.US_ASCII), 0, wave, 8, 4);
        Path file = write("sound.wav", wave);
        var e = assertThrows(BadInputException.class, () -> Sf2Header.read(file));
        assertEquals(file + ": not a soundfont (RIFF form is not sfbk)", e.getMessage());
    }

    @Test
    void refusesTruncatedFile() throws Exception {
        byte[] whole = sfbk(2, 1, "Tiny Bank");
        Path file = write("cut.sf2", Arrays.copyOf(whole, 26));
        var e = assertThrows(BadInputException.class, () -> Sf2Header.read(file));
        assertEquals(file + ": truncated soundfont (file ends inside its header)", e.getMessage());
    }

    @Test
    void refusesMissingFile() {
        Path file = dir.resolve("absent.sf2");
        var e = assertThrows(BadInputException.class, () -> Sf2Header.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    }

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    /** A minimal SoundFont header: RIFF sfbk with LIST INFO holding ifil and INAM (no sample data). */
    static byte[] sfbk(int major, int minor, String name) {
        byte[] inam = Arrays.copyOf(name.getBytes(StandardCharsets.US_ASCII), name.length() + 2 & ~1);
        ByteBuffer info = ByteBuffer.allocate(4 + 12 + 8 + inam.length).order(ByteOrder.LITTLE_ENDIAN);
        info.put(ascii("INFO")).put(ascii("ifil")).putInt(4).putShort((short) major).putShort((short) minor);
        info.put(ascii("INAM")).putInt(inam.length).put(inam);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer head = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
        head.put(ascii("RIFF")).putInt(4 + 8 + info.capacity()).put(ascii("sfbk")).put(ascii("LIST")).putInt(info.capacity());
        out.writeBytes(head.array());
        out.writeBytes(info.array());
        return out.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
