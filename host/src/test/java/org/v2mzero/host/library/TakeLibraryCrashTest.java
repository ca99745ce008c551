package org.v2mzero.host.library;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.v2mzero.host.library.TestTakes.T0;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.host.take.TakeWriter;
import org.v2mzero.models.render.WavReader;
import org.v2mzero.protocol.TakeManifest;

/** A writer killed with SIGKILL (a crashed job, a killed daemon): the library must not care. */
class TakeLibraryCrashTest {
    private static final Duration WAIT = Duration.ofSeconds(8);

    @TempDir
    Path library;

    @Test
    void aWriterKilledMidTakeLeavesNoHalfTakeAndTheLibraryWorks() throws Exception {
        TakeLibrary before = TakeLibrary.open(library);
        before.add(TestTakes.publish(library, "one", T0));
        before.add(TestTakes.publish(library, "two", T0.plusSeconds(1)));
        byte[] mixOfOne = Files.readAllBytes(library.resolve("one").resolve(TakeWriter.MIX));

        String staging;
        try (ChildJvm child = ChildJvm.start(List.of(), LibraryChild.class, "slow", library.toString())) {
            staging = child.awaitLine("writing ", WAIT).substring("writing ".length());
            child.process().destroyForcibly();
            assertNotEquals(0, child.awaitExit(WAIT), "killed, not finished");
        }
        // The kill really came mid-take: its staging folder holds a manifest and part of a big file.
        Path half = library.resolve(staging);
        assertTrue(Files.isRegularFile(half.resolve(TakeWriter.MANIFEST)), "the half take has its manifest");
        assertTrue(Files.size(half.resolve("big.wav")) > 3 * 65536, "killed while writing big.wav");

        TakeLibrary after = TakeLibrary.open(library);

        assertEquals(before.list(), after.list(), "the same takes, none half");
        assertEquals(List.of(), after.problems());
        assertArrayEquals(mixOfOne, Files.readAllBytes(after.file("one", TakeWriter.MIX)));
        TakeManifest three = after.add(TestTakes.publish(library, "three", T0.plusSeconds(2)));
        assertEquals(List.of("one", "two", "three"), ids(after));
        assertEquals(List.of("one", "two", "three"), ids(TakeLibrary.open(library)));
        assertEquals("three", three.takeId());
    }

    @Test
    void aWriterKilledAfterPublishingLeavesAWholeTake() throws Exception {
        String id;
        try (ChildJvm child = ChildJvm.start(List.of(), LibraryChild.class, "publish", library.toString())) {
            id = child.awaitLine("published ", WAIT).substring("published ".length());
            child.process().destroyForcibly();
            assertNotEquals(0, child.awaitExit(WAIT), "killed, not finished");
        }

        TakeLibrary takes = TakeLibrary.open(library);

        assertEquals(List.of(id), ids(takes));
        assertEquals(List.of(), takes.problems());
        TakeManifest m = takes.find(id).orElseThrow();
        assertEquals(TestTakes.manifest(id, T0.plusSeconds(7200), 0.5), m);
        float[][] expected = TestTakes.tone(0.5);
        for (String wav : List.of(m.mix(), m.stems().get(0).wav(), m.stems().get(1).wav())) {
            float[][] samples = WavReader.read(takes.file(id, wav)).samples();
            assertEquals(expected[0].length, samples[0].length, wav + ": every frame");
            assertArrayEquals(expected[1], samples[1], 1f / (1 << 22), wav + ": the samples written");
        }
    }

    private static List<String> ids(TakeLibrary takes) {
        return takes.list().stream().map(TakeManifest::takeId).toList();
    }
}
