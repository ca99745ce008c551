package org.v2mzero.host.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.models.compose.Note;
import org.v2mzero.models.compose.StemPart;
import org.v2mzero.models.render.MidiFiles;
import org.v2mzero.models.render.Soundfont;
import org.v2mzero.models.render.SoundfontLocator;
import org.v2mzero.protocol.TempoMap;
import org.v2mzero.protocol.testing.SharedTestData;

/** The benchmark's bookkeeping, not its speed: speed is never asserted in a test. */
class RenderBenchmarkTest {
    @TempDir
    Path dir;

    @Test
    void rendersTheSameMidiWithTheProjectAndWithFluidsynth() throws Exception {
        SharedTestData.tool("fluidsynth");
        Soundfont sf = SoundfontLocator.locate(null);
        assumeTrue(sf.path() != null, "no SF2 file installed (fluid-soundfont-gm) -- skipping");
        Path midi = dir.resolve("score.mid");
        MidiFiles.writeType1(midi, TempoMap.constant(120, 4), List.of(
                new StemPart("bass", 33, false, List.of(new Note(0, 1.5, 40, 90), new Note(1.5, 1.5, 43, 90))),
                new StemPart("drums", 0, true, List.of(new Note(0, 0.1, 36, 100), new Note(2.9, 0.1, 38, 100)))));

        RenderBenchmark.Result r = RenderBenchmark.run(midi, sf, 1, dir.resolve("scratch"));

        assertEquals(2, r.stems());
        assertEquals(3.0, r.audioSeconds(), 0.01);
        // fluidsynth renders the file to its end, and may add a short release tail.
        assertTrue(r.fluidAudioSeconds() >= 2.9 && r.fluidAudioSeconds() < 6, "fluidsynth audio " + r.fluidAudioSeconds());
        assertEquals(r.v2mSpeed() / r.fluidSpeed().getAsDouble(), r.ratioToFluidsynth().getAsDouble(), 1e-12);
        assertTrue(r.report().contains("ratio"), r.report());
    }

    @Test
    void theBenchCueHasFiveStemsAndLastsAMinute() throws Exception {
        List<StemPart> parts = org.v2mzero.models.render.MidiReader.parts(SyntheticCue.writeMidi(dir));
        assertEquals(List.of("drums", "bass", "harmony", "melody", "fx"), parts.stream().map(StemPart::name).toList());
        double end = parts.stream().flatMap(p -> p.notes().stream())
                .mapToDouble(n -> n.startSeconds() + n.durationSeconds()).max().orElseThrow();
        assertTrue(end > 55 && end <= 60.001, "last note ends at " + end);
    }
}
