package org.v2mzero.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.models.render.WavReader;
import org.v2mzero.models.video.SyntheticClip;
import org.v2mzero.protocol.CurveAnalysis;
import org.v2mzero.protocol.Json;
import org.v2mzero.protocol.TakeManifest;
import org.v2mzero.protocol.TempoMap;
import org.v2mzero.protocol.testing.SharedTestData;

/**
 * The music marks the picture's cuts (issue 4, "Proven"), on a drawn clip whose cuts are known, so it
 * runs on a fresh clone: a take of it finds every cut with an onset and a peak of its music curve, with
 * at least twice the recall of its control ({@code evaluate --control}: same prompt and seed,
 * time-reversed curve). On the shared clips (skipped without ../shared/data) the same, for three prompts.
 */
class HitMarkingTest {
    /** Cuts off any simple grid and unevenly spaced, seconds. */
    private static final List<Double> CUTS = List.of(3.3, 7.7, 12.1);

    @TempDir
    Path dir;

    /**
     * Also at every phase of the analysis frames ({@code --frame-phases 4}): a cut marked only at one
     * alignment of the music curve's frames is marked by luck. Composer 0.10.0 marked this clip's cuts
     * at 1.93 z or more at every phase; 0.11.0, with digital silence before each, at 2.11 or more.
     */
    @Test
    void aDrawnClipsCutsAreMarkedAtEveryPhaseOfTheAnalysisAfterDigitalSilence() throws Exception {
        Path video = dir.resolve("drawn.mp4");
        SyntheticClip.write(video, 16.0, CUTS);
        JsonNode m = evaluate(video, List.of("--frame-phases", "4"), "drawn", "tense orchestral");

        assertEquals(CUTS.size(), m.get("hits").asInt(), "the drawn cuts: " + m);
        assertTrue(m.get("hitRecall").asDouble() >= 0.9, m.toString());
        assertTrue(m.get("hitAccent").asDouble() >= 0.8, m.toString());
        assertTrue(m.get("hitRecall").asDouble() >= 2 * m.get("control").get("hitRecall").asDouble(), m.toString());
        assertAccentAtEveryPhase(m);
        Path take = ScoreCommandTest.onlyEntry(dir.resolve("drawn"));
        WavReader.Wav mix = WavReader.read(take.resolve("mix.wav"));
        // The cuts as the take saw them: the first frame after each drawn cut (25 fps).
        List<Double> seen = Json.read(take.resolve("curve.json"), CurveAnalysis.class).cuts();
        assertEquals(CUTS.size(), seen.size(), seen.toString());
        for (double cut : seen) {
            int from = (int) Math.ceil((cut - 0.25) * mix.sampleRate()) + 1;
            int to = (int) Math.round(cut * mix.sampleRate());
            for (float[] channel : mix.samples()) {
                for (int i = from; i < to; i++) {
                    assertEquals(0f, channel[i], "digital silence in the quarter second before the cut at " + cut + " s");
                }
            }
        }
    }

    /**
     * Quick cuts, 1.0 to 1.2 s after others, are stabs of the picture and are marked as well. Before
     * 0.11.0's 0.7 s spacing of marks only the first of each pair had a breath and a re-entry: the
     * others peaked at 0.4-0.8 z (accent 0.50 at every phase, tense orchestral, rustic folk waltz and
     * smoky jazz noir); now every cut of this clip peaks at 1.54 z or more at every phase.
     */
    @Test
    void aDrawnClipsQuickCutsAreEachMarked() throws Exception {
        List<Double> cuts = List.of(3.0, 4.0, 8.0, 9.2, 13.0, 14.1);
        Path video = dir.resolve("quick.mp4");
        SyntheticClip.write(video, 18.0, cuts);
        JsonNode m = evaluate(video, List.of("--frame-phases", "4"), "quick", "tense orchestral");

        assertEquals(cuts.size(), m.get("hits").asInt(), "the drawn cuts: " + m);
        assertTrue(m.get("hitRecall").asDouble() >= 0.9, m.toString());
        assertTrue(m.get("hitRecall").asDouble() >= 2 * m.get("control").get("hitRecall").asDouble(), m.toString());
        assertAccentAtEveryPhase(m);
    }

    /**
     * A drawn clip cut on every downbeat of 100 bpm to 12 s, then of 120 bpm (issue 4's hit-point tempo
     * map): the take's tempo changes on the bar line at 12 s and every cut lands on a beat. With one tempo
     * (composer 0.5.0: 122.4 bpm) the cuts were up to 112 ms off the beat, accent 0.7 (control 0.1); with
     * the change, 0 ms, accent 0.8 (control 0.3).
     */
    @Test
    void aDrawnClipWhosePaceChangesGetsATempoChangeAndEveryCutOnABeat() throws Exception {
        List<Double> cuts = List.of(2.4, 4.8, 7.2, 9.6, 12.0, 14.0, 16.0, 18.0, 20.0, 22.0);
        Path video = dir.resolve("pace.mp4");
        SyntheticClip.write(video, 24.0, cuts);
        JsonNode m = evaluate(video, List.of(), "pace", "tense orchestral");

        TempoMap map = Json.read(ScoreCommandTest.onlyEntry(dir.resolve("pace")).resolve("manifest.json"),
                TakeManifest.class).tempoMap();
        assertEquals(List.of(new TempoMap.Change(0, 0, 100), new TempoMap.Change(20, 12.0, 120)), map.changes());
        for (double cut : cuts) {
            assertEquals(cut, map.secondsAt(Math.rint(map.beatAt(cut))), 0.005, "cut at " + cut + " s on a beat");
        }
        assertTrue(m.get("hitRecall").asDouble() >= 0.9, m.toString());
        assertTrue(m.get("hitAccent").asDouble() >= 0.8, m.toString());
        assertTrue(m.get("hitRecall").asDouble() >= 2 * m.get("control").get("hitRecall").asDouble(), m.toString());
    }

    /**
     * Seed 1 on the shared clips (composers 0.5.0, 0.6.0 and 0.7.0, measured with {@code evaluate --control}):
     * recall 1.0, accent 1.0 and control recall 0 on every row. 0.6.0's section tempo changes none of
     * these takes: their 2, 2 and 7 accents leave no two sections with the two hits each a tempo needs. Composer 0.4.0 reached a recall ratio of 1.0 on
     * goldeneye and 1.5 on big_buck_bunny's trailer take: the control's grid, fitted to the reversed cuts,
     * put a downbeat 34 to 44 ms from goldeneye's true cuts, one bar after each of its own hits, and
     * that bar line was struck by the whole band. A hit with room after it now rings over that bar line.
     * The hip-hop rows pin a swung style (0.7.0, sixteenths at 0.58): 1.0, 1.0, 0 as straight in 0.6.0.
     * Jazz ("smoky jazz noir", 0.9.0 on): in 0.7.0 its accent was 0.50 on goldeneye and 0.33 on
     * big_buck_bunny (0.50 and 0.33 at seed 2, 0.50 and 0.67 at seed 3): its kit at stick velocities
     * rang on (ride wash, the fill's low toms) through the breath before each marked hit, so the band's
     * re-entry was no new sound. 0.8.0 plays it at brushes level ({@link
     * org.v2mzero.models.compose.DrumPattern#BRUSHES}): accent 1.00 on all three clips, recall 1.00, but
     * the control recalled 0.67 of big_buck_bunny's cuts (ratio 1.5; goldeneye 0.50, ratio exactly 2):
     * the reversed cuts have the same spacings, so the control's grid is the take's (140.1 bpm, 17 ms
     * apart), and its detached two-beat bass, the loudest ordinary attack of a quiet style, was detected
     * 6 ms from the cut at 11.79 s (its bar-line chord 42 ms from the one at 22.96 s). 0.9.0 plays the
     * bass under brushes at the kit's level and legato: seed 1 recall 1.00, accent 1.00, control recall
     * 0 on testvideo and goldeneye and 0.33 on big_buck_bunny (the bar-line chord; seeds 2 and 3 the
     * same).
     * Electronic ("techno club"), ambient ("calm ambient") and solo piano ("sad solo piano"), 0.9.0,
     * seed 1: recall 1.00 and accent 1.00 on every clip, control recall 0 but for electronic on
     * big_buck_bunny (0.33). {@code examples/style_survey.py} measures every style of the library on
     * these clips (31 of 39 rows meet the floor at 0.9.0, seed 1); rock (all three clips), folk
     * (goldeneye, big_buck_bunny) and comedy (goldeneye) miss on hit accent (rock's and comedy's: the
     * fill's toms ring through the drop before a section's hit), horror and comedy on big_buck_bunny on
     * control recall (0.67: comedy's bass on the control's 140.1 bpm grid, horror's tremolo strings).
     * Rock ("driving rock", 0.10.0 on): at 0.9.0 its accent was 0.50, 0.50 and 0.33 on testvideo,
     * goldeneye and big_buck_bunny: the fill's low toms rang on through the drop before a section's hit.
     * 0.10.0 gives its kit a snare-only fill and at least 0.8 s of drop before a hit that opens a section
     * ({@link org.v2mzero.models.compose.DrumPattern#fill}, {@code sectionBreath}): seed 1 recall 1.00,
     * accent 1.00, control recall 0, 0.50 and 0 (ratio 2 on goldeneye, exactly the floor); seed 2 the
     * same; seed 3 the same but big_buck_bunny's accent, 0.67 (not pinned here). Comedy's kit got the
     * snare fill too (goldeneye's accent 0.50 -> 1.00, seeds 1 to 3), but its big_buck_bunny row still
     * misses on control recall (0.67 at seeds 1 and 3), so it has no row here. Every other style's
     * score.mid on big_buck_bunny and goldeneye, seed 1, is byte-identical between 0.9.0 and 0.10.0.
     * Folk's kit got the side-stick fill and the 0.8 s drop too: big_buck_bunny's accent 0.33 -> 1.00
     * (seeds 1 to 3, control recall 0.33), but goldeneye still misses (accent 0.50, control 0.50 at
     * seeds 1 and 2; seed 3 passes), so folk had no row here.
     * 0.11.0 ends every breath in a quarter second of digital silence (each stem choked, {@link
     * org.v2mzero.models.compose.Choke}): what a breath left ringing (a chord's release, the riser's
     * orchestra hit, a guitar) had the hit's own spectrum, so the re-entry was a small change of the
     * music curve, and whether it reached 1.5 z depended on where the analysis frames fell (0.10.0, seed
     * 1: 26 of 39 survey rows kept accent >= 0.8 at all 4 phases of {@code evaluate --frame-phases 4}).
     * With the silence, all 39 do, and every row here asserts it; seeds 1 to 3, all 117 rows keep recall
     * and accent 1.00 at every phase, and 114 meet the floor (the misses: control recall 0.67 on
     * big_buck_bunny for comedy at seeds 1 and 3 and horror at seed 1). Folk, which missed on goldeneye
     * at every composer before, now has rows (control recall 0 on testvideo, 0.50 on goldeneye and 0.33
     * on big_buck_bunny at each of seeds 1 to 3).
     */
    @ParameterizedTest
    @CsvSource({
        "video/pyscenedetect/testvideo, tense orchestral",
        "video/pyscenedetect/testvideo, epic trailer",
        "video/pyscenedetect/testvideo, synthwave night drive",
        "video/pyscenedetect/goldeneye-vfr-drop3, tense orchestral",
        "video/pyscenedetect/goldeneye-vfr-drop3, epic trailer",
        "video/pyscenedetect/goldeneye-vfr-drop3, synthwave night drive",
        "video/bigbuckbunny/big_buck_bunny_0_30, tense orchestral",
        "video/bigbuckbunny/big_buck_bunny_0_30, epic trailer",
        "video/bigbuckbunny/big_buck_bunny_0_30, synthwave night drive",
        "video/pyscenedetect/testvideo, boom bap hip hop beat",
        "video/pyscenedetect/goldeneye-vfr-drop3, boom bap hip hop beat",
        "video/bigbuckbunny/big_buck_bunny_0_30, boom bap hip hop beat",
        "video/pyscenedetect/testvideo, smoky jazz noir",
        "video/pyscenedetect/goldeneye-vfr-drop3, smoky jazz noir",
        "video/bigbuckbunny/big_buck_bunny_0_30, smoky jazz noir",
        "video/pyscenedetect/testvideo, techno club",
        "video/pyscenedetect/goldeneye-vfr-drop3, techno club",
        "video/bigbuckbunny/big_buck_bunny_0_30, techno club",
        "video/pyscenedetect/testvideo, calm ambient",
        "video/pyscenedetect/goldeneye-vfr-drop3, calm ambient",
        "video/bigbuckbunny/big_buck_bunny_0_30, calm ambient",
        "video/pyscenedetect/testvideo, sad solo piano",
        "video/pyscenedetect/goldeneye-vfr-drop3, sad solo piano",
        "video/bigbuckbunny/big_buck_bunny_0_30, sad solo piano",
        "video/pyscenedetect/testvideo, driving rock",
        "video/pyscenedetect/goldeneye-vfr-drop3, driving rock",
        "video/bigbuckbunny/big_buck_bunny_0_30, driving rock",
        "video/pyscenedetect/testvideo, rustic folk waltz",
        "video/pyscenedetect/goldeneye-vfr-drop3, rustic folk waltz",
        "video/bigbuckbunny/big_buck_bunny_0_30, rustic folk waltz"
    })
    void sharedClipsCutsAreMarkedAndTheReversedCurveMarksFewer(String clip, String prompt) throws Exception {
        Path cuts = SharedTestData.file(clip + ".cuts.txt");
        Path video = Files.list(cuts.getParent()).filter(p -> p.getFileName().toString().startsWith(
                Path.of(clip).getFileName() + ".") && !p.toString().endsWith(".txt")).findFirst().orElseThrow();
        String name = Path.of(clip).getFileName() + "-" + prompt.replace(' ', '-');
        JsonNode m = evaluate(video, List.of("--cuts", cuts.toString(), "--frame-phases", "4"), name, prompt);

        assertTrue(m.get("hitRecall").asDouble() >= 0.9, m.toString());
        assertTrue(m.get("hitAccent").asDouble() >= 0.8, m.toString());
        assertTrue(m.get("hitRecall").asDouble() >= 2 * m.get("control").get("hitRecall").asDouble(), m.toString());
        assertAccentAtEveryPhase(m);
    }

    private static void assertAccentAtEveryPhase(JsonNode m) {
        for (JsonNode accent : m.get("framePhases").get("hitAccent")) {
            assertTrue(accent.asDouble() >= 0.8, "at every phase of the analysis frames: " + m.get("framePhases"));
        }
    }

    /** Scores {@code video} ({@code prompt}, seed 1) and evaluates the take with {@code --control}. */
    private JsonNode evaluate(Path video, List<String> hits, String name, String prompt) throws Exception {
        Path out = dir.resolve(name);
        assertEquals(0, CliRun.of("score", video.toString(), "--prompt", prompt, "--out", out.toString(),
                "--seed", "1").exitCode());
        Path json = dir.resolve(name + ".json");
        List<String> args = new ArrayList<>(List.of("evaluate", ScoreCommandTest.onlyEntry(out).toString(),
                "--control", "--json", json.toString()));
        args.addAll(hits);
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.toString());
        ObjectMapper mapper = new ObjectMapper();
        JsonNode m = mapper.readTree(json.toFile());
        // One line per row, so a composer change can be compared before/after on the same clips.
        System.out.printf(Locale.ROOT, "hit-marking %s: recall %.2f, accent %.2f, control recall %.2f, tempo %s%n",
                name, m.get("hitRecall").asDouble(), m.get("hitAccent").asDouble(),
                m.get("control").get("hitRecall").asDouble(),
                mapper.readTree(ScoreCommandTest.onlyEntry(out).resolve("manifest.json").toFile()).get("tempoMap"));
        return m;
    }
}
