package org.v2mzero.host.library;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.v2mzero.host.take.TakeStaging;
import org.v2mzero.host.take.TakeWriter;
import org.v2mzero.models.render.MidiFiles;
import org.v2mzero.models.render.WavWriter;
import org.v2mzero.protocol.AtomicFiles;
import org.v2mzero.protocol.Json;
import org.v2mzero.protocol.TakeManifest;
import org.v2mzero.protocol.TempoMap;

/**
 * Small real takes for the library's tests and their child JVMs: a tone per stem written by the
 * project's {@link WavWriter}, tempo-only MIDI by {@link MidiFiles}, a real {@link TakeManifest} written
 * with {@link Json}, all through {@link TakeStaging} as a job writes them (manifest last).
 */
final class TestTakes {
    static final int RATE = 48_000;
    static final List<String> STEMS = List.of("drums", "bass");
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final TempoMap TEMPO = TempoMap.constant(120, 4);

    private TestTakes() {}

    /** Publishes a take of 0.1 s; returns its folder. */
    static Path publish(Path library, String baseId, Instant createdAt) throws IOException {
        return publish(library, baseId, createdAt, 0.1);
    }

    /** Publishes a take of {@code seconds}; a failure is reported as a job reports it ({@link TakeStaging#explain}). */
    static Path publish(Path library, String baseId, Instant createdAt, double seconds) throws IOException {
        try (TakeStaging staging = TakeStaging.open(library, baseId)) {
            try {
                write(staging.dir(), staging.takeId(), createdAt, seconds);
                return staging.publish();
            } catch (IOException e) {
                throw staging.explain(e);
            }
        }
    }

    /** Writes every file of a take into {@code dir}, the manifest last. */
    static TakeManifest write(Path dir, String takeId, Instant createdAt, double seconds) throws IOException {
        float[][] tone = tone(seconds);
        for (String stem : STEMS) {
            WavWriter.write(dir.resolve(stem + ".wav"), tone, RATE, 0, takeId + " " + stem);
            MidiFiles.writeType1(dir.resolve(stem + ".mid"), TEMPO, List.of());
        }
        WavWriter.write(dir.resolve(TakeWriter.MIX), tone, RATE, 0, takeId + " mix");
        MidiFiles.writeType1(dir.resolve(TakeWriter.SCORE_MIDI), TEMPO, List.of());
        AtomicFiles.write(dir.resolve(TakeWriter.CURVE), Json.writeBytes(Map.of("takeId", takeId)));
        TakeManifest manifest = manifest(takeId, createdAt, seconds);
        AtomicFiles.write(dir.resolve(TakeWriter.MANIFEST), Json.writeBytes(manifest));
        return manifest;
    }

    static TakeManifest manifest(String takeId, Instant createdAt, double seconds) {
        List<TakeManifest.Stem> stems = STEMS.stream()
                .map(s -> new TakeManifest.Stem(s, s.equals("drums") ? -1 : 33, s + ".wav", s + ".mid", -12.0))
                .toList();
        return new TakeManifest(TakeManifest.FORMAT_VERSION, takeId, createdAt.toString(), "/videos/clip.mp4", null,
                0, 0, seconds, RATE, WavWriter.BITS, 2, "tense strings", 7,
                new TakeManifest.GeneratorInfo("symbolic", "test"), "thriller", TEMPO,
                new TakeManifest.SoundfontInfo(null, "built-in", null), "0".repeat(64), stems,
                TakeWriter.MIX, TakeWriter.SCORE_MIDI, TakeWriter.CURVE, null, null, null);
    }

    /** A 440 Hz stereo tone. */
    static float[][] tone(double seconds) {
        int frames = (int) Math.round(seconds * RATE);
        float[][] samples = new float[2][frames];
        for (int i = 0; i < frames; i++) {
            samples[0][i] = (float) (0.25 * Math.sin(2 * Math.PI * 440 * i / RATE));
            samples[1][i] = samples[0][i];
        }
        return samples;
    }
}
