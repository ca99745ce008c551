package org.v2mzero.bridge.reaper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.v2mzero.protocol.Json;
import org.v2mzero.protocol.TakeManifest;
import org.v2mzero.protocol.TempoMap;

/**
 * Take folders as the daemon leaves them, for the import tests: a {@code manifest.json} written by the
 * protocol's own JSON writer and a file per stem. The stems are not audio: the importers only pass their
 * paths on (to {@code InsertMedia}, {@code Editor:do_import}), so their content is never read here.
 */
public final class TakeFolders {
    private TakeFolders() {}

    /** Writes take {@code takeId} into {@code dir} (made if missing) with one WAV per stem, in this order. */
    public static TakeManifest write(Path dir, String takeId, double timelineOffsetSeconds, List<String> stems)
            throws IOException {
        Files.createDirectories(dir);
        for (String stem : stems) {
            Files.writeString(dir.resolve(stem + ".wav"), "RIFF stand-in for " + stem);
        }
        TakeManifest manifest = manifest(takeId, timelineOffsetSeconds, stems);
        Files.writeString(dir.resolve("manifest.json"), Json.write(manifest));
        return manifest;
    }

    /** The manifest of a 48 kHz stereo take with these stems (program -1 for drums, 33 otherwise). */
    public static TakeManifest manifest(String takeId, double timelineOffsetSeconds, List<String> stems) {
        List<TakeManifest.Stem> entries = stems.stream()
                .map(s -> new TakeManifest.Stem(s, s.equals("drums") ? -1 : 33, s + ".wav", s + ".mid", -18.0))
                .toList();
        return new TakeManifest(TakeManifest.FORMAT_VERSION, takeId, "2026-01-01T00:00:00Z", "/clip.mp4", null, 0,
                timelineOffsetSeconds, 2.0, 48_000, 24, 2, "tense strings", 1,
                new TakeManifest.GeneratorInfo("symbolic", "0"), "suspense",
                new TempoMap(4, List.of(new TempoMap.Change(0, 0, 120))),
                new TakeManifest.SoundfontInfo(null, "built-in", null), "00", entries, "mix.wav", "score.mid",
                "curve.json", null, null, null);
    }
}
