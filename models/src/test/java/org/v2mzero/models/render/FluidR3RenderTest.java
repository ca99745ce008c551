package org.v2mzero.models.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sound.midi.MidiSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.models.compose.Arrangement;
import org.v2mzero.models.compose.GenerationRequest;
import org.v2mzero.models.compose.Note;
import org.v2mzero.models.compose.StemPart;
import org.v2mzero.models.compose.SymbolicComposer;
import org.v2mzero.models.compose.SymbolicComposerFixtures;

/**
 * The whole path with the real General MIDI soundfont: compose 24 s, render every stem with FluidR3,
 * mix, write WAV and MIDI. Skips where fluid-soundfont-gm is not installed (fails in CI, which has it).
 */
class FluidR3RenderTest {
    private static Soundfont fluid;
    private static Arrangement arrangement;
    private static List<float[][]> stems;

    @TempDir
    Path dir;

    @BeforeAll
    static void renderOnce() throws Exception {
        boolean present = Files.isRegularFile(SoundfontLocator.FLUID_R3);
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(SoundfontLocator.FLUID_R3 + " missing -- required in CI");
        }
        assumeTrue(present, SoundfontLocator.FLUID_R3 + " not installed (fluid-soundfont-gm) -- skipping");
        fluid = SoundfontLocator.load(SoundfontLocator.FLUID_R3);
        arrangement = new SymbolicComposer().generate(
                new GenerationRequest(SymbolicComposerFixtures.analysis(), "epic orchestral", 1, 24));
        JavaSoundStemRenderer renderer = new JavaSoundStemRenderer(fluid);
        stems = new ArrayList<>();
        for (StemPart part : arrangement.stems()) {
            stems.add(renderer.render(part, arrangement.durationSeconds()));
        }
    }

    @Test
    void everyStemIsAudibleAndFullLength() {
        assertTrue(fluid.version().startsWith("2."), fluid.version());
        for (int i = 0; i < stems.size(); i++) {
            String name = arrangement.stems().get(i).name();
            assertEquals(24 * 48_000, stems.get(i)[0].length, name);
            assertTrue(Mixdown.peakDbfs(stems.get(i)) > -40, name + " peak " + Mixdown.peakDbfs(stems.get(i)));
        }
    }

    @Test
    void accentsSoundAtTheirExactTimes() {
        StemPart fx = arrangement.stems().get(arrangement.stems().size() - 1);
        float[][] audio = stems.get(stems.size() - 1);
        for (Note accent : fx.notes()) {
            int at = (int) Math.round(accent.startSeconds() * 48_000);
            double before = JavaSoundStemRendererTest.peak(audio, at - 480, at - 48);
            // 10 ms: a sampled timpani or orchestra hit needs a few ms to reach its first peak.
            double after = JavaSoundStemRendererTest.peak(audio, at, at + 480);
            assertTrue(after > 4 * before + 1e-3,
                    "accent at " + accent.startSeconds() + " s: before " + before + ", after " + after);
        }
    }

    @Test
    void renderingIsDeterministicWithTheRealBank() throws Exception {
        float[][] again = new JavaSoundStemRenderer(fluid).render(arrangement.stems().get(0), 24);
        assertArrayEquals(stems.get(0)[0], again[0]);
        assertArrayEquals(stems.get(0)[1], again[1]);
    }

    @Test
    void mixAndFilesOfTheTake() throws Exception {
        Mixdown mix = Mixdown.of(stems, -1);
        assertTrue(Mixdown.peakDbfs(mix.mix()) <= -1.0);
        Path wav = dir.resolve("mix.wav");
        WavWriter.write(wav, mix.mix(), 48_000, 48_000L * 10, "v2m mix");
        assertEquals(48_000L * 10, WavReader.read(wav).timeReference());
        Path mid = dir.resolve("score.mid");
        MidiFiles.writeType1(mid, arrangement.tempoMap(), arrangement.stems());
        assertEquals(1 + arrangement.stems().size(), MidiSystem.getSequence(mid.toFile()).getTracks().length);
    }
}
