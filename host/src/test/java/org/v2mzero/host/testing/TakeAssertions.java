package org.v2mzero.host.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import org.v2mzero.protocol.CurveAnalysis;
import org.v2mzero.protocol.Json;
import org.v2mzero.protocol.TakeManifest;

/** What every take must be: the files the manifest names, readable, real audio and MIDI. */
public final class TakeAssertions {
    private TakeAssertions() {}

    public static void assertComplete(Path take, TakeManifest m, double expectedSeconds) throws Exception {
        assertEquals(take.getFileName().toString(), m.takeId());
        assertEquals(48000, m.sampleRate());
        assertEquals(24, m.bitsPerSample());
        assertEquals("symbolic", m.generator().name());
        List<String> names = m.stems().stream().map(TakeManifest.Stem::name).toList();
        assertTrue(names.containsAll(List.of("drums", "bass", "harmony")), "stems: " + names);

        WavLevels.Levels mix = WavLevels.of(take.resolve(m.mix()));
        assertEquals(24, mix.format().getSampleSizeInBits());
        assertEquals(2, mix.format().getChannels());
        assertEquals(48000f, mix.format().getSampleRate());
        assertEquals(expectedSeconds, mix.frames() / 48000.0, 0.5, "mix length");
        assertTrue(mix.rmsDbfs() > -35, "mix is real audio, not silence: " + mix.rmsDbfs() + " dBFS RMS");

        for (TakeManifest.Stem stem : m.stems()) {
            WavLevels.Levels level = WavLevels.of(take.resolve(stem.wav()));
            assertEquals(mix.frames(), level.frames(), stem.name() + " is as long as the mix");
            assertTrue(level.rmsDbfs() > -70, stem.name() + " is not silent: " + level.rmsDbfs());
            Sequence midi = MidiSystem.getSequence(take.resolve(stem.mid()).toFile());
            assertEquals(2, midi.getTracks().length, stem.name() + ".mid: tempo track + the stem");
        }
        Sequence score = MidiSystem.getSequence(take.resolve(m.midi()).toFile());
        assertEquals(1 + m.stems().size(), score.getTracks().length, "score.mid: tempo track + every stem");
        assertEquals(1, MidiSystem.getMidiFileFormat(take.resolve(m.midi()).toFile()).getType());

        CurveAnalysis curve = Json.read(take.resolve(m.curve()), CurveAnalysis.class);
        assertTrue(curve.curve().size() > 10, "curve has samples");
        try (Stream<Path> files = Files.list(take)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith(".")), "no temp files left");
        }
    }
}
