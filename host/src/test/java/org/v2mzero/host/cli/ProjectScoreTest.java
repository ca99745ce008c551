package org.v2mzero.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.models.render.WavReader;
import org.v2mzero.models.video.SyntheticClip;
import org.v2mzero.protocol.CurveAnalysis;
import org.v2mzero.protocol.Json;
import org.v2mzero.protocol.TakeManifest;

/**
 * {@code v2m score PROJECT}: the project's video item is scored in its place. No public Reaper or Ardour
 * project with video exists, so the projects here are written from the formats as daw-notes.md documents
 * them, around a clip the test draws.
 */
class ProjectScoreTest {
    @TempDir
    Path dir;

    @Test
    void aReaperItemIsScoredForItsWindowAndStampedWithItsPosition() throws Exception {
        Files.createDirectories(dir.resolve("video"));
        SyntheticClip.write(dir.resolve("video/reel.mp4"), 6.0, List.of(2.0, 4.0));
        Path rpp = Files.writeString(dir.resolve("film.RPP"), """
                <REAPER_PROJECT 0.1 "7.0/linux-x86_64" 1700000000
                  SAMPLERATE 48000 0 0
                  TEMPO 100 4 4
                  <TRACK
                    <ITEM
                      POSITION 12.5
                      LENGTH 3.0
                      SOFFS 1.0
                      <SOURCE VIDEO
                        FILE "video/reel.mp4"
                      >
                    >
                  >
                >
                """);

        CliRun run = CliRun.of("score", rpp.toString(), "--out", dir.resolve("takes").toString());

        assertEquals(0, run.exitCode(), run.toString());
        Path take = ScoreCommandTest.onlyEntry(dir.resolve("takes"));
        TakeManifest m = Json.read(take.resolve("manifest.json"), TakeManifest.class);
        assertEquals(12.5, m.timelineOffsetSeconds());
        assertEquals(1.0, m.sourceOffsetSeconds());
        assertEquals(3.0, m.durationSeconds(), 1e-9);
        assertEquals(rpp.toAbsolutePath().toString(), m.project());
        assertEquals(dir.resolve("video/reel.mp4").toAbsolutePath().toString(), m.source());
        CurveAnalysis curve = Json.read(take.resolve("curve.json"), CurveAnalysis.class);
        assertEquals(List.of(1.0), curve.cuts(), "the cut at 2.0 s of the video is 1.0 s into the item");
        for (String wav : List.of("mix.wav", "drums.wav")) {
            WavReader.Wav read = WavReader.read(take.resolve(wav));
            assertEquals(600_000, read.timeReference(), wav + ": BWF time reference = 12.5 s at 48 kHz");
            assertEquals(3.0 * 48000, read.samples()[0].length, 1, wav + " covers the item");
        }
        assertTrue(run.out().contains("timeline  12.500 s in film.RPP"), run.out());
    }

    @Test
    void anArdourVideoTimelineIsScoredWholeAtItsOffset() throws Exception {
        Files.createDirectories(dir.resolve("video"));
        SyntheticClip.write(dir.resolve("video/reel.mp4"), 3.0, List.of(1.0));
        Path session = Files.writeString(dir.resolve("reel.ardour"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <Session version="7003" name="reel" sample-rate="48000">
                  <Extra><Videotimeline Filename="reel.mp4" LocalFile="1" VideoOffset="96000"/></Extra>
                </Session>
                """);

        CliRun run = CliRun.of("score", session.toString(), "--out", dir.resolve("takes").toString());

        assertEquals(0, run.exitCode(), run.toString());
        TakeManifest m = Json.read(ScoreCommandTest.onlyEntry(dir.resolve("takes")).resolve("manifest.json"),
                TakeManifest.class);
        assertEquals(2.0, m.timelineOffsetSeconds(), 1e-12);
        assertEquals(0.0, m.sourceOffsetSeconds());
        assertEquals(3.0, m.durationSeconds(), 0.05);
    }

    @Test
    void aProjectWithoutVideoIsOneClearError() throws Exception {
        Path rpp = Files.writeString(dir.resolve("audio-only.RPP"), "<REAPER_PROJECT\n  TEMPO 120 4 4\n>\n");

        CliRun run = CliRun.of("score", rpp.toString(), "--out", dir.resolve("takes").toString());

        assertEquals(1, run.exitCode(), run.toString());
        assertEquals(List.of("v2m: " + rpp + ": has no video (Reaper: an item with a VIDEO source; Ardour: a video"
                + " timeline)"), run.messages());
        assertTrue(Files.notExists(dir.resolve("takes")));
    }
}
