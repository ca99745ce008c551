package org.v2mzero.bridge.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.protocol.BadInputException;
import org.v2mzero.protocol.DawProject;
import org.v2mzero.protocol.VideoPlacement;
import org.v2mzero.protocol.testing.SharedTestData;

class ReaperProjectReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsTheRealFilmTemplate() throws Exception {
        DawProject project = ReaperProjectReader.read(SharedTestData.file("daw/reaper/Film Template.rpp"));

        assertEquals("reaper", project.daw());
        assertEquals(44100, project.sampleRate());
        assertEquals(120.0, project.bpm());
        assertEquals(4, project.beatsPerBar());
        assertEquals(0, project.videos().size(), "the template has video tracks but no media");
    }

    @Test
    void readsRealProjectsWithMidiAndAudioItemsButNoVideo() throws Exception {
        for (String name : new String[] {"Perlence_vst.RPP", "davemod_ReaperSession.RPP"}) {
            DawProject project = ReaperProjectReader.read(SharedTestData.file("daw/reaper/" + name));
            assertEquals(44100, project.sampleRate(), name);
            assertEquals(0, project.videos().size(), name + ": MIDI and audio items are not video");
        }
    }

    /**
     * No public Reaper project with a video item exists, so this fixture is written from the format as
     * daw-notes.md documents it: a plain video item and one wrapped in a SOURCE SECTION, with unknown
     * chunks and lines around them that must be ignored.
     */
    @Test
    void findsVideoItemsAtAnyDepthWithTheirPlacement() throws Exception {
        Path rpp = Files.writeString(dir.resolve("film.RPP"), """
                <REAPER_PROJECT 0.1 "7.0/linux-x86_64" 1700000000
                  SAMPLERATE 48000 0 0
                  TEMPO 92 3 4
                  <SOMETHING_NEW 'from a later version'
                    WHATEVER 1 2 3
                  >
                  <TRACK {A}
                    NAME `Picture "lock" 2`
                    <ITEM
                      POSITION 40.0
                      LENGTH 10
                      SOFFS 1.5
                      <SOURCE SECTION
                        LENGTH 10
                        STARTPOS 2.25
                        <SOURCE VIDEO
                          FILE "/abs/reel 2.mov"
                        >
                      >
                    >
                    <ITEM
                      POSITION 12.5
                      LENGTH 30.0
                      SOFFS 4.0
                      <SOURCE VIDEO
                        FILE "video/reel1.mp4"
                      >
                    >
                    <ITEM
                      POSITION 0
                      <SOURCE WAVE
                        FILE "dialogue.wav"
                      >
                    >
                  >
                >
                """);

        DawProject project = ReaperProjectReader.read(rpp);

        assertEquals(48000, project.sampleRate());
        assertEquals(92.0, project.bpm());
        assertEquals(3, project.beatsPerBar());
        assertEquals(2, project.videos().size());
        VideoPlacement first = project.videos().get(0);
        assertEquals(dir.resolve("video/reel1.mp4").toAbsolutePath(), first.video());
        assertEquals(12.5, first.timelineSeconds());
        assertEquals(4.0, first.sourceOffsetSeconds());
        assertEquals(30.0, first.lengthSeconds());
        VideoPlacement second = project.videos().get(1);
        assertEquals(Path.of("/abs/reel 2.mov"), second.video());
        assertEquals(40.0, second.timelineSeconds());
        assertEquals(3.75, second.sourceOffsetSeconds(), 1e-12, "SOFFS + the section's STARTPOS");
    }

    @Test
    void anUnclosedChunkNamesTheFileAndLine() throws Exception {
        Path rpp = Files.writeString(dir.resolve("broken.RPP"), "<REAPER_PROJECT 0.1\n  TEMPO 120 4 4\n  <ITEM\n"
                + "    POSITION 1\n>\n");

        BadInputException e = assertThrows(BadInputException.class, () -> ReaperProjectReader.read(rpp));

        assertEquals(rpp + ":1: chunk <REAPER_PROJECT is never closed", e.getMessage());
    }

    @Test
    void otherTextIsNotAReaperProject() throws Exception {
        Path rpp = Files.writeString(dir.resolve("notes.RPP"), "hello\n");

        BadInputException e = assertThrows(BadInputException.class, () -> ReaperProjectReader.read(rpp));

        assertTrue(e.getMessage().startsWith(rpp + ":1: not a Reaper project"), e.getMessage());
    }

    @Test
    void aVideoItemWithoutLengthHasNone() throws Exception {
        Path rpp = Files.writeString(dir.resolve("short.RPP"), """
                <REAPER_PROJECT
                  <ITEM
                    <SOURCE VIDEO
                      FILE "a.mp4"
                    >
                  >
                >
                """);

        VideoPlacement video = ReaperProjectReader.read(rpp).videos().get(0);

        assertNull(video.lengthSeconds());
        assertEquals(0.0, video.timelineSeconds());
    }
}
