package org.v2mzero.bridge.ardour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.bridge.reaper.LuaScripts;
import org.v2mzero.bridge.reaper.TakeFolders;

/**
 * {@code examples/ardour/v2m_import_take.lua}, the editor action importing a take's stems, really run: its
 * {@code Editor:do_import} exists only in Ardour's editor (the GUI), which cannot run here, so the harness
 * {@code editor-harness.lua} (test resource) stubs the editor and records the import calls. Under
 * {@code lua5.3} every Ardour API is stubbed; under {@code ardour7-lua} only the GUI's ({@code Editor},
 * {@code Editing}, {@code LuaDialog}), so the script also meets Ardour 7.3's real bindings: the enum names,
 * {@code C.StringVector}, {@code Temporal.timepos_t} from samples, the loaded session's sample rate.
 */
class ImportTakeScriptTest {
    private static final String SCRIPT = "ardour/v2m_import_take.lua";
    private static final String DESCRIPTOR = "descriptor\tEditorAction\tV2M-Zero: import a take's stems";
    private static final String DIALOG = "Dialog\tV2M-Zero: import a take's stems";
    private static final String IMPORT_ARGS = "\tImportDistinctFiles\tImportAsTrack\tSrcBest\tSMFTrackName"
            + "\tSMFTempoIgnore\t%d\tno instrument\tnew tracks\tfalse";

    @TempDir
    Path root;

    @Test
    void importsEveryStemOnANewTrackAtTheTakesTimelinePosition() throws Exception {
        Path take = root.resolve("takes/clip 1-0003");
        TakeFolders.write(take, "clip 1-0003", 12.5, List.of("drums", "bass", "strings"));
        String files = String.join("|", take.resolve("drums.wav").toString(), take.resolve("bass.wav").toString(),
                take.resolve("strings.wav").toString());

        assertEquals(List.of(DESCRIPTOR, DIALOG, "do_import\t" + files + IMPORT_ARGS.formatted(600_000),
                "Message\timported 3 of 3 stems of take clip 1-0003 at 12.5 s (sample 600000)", "harness done"),
                lua5(48_000, Map.of("V2M_DIALOG", take.resolve("manifest.json").toString())));
        assertEquals("do_import\t" + files + IMPORT_ARGS.formatted(551_250),
                lua5(44_100, Map.of("V2M_DIALOG", take.resolve("manifest.json").toString())).get(2),
                "the position in samples at the session's rate");
    }

    @Test
    void importsWhatIsThereAndNamesWhatIsMissing() throws Exception {
        Path take = root.resolve("take");
        TakeFolders.write(take, "t2", 2, List.of("drums", "fx"));
        Files.delete(take.resolve("drums.wav"));

        assertEquals(List.of(DESCRIPTOR, DIALOG, "do_import\t" + take.resolve("fx.wav") + IMPORT_ARGS.formatted(96_000),
                "Message\timported 1 of 2 stems of take t2 at 2.0 s (sample 96000) / not found: drums ("
                        + take.resolve("drums.wav") + ")", "harness done"),
                lua5(48_000, Map.of("V2M_DIALOG", take.resolve("manifest.json").toString())));
    }

    @Test
    void withoutTheEditorOrAManifestItImportsNothing() throws Exception {
        Path take = root.resolve("take");
        TakeFolders.write(take, "t3", 0, List.of("drums"));
        assertEquals(List.of(DESCRIPTOR, DIALOG, "harness done"), lua5(48_000, Map.of()), "dialog cancelled");
        assertEquals(List.of(DESCRIPTOR, "Editor:do_import exists only in Ardour's editor: run this from Edit > Lua"
                + " Scripts in Ardour.", "harness done"), lua5(48_000, Map.of("V2M_EDITOR", "0",
                "V2M_MANIFEST", take.resolve("manifest.json").toString())), "headless");
        Files.writeString(root.resolve("other.json"), "{\"stems\": []}");
        assertEquals("Message\t" + root.resolve("other.json") + ": no timelineOffsetSeconds or stems (is it a"
                + " V2M-Zero take's manifest.json?)", lua5(48_000, Map.of("V2M_DIALOG",
                root.resolve("other.json").toString())).get(2));
    }

    @Test
    void meetsArdour7sRealBindings() throws Exception {
        ArdourTestSession session = ArdourTestSession.create(root.resolve("ardour"), "import", List.of());
        Path take = root.resolve("take");
        TakeFolders.write(take, "t4", 1.25, List.of("drums", "bass"));
        Map<String, String> env = new HashMap<>(session.environment());
        env.putAll(Map.of("V2M_SCRIPT", LuaScripts.example(SCRIPT).toString(), "V2M_SESSION_DIR",
                session.dir.toString(), "V2M_SESSION_NAME", session.name, "V2M_DIALOG",
                take.resolve("manifest.json").toString()));

        List<String> out = LuaScripts.run("ardour7-lua", env, harness());

        List<String> recorded = out.stream().filter(l -> l.matches("(descriptor|Dialog|do_import|Message|harness)"
                + "\\b.*")).toList();
        assertEquals(List.of(DESCRIPTOR, DIALOG, "do_import\t" + take.resolve("drums.wav") + "|"
                + take.resolve("bass.wav") + IMPORT_ARGS.formatted(60_000),
                "Message\timported 2 of 2 stems of take t4 at 1.25 s (sample 60000)", "harness done"), recorded,
                () -> "ardour7-lua said: " + String.join("\n", out));
        assertTrue(out.contains("harness done"));
    }

    private List<String> lua5(int rate, Map<String, String> settings) throws Exception {
        Map<String, String> env = new HashMap<>(settings);
        env.put("V2M_SCRIPT", LuaScripts.example(SCRIPT).toString());
        env.put("V2M_RATE", Integer.toString(rate));
        return LuaScripts.run("lua5.3", env, harness());
    }

    private Path harness() {
        return LuaScripts.resource(getClass(), "editor-harness.lua");
    }
}
