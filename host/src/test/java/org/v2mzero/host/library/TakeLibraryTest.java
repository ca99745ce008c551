package org.v2mzero.host.library;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.v2mzero.host.library.TestTakes.T0;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.host.daemon.NotFoundException;
import org.v2mzero.host.take.TakeStaging;
import org.v2mzero.host.take.TakeWriter;
import org.v2mzero.protocol.BadInputException;
import org.v2mzero.protocol.Json;
import org.v2mzero.protocol.TakeManifest;

class TakeLibraryTest {
    @TempDir
    Path dir;

    @Test
    void aRestartedDaemonListsTheSameTakesInTheSameOrder() throws IOException {
        Path library = dir.resolve("takes");
        TakeLibrary daemon = TakeLibrary.open(library);
        assertTrue(Files.isDirectory(library), "open creates the folder");
        // Published out of order: the list is by createdAt, then takeId, not by name or publish time.
        TakeManifest late = daemon.add(TestTakes.publish(library, "a-late", T0.plusSeconds(20)));
        TakeManifest zeta = daemon.add(TestTakes.publish(library, "zeta", T0.plusSeconds(10)));
        TakeManifest alpha = daemon.add(TestTakes.publish(library, "alpha", T0.plusSeconds(10)));
        TakeManifest first = daemon.add(TestTakes.publish(library, "z-first", T0));

        List<TakeManifest> expected = List.of(first, alpha, zeta, late);
        assertEquals(expected, daemon.list());
        assertEquals(TestTakes.manifest("alpha", T0.plusSeconds(10), 0.1), alpha, "the manifest as written");

        TakeLibrary restarted = TakeLibrary.open(library);
        assertEquals(expected, restarted.list());
        assertEquals(List.of(), restarted.problems());
        assertEquals(Optional.of(zeta), restarted.find("zeta"));
        assertEquals(library.resolve("zeta"), restarted.takeDir("zeta"));
    }

    @Test
    void aBrokenTakeIsSkippedAndReportedAndStagingIsIgnored() throws IOException {
        Path library = dir.resolve("takes");
        String good = TestTakes.publish(library, "good", T0).getFileName().toString();
        Path corrupt = TestTakes.publish(library, "corrupt", T0.plusSeconds(1));
        Files.writeString(corrupt.resolve(TakeWriter.MANIFEST), "{ \"takeId\": \"corrupt\", ");
        Path renamed = TestTakes.publish(library, "renamed", T0.plusSeconds(2));
        Files.move(renamed, library.resolve("copy-of-renamed"));
        Files.createDirectories(library.resolve("notes"));
        Files.writeString(library.resolve("README.txt"), "not a folder, not a take");
        // A take still being written (its manifest already there) and one a crash left behind.
        TakeStaging writing = TakeStaging.open(library, "writing");
        TestTakes.write(writing.dir(), writing.takeId(), T0, 0.1);
        Files.createDirectories(library.resolve(".v2m-staging-crashed"));

        TakeLibrary takes = TakeLibrary.open(library);

        assertEquals(List.of(good), ids(takes));
        List<String> problems = takes.problems();
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("take copy-of-renamed: manifest.json names take renamed"),
                problems.get(0));
        assertTrue(problems.get(1).startsWith("take corrupt: manifest.json unreadable (not a valid TakeManifest"),
                problems.get(1));
        assertEquals("take notes: no manifest.json", problems.get(2));
        problems.forEach(p -> assertFalse(p.contains("\n") || p.contains(dir.toString()), "one short line: " + p));
        writing.close();
    }

    @Test
    void anUnusableFolderIsOneClearLine() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");

        BadInputException e = assertThrows(BadInputException.class, () -> TakeLibrary.open(file));

        assertEquals(file + ": cannot use as take library (a file, not a folder, is in the way)", e.getMessage());
    }

    @Test
    void fileServesOnlyTheFilesTheManifestLists() throws IOException {
        Path library = dir.resolve("takes");
        Path take = TestTakes.publish(library, "clip", T0);
        String id = take.getFileName().toString();
        TakeLibrary takes = TakeLibrary.open(library);

        List<String> listed = List.of("manifest.json", "mix.wav", "score.mid", "curve.json", "drums.wav", "drums.mid",
                "bass.wav", "bass.mid");
        for (String name : listed) {
            Path served = takes.file(id, name);
            assertArrayEquals(Files.readAllBytes(take.resolve(name)), Files.readAllBytes(served), name);
            assertEquals(take.toRealPath().resolve(name), served);
        }

        Files.writeString(library.resolve("x"), "beside the takes");
        Files.writeString(take.resolve("notes.txt"), "in the take, not in its manifest");
        for (String name : List.of("../x", "/etc/passwd", "mix.wav/../../x", "notes.txt", "", ".", "..",
                "mix.wav\u0000", "MIX.WAV", "./mix.wav")) {
            assertThrows(NotFoundException.class, () -> takes.file(id, name), name);
        }
        assertThrows(NotFoundException.class, () -> takes.file(id, null));
        assertThrows(NotFoundException.class, () -> takes.file("../takes/" + id, "mix.wav"));
        assertThrows(NotFoundException.class, () -> takes.file("no-such-take", "mix.wav"));
    }

    @Test
    void aLinkPlantedInATakeDoesNotLeadOut() throws IOException {
        Path library = dir.resolve("takes");
        Path take = TestTakes.publish(library, "clip", T0);
        String id = take.getFileName().toString();
        Path secret = Files.writeString(dir.resolve("secret.wav"), "outside the library");
        Files.delete(take.resolve("drums.wav"));
        Files.createSymbolicLink(take.resolve("drums.wav"), secret);
        Files.delete(take.resolve("bass.wav"));
        Files.createSymbolicLink(take.resolve("bass.wav"), Path.of("../../secret.wav"));
        Files.createSymbolicLink(library.resolve("linked"), take);
        TakeLibrary takes = TakeLibrary.open(library);

        NotFoundException e = assertThrows(NotFoundException.class, () -> takes.file(id, "drums.wav"));
        assertEquals("take clip: drums.wav is not a file of the take's folder", e.getMessage());
        assertThrows(NotFoundException.class, () -> takes.file(id, "bass.wav"));
        assertTrue(Files.isRegularFile(takes.file(id, "mix.wav")), "the rest of the take is served");
        assertEquals(List.of("clip"), ids(takes));
        assertEquals(List.of("take linked: a symbolic link, not a folder of the library"), takes.problems());
    }

    @Test
    void aManifestThatNamesAPathOutsideIsNotFollowed() throws IOException {
        Path library = dir.resolve("takes");
        Path take = TestTakes.publish(library, "clip", T0);
        Files.writeString(library.resolve("x"), "beside the takes");
        TakeManifest m = Json.read(take.resolve(TakeWriter.MANIFEST), TakeManifest.class);
        TakeManifest hostile = new TakeManifest(m.formatVersion(), m.takeId(), m.createdAt(), m.source(), m.project(),
                m.sourceOffsetSeconds(), m.timelineOffsetSeconds(), m.durationSeconds(), m.sampleRate(),
                m.bitsPerSample(), m.channels(), m.prompt(), m.seed(), m.generator(), m.style(), m.tempoMap(),
                m.soundfont(), m.curveDigest(), m.stems(), "../x", "/etc/passwd", m.curve(), m.styleMatch(),
                m.loudness(), m.lineage());
        Files.write(take.resolve(TakeWriter.MANIFEST), Json.writeBytes(hostile));
        TakeLibrary takes = TakeLibrary.open(library);

        assertEquals(List.of("clip"), ids(takes), "listed: the names are refused when served, not at scan");
        assertThrows(NotFoundException.class, () -> takes.file("clip", "../x"));
        assertThrows(NotFoundException.class, () -> takes.file("clip", "/etc/passwd"));
    }

    @Test
    void addRefusesAFolderOutsideTheLibrary() throws IOException {
        TakeLibrary takes = TakeLibrary.open(dir.resolve("takes"));
        Path elsewhere = TestTakes.publish(dir.resolve("other"), "clip", T0);

        BadInputException e = assertThrows(BadInputException.class, () -> takes.add(elsewhere));

        assertTrue(e.getMessage().contains("not a take folder of the library"), e.getMessage());
        assertEquals(List.of(), takes.list());
    }

    @Test
    void theCurrentTakeSurvivesARestart() throws IOException {
        Path library = dir.resolve("takes");
        String a = TestTakes.publish(library, "a", T0).getFileName().toString();
        String b = TestTakes.publish(library, "b", T0.plusSeconds(1)).getFileName().toString();
        TakeLibrary takes = TakeLibrary.open(library);
        String film = "/home/composer/film/film.RPP";
        String odd = "C:\\Users\\Zoë\\ü/\n" + "x".repeat(5000);

        assertEquals(Optional.empty(), takes.current(film));
        takes.setCurrent(film, a);
        takes.setCurrent(film, b);
        takes.setCurrent(odd, a);
        assertEquals(Optional.of(b), takes.current(film));

        NotFoundException e = assertThrows(NotFoundException.class, () -> takes.setCurrent(film, "no-such-take"));
        assertEquals("take no-such-take is not in the library " + library, e.getMessage());
        assertEquals(Optional.of(b), takes.current(film), "unchanged by a refused call");

        TakeLibrary restarted = TakeLibrary.open(library);
        assertEquals(Optional.of(b), restarted.current(film));
        assertEquals(Optional.of(a), restarted.current(odd));
        assertEquals(Optional.empty(), restarted.current("/another/project.ardour"));
        assertEquals(List.of(), restarted.problems());
        try (Stream<Path> files = Files.list(library.resolve(".v2m-state"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(2, names.size(), "one file per session, no temp files left: " + names);
            names.forEach(n -> assertTrue(n.matches("current-[0-9a-f]{64}\\.json"), n));
        }
    }

    @Test
    void aReaderNeverSeesAHalfWrittenPointer() throws Exception {
        Path library = dir.resolve("takes");
        String a = TestTakes.publish(library, "a", T0).getFileName().toString();
        String b = TestTakes.publish(library, "b", T0.plusSeconds(1)).getFileName().toString();
        TakeLibrary takes = TakeLibrary.open(library);
        takes.setCurrent("s", a);
        Path pointer = library.resolve(".v2m-state").resolve(CurrentTakes.fileName("s"));
        // What a crash mid-write leaves (AtomicFiles' temp sibling) must not count.
        Files.writeString(pointer.resolveSibling(".v2m-tmp-crashed-" + pointer.getFileName()),
                "{\"sessionKey\": \"s\"");

        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger reads = new AtomicInteger();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            while (!done.get()) {
                try {
                    String take = Json.read(pointer, CurrentTakes.Pointer.class).takeId();
                    assertTrue(take.equals(a) || take.equals(b), take);
                    reads.incrementAndGet();
                } catch (IOException e) {
                    throw new AssertionError("a reader saw a broken pointer file", e);
                }
            }
        });
        for (int i = 0; i < 400 && !reader.isDone(); i++) {
            takes.setCurrent("s", i % 2 == 0 ? b : a);
        }
        done.set(true);
        reader.get(10, TimeUnit.SECONDS);

        assertTrue(reads.get() > 0, "the reader ran");
        assertEquals(Optional.of(a), TakeLibrary.open(library).current("s"));
        assertEquals(List.of(), TakeLibrary.open(library).problems());
    }

    @Test
    void aPointerToATakeSomeoneDeletedIsReportedNotServed() throws IOException {
        Path library = dir.resolve("takes");
        String a = TestTakes.publish(library, "a", T0).getFileName().toString();
        TakeLibrary.open(library).setCurrent("/film.RPP", a);
        try (Stream<Path> files = Files.walk(library.resolve(a))) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }

        TakeLibrary restarted = TakeLibrary.open(library);

        assertEquals(Optional.empty(), restarted.current("/film.RPP"));
        assertEquals(List.of("session /film.RPP: its current take a is not in the library"), restarted.problems());
    }

    @Test
    void jobThreadsAddWhileHttpThreadsRead() throws Exception {
        Path library = dir.resolve("takes");
        TakeLibrary takes = TakeLibrary.open(library);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int job = 0; job < 4; job++) {
                int j = job;
                jobs.add(pool.submit(() -> {
                    for (int n = 0; n < 8; n++) {
                        takes.add(TestTakes.publish(library, "job" + j + "-" + n, T0.plusSeconds(n * 10L + j)));
                    }
                    return null;
                }));
            }
            List<Future<?>> readers = new ArrayList<>();
            for (int reader = 0; reader < 2; reader++) {
                readers.add(pool.submit(() -> {
                    while (!jobs.stream().allMatch(Future::isDone)) {
                        List<TakeManifest> list = takes.list();
                        list.forEach(m -> assertEquals(Optional.of(m), takes.find(m.takeId())));
                        for (int i = 1; i < list.size(); i++) {
                            assertTrue(list.get(i - 1).createdAt().compareTo(list.get(i).createdAt()) <= 0);
                        }
                        Thread.yield();
                    }
                    return null;
                }));
            }
            for (Future<?> f : jobs) {
                f.get(20, TimeUnit.SECONDS);
            }
            for (Future<?> f : readers) {
                f.get(20, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(32, takes.list().size(), "no add lost");
        assertEquals(takes.list(), TakeLibrary.open(library).list());
    }

    private static List<String> ids(TakeLibrary takes) {
        return takes.list().stream().map(TakeManifest::takeId).toList();
    }
}
