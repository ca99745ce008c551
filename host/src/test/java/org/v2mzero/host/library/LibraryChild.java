package org.v2mzero.host.library;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.v2mzero.host.take.TakeStaging;
import org.v2mzero.protocol.BadInputException;

/**
 * The child JVM of {@link TakeLibraryCrashTest} and {@link TakeLibraryDiskFullTest}: a take writer the
 * test kills, or runs on a tiny file system. It reports what it did as lines on stdout.
 *
 * <p>Usage: {@code LibraryChild slow|publish|disk-full <library>}.
 */
public final class LibraryChild {
    static final String SESSION = "/projects/film.RPP";

    private LibraryChild() {}

    public static void main(String[] args) throws Exception {
        Path library = Path.of(args[1]);
        switch (args[0]) {
            case "slow" -> writeSlowly(library);
            case "publish" -> publishThenWait(library);
            case "disk-full" -> fillTheDisk(library);
            default -> throw new IllegalArgumentException("mode : " + args[0] + " (expected: slow|publish|disk-full)");
        }
    }

    /**
     * Stages a take whose manifest is already there (the worst half take: it looks whole) and then writes
     * a big WAV in chunks, slowly, until killed. Bounded, so a test that fails to kill it cannot leak it.
     */
    private static void writeSlowly(Path library) throws IOException, InterruptedException {
        try (TakeStaging staging = TakeStaging.open(library, "slow")) {
            TestTakes.write(staging.dir(), staging.takeId(), TestTakes.T0.plusSeconds(3600), 0.1);
            try (OutputStream out = Files.newOutputStream(staging.dir().resolve("big.wav"))) {
                byte[] chunk = new byte[1 << 16];
                out.write(ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN)
                        .put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(Integer.MAX_VALUE)
                        .put("WAVE".getBytes(StandardCharsets.US_ASCII)).array());
                for (int i = 0; i < 1000; i++) {
                    out.write(chunk);
                    out.flush();
                    if (i == 2) {
                        say("writing " + staging.dir().getFileName());
                    }
                    Thread.sleep(10);
                }
            }
        }
        say("not killed");
        System.exit(3);
    }

    private static void publishThenWait(Path library) throws IOException, InterruptedException {
        Path take = TestTakes.publish(library, "after", TestTakes.T0.plusSeconds(7200), 0.5);
        say("published " + take.getFileName());
        Thread.sleep(30_000);
        say("not killed");
        System.exit(3);
    }

    /**
     * On a 2 MiB file system: publishes a small take, fails to write a big one, lists what is left; then
     * fills the disk and fails to move the session's current take, which must stay the old one.
     */
    private static void fillTheDisk(Path library) throws IOException {
        TakeLibrary takes = TakeLibrary.open(library);
        String small = takes.add(TestTakes.publish(library, "small", TestTakes.T0)).takeId();
        takes.setCurrent(SESSION, small);
        say("published " + small);
        try {
            TestTakes.publish(library, "big", TestTakes.T0.plusSeconds(60), 20);
            say("no error writing the big take");
        } catch (BadInputException e) {
            say("error " + e.getMessage());
        }
        say("entries " + entries(library));
        TakeLibrary reopened = TakeLibrary.open(library);
        say("listed " + reopened.list().size() + " " + reopened.list().stream().map(m -> m.takeId()).toList());
        say("problems " + reopened.problems());

        String second = reopened.add(TestTakes.publish(library, "second", TestTakes.T0.plusSeconds(120))).takeId();
        fill(library.resolve("filler"));
        try {
            reopened.setCurrent(SESSION, second);
            say("no error setting the current take");
        } catch (BadInputException e) {
            say("current-error " + e.getMessage());
        }
        say("current " + TakeLibrary.open(library).current(SESSION).orElse("(none)"));
    }

    private static void fill(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] chunk = new byte[1 << 12];
            for (;;) {
                out.write(chunk);
            }
        } catch (IOException e) {
            if (!TakeStaging.isDiskFull(e)) {
                throw e;
            }
        }
    }

    private static String entries(Path library) throws IOException {
        try (Stream<Path> s = Files.list(library)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList().toString();
        }
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
