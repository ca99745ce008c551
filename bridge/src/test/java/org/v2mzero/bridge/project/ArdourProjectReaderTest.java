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

class ArdourProjectReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsARealArdour2Session() throws Exception {
        DawProject project = ArdourProjectReader.read(SharedTestData.file("daw/ardour/TestSession.ardour"));

        assertEquals("ardour", project.daw());
        assertEquals(44100, project.sampleRate());
        assertEquals(145.0, project.bpm());
        assertEquals(5, project.beatsPerBar());
        assertEquals(0, project.videos().size());
    }

    @Test
    void readsRealArdour3And6Files() throws Exception {
        DawProject three = ArdourProjectReader.read(SharedTestData.file("daw/ardour/rec_enabled.ardour"));
        assertEquals(48000, three.sampleRate());
        assertEquals(120.0, three.bpm());
        assertEquals(4, three.beatsPerBar());

        DawProject six = ArdourProjectReader.read(SharedTestData.file("daw/ardour/2 Track-template.template"));
        assertEquals(120.0, six.bpm());
        assertEquals(0, six.videos().size(), "an empty <Extra> holds no video");
    }

    /**
     * No public Ardour session with a video exists; this one is written from Ardour's source as
     * daw-notes.md quotes it (Ardour 7 tempo attributes, a Videotimeline inside Extra).
     */
    @Test
    void placesTheVideoTimelineFromItsSampleOffset() throws Exception {
        Path session = Files.writeString(dir.resolve("reel.ardour"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <Session version="7003" name="reel" sample-rate="48000" future-attribute="x">
                  <TempoMap><Tempos><Tempo npm="96" enpm="96" note-type="4"/></Tempos>
                    <Meters><Meter divisions-per-bar="6" note-value="8"/></Meters></TempoMap>
                  <Extra>
                    <Videotimeline Filename="reel1.mp4" AutoFPS="1" LocalFile="1"
                        OriginalVideoFile="/abs/reel1.mov" id="51" Height="3" VideoOffsetLock="1" VideoOffset="96000"/>
                    <Videomonitor active="no"/>
                  </Extra>
                </Session>
                """);

        DawProject project = ArdourProjectReader.read(session);

        assertEquals(96.0, project.bpm());
        assertEquals(6, project.beatsPerBar());
        VideoPlacement video = project.videos().get(0);
        assertEquals(dir.resolve("video").resolve("reel1.mp4").toAbsolutePath(), video.video());
        assertEquals(2.0, video.timelineSeconds(), 1e-12, "96000 samples at 48 kHz");
        assertNull(video.lengthSeconds());
    }

    @Test
    void malformedXmlNamesTheFileAndLine() throws Exception {
        Path session = Files.writeString(dir.resolve("bad.ardour"), "<Session sample-rate=\"48000\">\n<Extra>\n</Session>\n");

        BadInputException e = assertThrows(BadInputException.class, () -> ArdourProjectReader.read(session));

        assertTrue(e.getMessage().startsWith(session + ":3: not valid XML"), e.getMessage());
    }

    @Test
    void externalEntitiesAreRefused() throws Exception {
        Path session = Files.writeString(dir.resolve("xxe.ardour"),
                "<?xml version=\"1.0\"?>\n<!DOCTYPE s [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                        + "<Session sample-rate=\"48000\">&x;</Session>\n");

        assertThrows(BadInputException.class, () -> ArdourProjectReader.read(session));
    }
}
