package org.v2mzero.bridge.reaper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.illposed.osc.OSCMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.bridge.jack.JackRecorder;
import org.v2mzero.bridge.osc.ReaperOscTransportSource;
import org.v2mzero.bridge.osc.ReaperStandIn;
import org.v2mzero.protocol.TakeManifest;

/**
 * The daemon's side of the Reaper import: the request lands whole in the queue folder, in the format the
 * ReaScript reads ({@link ReaperImportScriptTest} runs the script on it), and then the action trigger
 * reaches Reaper's OSC surface. Reaper cannot be installed here, so the surface is {@link ReaperStandIn},
 * which speaks the trimmed pattern's {@code ACTION t/action/@} and keeps the triggers it gets.
 */
class ReaperImportTriggerTest {
    @TempDir
    Path root;
    private ReaperStandIn reaper;
    private ReaperOscTransportSource link;
    private ReaperImportTrigger trigger;

    @BeforeEach
    void start() throws Exception {
        reaper = new ReaperStandIn();
        link = (ReaperOscTransportSource) reaper.start();
        trigger = new ReaperImportTrigger(ReaperImportTrigger.queueDir(root.resolve("REAPER")),
                ReaperImportTrigger.DEFAULT_COMMAND_ID, link);
    }

    @AfterEach
    void stop() throws Exception {
        link.close();
        reaper.close();
    }

    @Test
    void queuesTheTakesStemsThenTriggersTheScript() throws Exception {
        Path take = root.resolve("takes/clip 1-0001");
        TakeFolders.write(take, "clip 1-0001", 12.5, List.of("drums", "bass"));

        Path request = trigger.importTake(take);

        assertEquals(root.resolve("REAPER/v2m/import-queue"), request.getParent());
        assertTrue(request.getFileName().toString().matches("take-\\d{13}-000001-[0-9a-z]+\\.txt"), request.toString());
        assertEquals("v2m-import 1\n"
                + "take\tclip 1-0001\n"
                + "stem\tdrums\t" + take.resolve("drums.wav") + "\n"
                + "stem\tbass\t" + take.resolve("bass.wav") + "\n", Files.readString(request));
        assertEquals(List.of(request), queue(), "one request, no temporary file left");
        JackRecorder.await("the action trigger at the stand-in", Duration.ofSeconds(2),
                () -> !reaper.actions().isEmpty());
        OSCMessage action = reaper.actions().get(0);
        assertEquals("/action/_V2M_IMPORT_TAKE", action.getAddress());
        assertEquals(List.of(1f), action.getArguments(), "a trigger, as /play");
    }

    @Test
    void requestsSortInTheOrderTheyWereQueued() throws Exception {
        Path a = root.resolve("a");
        Path b = root.resolve("b");
        TakeManifest first = TakeFolders.write(a, "first", 0, List.of("fx"));
        TakeManifest second = TakeFolders.write(b, "second", 0, List.of("fx"));
        for (int i = 0; i < 5; i++) {
            trigger.enqueue(a, first);
            trigger.enqueue(b, second);
        }
        List<String> takes = queue().stream().sorted().map(ReaperImportTriggerTest::takeLine).toList();
        assertEquals(List.of("first", "second", "first", "second", "first", "second", "first", "second", "first",
                "second"), takes, "by name, as the script reads them");
        assertTrue(reaper.actions().isEmpty(), "enqueue alone triggers nothing");
    }

    @Test
    void refusesInOneLineAndQueuesNothing() throws Exception {
        Path take = root.resolve("take");
        TakeFolders.write(take, "t1", 0, List.of("drums", "bass"));
        Files.delete(take.resolve("bass.wav"));
        IOException missing = assertThrows(IOException.class, () -> trigger.importTake(take));
        assertEquals("take t1: stem 'bass' file " + take.resolve("bass.wav") + " is missing", missing.getMessage());

        IOException notATake = assertThrows(IOException.class, () -> trigger.importTake(root));
        assertEquals(root + ": no manifest.json (expected: a take folder)", notATake.getMessage());

        TakeFolders.write(take, "t1", 0, List.of("drums"));
        IllegalArgumentException tab = assertThrows(IllegalArgumentException.class,
                () -> trigger.enqueue(take, TakeFolders.manifest("t\t1", 0, List.of("drums"))));
        assertEquals("takeId : \"t\t1\" (expected: not empty, no tab or line break)", tab.getMessage());

        IllegalArgumentException badId = assertThrows(IllegalArgumentException.class,
                () -> new ReaperImportTrigger(root, "/action/40757", link));
        assertTrue(badId.getMessage().startsWith("commandId : /action/40757 (expected: a number, or _"),
                badId.getMessage());
        assertTrue(queue().isEmpty() && reaper.actions().isEmpty(), "nothing queued, nothing sent");
    }

    @Test
    void findsReapersStandardResourcePathOnThisSystem() {
        Path home = Path.of(System.getProperty("user.home"));
        String os = System.getProperty("os.name");
        Path expected = os.startsWith("Linux") ? home.resolve(".config/REAPER")
                : os.startsWith("Mac") ? home.resolve("Library/Application Support/REAPER")
                : ReaperImportTrigger.defaultResourcePath();
        assertEquals(expected, ReaperImportTrigger.defaultResourcePath());
        assertEquals(expected.resolve("v2m/import-queue"),
                ReaperImportTrigger.queueDir(ReaperImportTrigger.defaultResourcePath()));
    }

    private List<Path> queue() throws IOException {
        Path dir = trigger.queueDir();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    private static String takeLine(Path request) {
        try {
            return Files.readAllLines(request).get(1).substring("take\t".length());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
