package org.v2mzero.host.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Track;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.host.testing.TakeAssertions;
import org.v2mzero.models.compose.SymbolicComposer;
import org.v2mzero.models.render.MidiReader;
import org.v2mzero.models.render.WavReader;
import org.v2mzero.models.video.SyntheticClip;
import org.v2mzero.protocol.BadInputException;
import org.v2mzero.protocol.Json;
import org.v2mzero.protocol.TakeManifest;

/**
 * Regeneration of a real take: a clip the test draws, scored by {@link ScoreJob}, rendered with the real
 * soundfont. The parent is made once; every test regenerates from it and checks it is left untouched.
 */
class RegenerateJobTest {
    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    private static final int RATE = ScoreJob.SAMPLE_RATE;
    /** Names another style, key and tempo than the parent's "tense orchestral". */
    private static final String NEW_PROMPT = "driving rock at 150 bpm in E major";

    @TempDir
    static Path shared;
    @TempDir
    Path dir;

    private static Path parent;
    private static TakeManifest parentManifest;
    private static Map<String, byte[]> parentFiles;

    private final RegenerateJob job = new RegenerateJob(new SymbolicComposer(), FIXED);

    @BeforeAll
    static void scoreTheParent() throws Exception {
        Path video = shared.resolve("drawn.mp4");
        SyntheticClip.write(video, 10.0, List.of(2.6, 6.2));
        ScoreResult result = new ScoreJob(new SymbolicComposer(), FIXED).run(
                ScoreRequest.ofVideo(video, "tense orchestral", 3, shared.resolve("takes"), null), Progress.NONE);
        parent = result.takeDir();
        parentManifest = result.manifest();
        parentFiles = files(parent);
    }

    @Test
    void theNewTakeIsTheParentBeforeTheRangeAndNewInsideItOnTheSameTempoMapAndKey() throws Exception {
        ScoreResult child = job.run(request(NEW_PROMPT, 9, null, 3.1, 6.9), Progress.NONE);
        TakeManifest m = child.manifest();

        TakeAssertions.assertComplete(child.takeDir(), m, 10.0);
        double start = m.lineage().startSeconds();
        double end = m.lineage().endSeconds();
        assertEquals(new TakeManifest.Lineage(parentManifest.takeId(), start, end), m.lineage());
        assertBarLine(start);
        assertTrue(start <= 3.1 && start > 3.1 - bar(), "start snapped down to a bar line: " + start);
        assertTrue(end >= 6.9 && (end < 6.9 + bar() || end == parentManifest.durationSeconds()), "end snapped up: " + end);

        int before = (int) Math.ceil(start * RATE - 1e-6);
        for (TakeManifest.Stem stem : parentManifest.stems()) {
            assertSameBefore(before, parent.resolve(stem.wav()), child.takeDir().resolve(stem.wav()));
        }
        assertSameBefore(before, parent.resolve(parentManifest.mix()), child.takeDir().resolve(m.mix()));
        assertDiffersWithin(before, (int) (end * RATE), parent.resolve(parentManifest.mix()), child.takeDir().resolve(m.mix()));

        assertEquals(parentManifest.tempoMap(), m.tempoMap());
        assertEquals(tempoEvents(parent.resolve(parentManifest.midi())), tempoEvents(child.takeDir().resolve(m.midi())));
        assertEquals(parentManifest.key(), m.key(), "the prompt's E major does not move the key");
        assertEquals("D minor", m.key(), "the key orchestral is written in");
        assertTrue(m.style().startsWith("rock, "), "the prompt still picks the style: " + m.style());
        assertTrue(child.warnings().contains("the prompt names E major; the range stays in D minor, the take's key"),
                child.warnings().toString());
        assertEquals(parentManifest.timelineOffsetSeconds(), m.timelineOffsetSeconds());
        assertEquals(parentManifest.durationSeconds(), m.durationSeconds());
        assertEquals(parentManifest.curveDigest(), m.curveDigest(), "the same analysis");
        assertSameFiles(parentFiles, files(parent)); // the parent is never modified
    }

    @Test
    void aStemsSubsetLeavesEveryOtherStemAsTheParentHasIt() throws Exception {
        ScoreResult child = job.run(request("aggressive", 4, List.of("harmony"), 2.0, 8.0), Progress.NONE);

        TakeManifest m = child.manifest();
        assertEquals(names(parentManifest), names(m));
        for (TakeManifest.Stem stem : m.stems()) {
            var parentNotes = MidiReader.parts(parent.resolve(stem.mid()), parentManifest.tempoMap());
            var childNotes = MidiReader.parts(child.takeDir().resolve(stem.mid()), m.tempoMap());
            float[][] parentAudio = WavReader.read(parent.resolve(stem.wav())).samples();
            float[][] childAudio = WavReader.read(child.takeDir().resolve(stem.wav())).samples();
            if (stem.name().equals("harmony")) {
                assertNotEquals(parentNotes, childNotes, "harmony is regenerated");
            } else {
                assertEquals(parentNotes, childNotes, stem.name() + ": every note the parent's");
                assertArrayEquals(parentAudio[0], childAudio[0], stem.name() + ": every sample the parent's");
                assertArrayEquals(parentAudio[1], childAudio[1]);
            }
        }
        assertSameFiles(parentFiles, files(parent));
    }

    @Test
    void theSameRequestAndSeedGiveTheSameFiles() throws Exception {
        RegenerateRequest toTheEnd = new RegenerateRequest(parent, NEW_PROMPT, 5, null, 5.0, Double.POSITIVE_INFINITY,
                dir.resolve("a"), null);
        ScoreResult first = job.run(toTheEnd, Progress.NONE);
        ScoreResult again = job.run(new RegenerateRequest(parent, NEW_PROMPT, 5, null, 5.0, Double.POSITIVE_INFINITY,
                dir.resolve("b"), null), Progress.NONE);

        assertEquals(parentManifest.durationSeconds(), first.manifest().lineage().endSeconds(), "to the take's end");
        assertSameFiles(files(first.takeDir()), files(again.takeDir()));
    }

    @Test
    void aTakeWrittenBeforeManifestsRecordedTheKeyKeepsTheKeyItsStyleNames() throws Exception {
        Path old = Files.createDirectories(dir.resolve("old"));
        for (Map.Entry<String, byte[]> f : parentFiles.entrySet()) {
            Files.write(old.resolve(f.getKey()), f.getValue());
        }
        String manifest = Files.readString(old.resolve("manifest.json"));
        Files.writeString(old.resolve("manifest.json"), manifest.replace("\"key\" : \"D minor\",", ""));
        assertEquals("D minor", Json.read(parent.resolve("manifest.json"), TakeManifest.class).key());
        assertEquals(null, Json.read(old.resolve("manifest.json"), TakeManifest.class).key());

        ScoreResult child = job.run(new RegenerateRequest(old, "jazz in F major", 2, List.of("bass"), 6.0, 8.0,
                dir.resolve("takes"), null), Progress.NONE);

        assertEquals("D minor", child.manifest().key(), "read from the style, " + parentManifest.style());
        Files.writeString(old.resolve("manifest.json"), manifest.replace("\"key\" : \"D minor\",", "")
                .replace(parentManifest.style(), "orchestral"));
        assertBad(new RegenerateRequest(old, "jazz", 2, null, 6.0, 8.0, dir.resolve("takes"), null),
                old + ": the take records no key (key null, style \"orchestral\"; expected e.g. D minor)");
    }

    @Test
    void badRangesStemsAndFoldersGiveOneClearLine() throws Exception {
        assertBad(request(NEW_PROMPT, 1, null, 10.5, 11), "start : 10.5 s (expected: 0 <= start < 10.000 s, the take's length)");
        assertBad(request(NEW_PROMPT, 1, null, -1, 4), "start : -1.0 s (expected: 0 <= start < 10.000 s, the take's length)");
        assertBad(request(NEW_PROMPT, 1, null, 6, 4), "end : 4.0 s (expected: after the start, 6.0 s, and at most"
                + " 10.000 s, the take's length; or none for the take's end)");
        assertBad(request(NEW_PROMPT, 1, null, 6, 6), "end : 6.0 s (expected: after the start, 6.0 s, and at most"
                + " 10.000 s, the take's length; or none for the take's end)");
        assertBad(request(NEW_PROMPT, 1, null, 2, 12), "end : 12.0 s (expected: after the start, 2.0 s, and at most"
                + " 10.000 s, the take's length; or none for the take's end)");
        assertBad(request(NEW_PROMPT, 1, List.of("bass", "choir", "kazoo"), 2, 4),
                "stems : choir, kazoo (expected: some of drums, bass, harmony, melody, fx)");
        Path notATake = Files.createDirectories(dir.resolve("empty"));
        assertBad(new RegenerateRequest(notATake, NEW_PROMPT, 1, null, 0, 4, dir.resolve("out"), null),
                notATake + ": not a take (no manifest.json)");
        try (Stream<Path> left = Files.list(dir.resolve("takes"))) {
            assertEquals(List.of(), left.toList(), "a failed job leaves nothing behind");
        }
        assertFalse(Files.exists(dir.resolve("out")));
        assertSameFiles(parentFiles, files(parent));
    }

    private void assertBad(RegenerateRequest request, String message) {
        BadInputException e = assertThrows(BadInputException.class, () -> job.run(request, Progress.NONE));
        assertEquals(message, e.getMessage());
    }

    private RegenerateRequest request(String prompt, long seed, List<String> stems, double start, double end) {
        return new RegenerateRequest(parent, prompt, seed, stems, start, end, dir.resolve("takes"), null);
    }

    private static double bar() {
        return parentManifest.tempoMap().secondsAt(2 * parentManifest.tempoMap().beatsPerBar())
                - parentManifest.tempoMap().secondsAt(parentManifest.tempoMap().beatsPerBar());
    }

    private static void assertBarLine(double seconds) {
        double bars = parentManifest.tempoMap().beatAt(seconds) / parentManifest.tempoMap().beatsPerBar();
        assertEquals(Math.rint(bars), bars, 1e-9, seconds + " s is on a bar line");
    }

    private static void assertSameBefore(int frames, Path parentWav, Path childWav) throws IOException {
        float[][] p = WavReader.read(parentWav).samples();
        float[][] c = WavReader.read(childWav).samples();
        assertEquals(p[0].length, c[0].length);
        for (int ch = 0; ch < 2; ch++) {
            for (int i = 0; i < frames; i++) {
                if (p[ch][i] != c[ch][i]) {
                    throw new AssertionError(childWav.getFileName() + " channel " + ch + " frame " + i + " of " + frames
                            + ": " + c[ch][i] + " (expected: the parent's " + p[ch][i] + ")");
                }
            }
        }
    }

    private static void assertDiffersWithin(int from, int to, Path parentWav, Path childWav) throws IOException {
        float[] p = WavReader.read(parentWav).samples()[0];
        float[] c = WavReader.read(childWav).samples()[0];
        int differing = 0;
        for (int i = from; i < to; i++) {
            differing += p[i] != c[i] ? 1 : 0;
        }
        assertTrue(differing > (to - from) / 2, differing + " of " + (to - from) + " frames differ inside the range");
    }

    /** Tick and data of every tempo and time-signature event of a MIDI file. */
    private static List<String> tempoEvents(Path mid) throws Exception {
        List<String> out = new ArrayList<>();
        Track tempo = MidiSystem.getSequence(mid.toFile()).getTracks()[0];
        for (int i = 0; i < tempo.size(); i++) {
            MidiEvent e = tempo.get(i);
            if (e.getMessage() instanceof MetaMessage meta && (meta.getType() == 0x51 || meta.getType() == 0x58)) {
                out.add(e.getTick() + ":" + meta.getType() + ":" + java.util.HexFormat.of().formatHex(meta.getData()));
            }
        }
        assertFalse(out.isEmpty());
        return out;
    }

    private static List<String> names(TakeManifest m) {
        return m.stems().stream().map(TakeManifest.Stem::name).toList();
    }

    /** File name to bytes, of every file in a take folder. */
    private static Map<String, byte[]> files(Path take) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(take)) {
            for (Path f : s.toList()) {
                out.put(f.getFileName().toString(), Files.readAllBytes(f));
            }
        }
        return out;
    }

    private static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        for (String name : expected.keySet()) {
            assertArrayEquals(expected.get(name), actual.get(name), name + " is byte-identical");
        }
    }
}
