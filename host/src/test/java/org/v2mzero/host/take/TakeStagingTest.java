package org.v2mzero.host.take;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.protocol.BadInputException;

class TakeStagingTest {
    @TempDir
    Path library;

    @Test
    void aTakeIsInvisibleUntilPublishedThenAppearsWhole() throws IOException {
        try (TakeStaging staging = TakeStaging.open(library, "clip-1")) {
            Files.writeString(staging.dir().resolve("a.txt"), "a");
            assertEquals(List.of(), visibleEntries(), "nothing visible while staging");

            Path take = staging.publish();

            assertEquals(library.toRealPath().resolve("clip-1"), take.toRealPath());
            assertEquals("a", Files.readString(take.resolve("a.txt")));
        }
        assertEquals(List.of("clip-1"), visibleEntries());
        assertEquals(1, entries().size(), "no staging folder left behind");
    }

    @Test
    void anUnpublishedTakeLeavesNothingBehind() throws IOException {
        try (TakeStaging staging = TakeStaging.open(library, "clip-1")) {
            Files.createDirectories(staging.dir().resolve("sub"));
            Files.writeString(staging.dir().resolve("sub").resolve("half.wav"), "half");
        }
        assertEquals(List.of(), entries());
    }

    @Test
    void anExistingTakeIsNeverOverwritten() throws IOException {
        Files.createDirectories(library.resolve("clip-1"));
        Files.writeString(library.resolve("clip-1").resolve("manifest.json"), "old");

        try (TakeStaging staging = TakeStaging.open(library, "clip-1")) {
            assertEquals("clip-1-2", staging.takeId());
            staging.publish();
        }
        assertEquals("old", Files.readString(library.resolve("clip-1").resolve("manifest.json")));
        assertTrue(Files.isDirectory(library.resolve("clip-1-2")));
    }

    @Test
    void aLibraryThatCannotBeCreatedIsOneClearError() throws IOException {
        Path file = Files.writeString(library.resolve("not-a-folder"), "x");

        BadInputException e = assertThrows(BadInputException.class,
                () -> TakeStaging.open(file.resolve("takes"), "clip-1"));

        assertTrue(e.getMessage().startsWith(file.resolve("takes") + ": cannot write takes there"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    private List<String> entries() throws IOException {
        try (Stream<Path> s = Files.list(library)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private List<String> visibleEntries() throws IOException {
        return entries().stream().filter(n -> !n.startsWith(".")).toList();
    }
}
