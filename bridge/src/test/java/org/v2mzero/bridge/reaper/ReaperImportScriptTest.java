package org.v2mzero.bridge.reaper;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.bridge.osc.ReaperOscTransportSource;
import org.v2mzero.bridge.osc.ReaperStandIn;

/**
 * {@code examples/reaper/v2m_import_take.lua} really run, under {@code lua5.3}, against a fake {@code reaper}
 * table that records the calls (test resource {@code reaper-harness.lua}): REAPER cannot be installed here,
 * so what is checked is the script's own logic — reading the queue the daemon's {@link ReaperImportTrigger}
 * writes, the {@code InsertMedia} calls (each stem WAV on a new track at its BWF position, mode 1 | 4096),
 * the track names, deleting what it read, rescanning the queue folder although REAPER cached an older listing
 * of it — and not REAPER's reaction to those calls.
 */
class ReaperImportScriptTest {
    private static final String INSERT = "InsertMedia\t";
    private static final String BWF_ON_NEW_TRACK = "\t4097";

    @TempDir
    Path root;
    private Path resource;
    private Path queue;

    @BeforeEach
    void paths() {
        resource = root.resolve("REAPER");
        queue = ReaperImportTrigger.queueDir(resource);
    }

    @Test
    void importsEveryQueuedTakeInOrderAndDeletesWhatItRead() throws Exception {
        Path a = root.resolve("takes/a");
        Path b = root.resolve("takes/b b");
        try (ReaperStandIn reaper = new ReaperStandIn();
                ReaperOscTransportSource link = (ReaperOscTransportSource) reaper.start()) {
            ReaperImportTrigger trigger = new ReaperImportTrigger(queue, ReaperImportTrigger.DEFAULT_COMMAND_ID, link);
            trigger.enqueue(a, TakeFolders.write(a, "take-a", 4, List.of("drums", "bass")));
            trigger.enqueue(b, TakeFolders.write(b, "take b", 9, List.of("strings", "fx")));
        }
        Files.delete(b.resolve("fx.wav")); // gone between queueing and import
        Files.writeString(queue.resolve("take-0000000000000-000000-old.txt"), "v2m-import 2\ntake\tx\n");
        Path writing = queue.resolve(".v2m-tmp-k2-take-9999999999999-000001-x.txt"); // a request being written
        Files.writeString(writing, "v2m-import 1\n");

        List<String> calls = runScript("0");

        assertEquals(List.of(
                "Console\tV2M-Zero: take-0000000000000-000000-old.txt: not a request of this script's version"
                        + " (first line \"v2m-import 2\", expected \"v2m-import 1\")",
                "UndoBegin",
                INSERT + a.resolve("drums.wav") + BWF_ON_NEW_TRACK, "TrackName\ttake-a drums",
                INSERT + a.resolve("bass.wav") + BWF_ON_NEW_TRACK, "TrackName\ttake-a bass",
                INSERT + b.resolve("strings.wav") + BWF_ON_NEW_TRACK, "TrackName\ttake b strings",
                "Console\tV2M-Zero: take take b: stem fx not found at " + b.resolve("fx.wav"),
                "UndoEnd\tV2M-Zero: import 3 stems",
                "UpdateArrange"), calls);
        assertEquals(List.of(writing), files(queue), "read requests deleted, the one being written left alone");
    }

    @Test
    void aTriggerFindingTheQueueEmptyOpensNoDialog() throws Exception {
        Files.createDirectories(queue);
        assertEquals(List.of("Console\tV2M-Zero: nothing queued in " + queue), runScript("0"));
    }

    @Test
    void runByHandWithNothingQueuedItImportsTheChosenManifestsTake() throws Exception {
        Path take = root.resolve("takes/clip-7");
        TakeFolders.write(take, "clip-7", 3, List.of("drums", "pads"));

        List<String> calls = runScript("-1", take.resolve("manifest.json").toString());

        assertEquals(List.of("Dialog\tV2M-Zero: choose a take's manifest.json", "UndoBegin",
                INSERT + take.resolve("drums.wav") + BWF_ON_NEW_TRACK, "TrackName\tclip-7 drums",
                INSERT + take.resolve("pads.wav") + BWF_ON_NEW_TRACK, "TrackName\tclip-7 pads",
                "UndoEnd\tV2M-Zero: import 2 stems", "UpdateArrange"), calls);
        assertEquals(List.of("Dialog\tV2M-Zero: choose a take's manifest.json"), runScript("-1"), "cancelled");
    }

    private List<String> runScript(String mode, String... dialogAnswer) throws Exception {
        List<String> args = new ArrayList<>(List.of(LuaScripts.example("reaper/v2m_import_take.lua").toString(),
                resource.toString(), mode));
        args.addAll(List.of(dialogAnswer));
        return LuaScripts.run(LuaScripts.resource(getClass(), "reaper-harness.lua"), args.toArray(String[]::new));
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
