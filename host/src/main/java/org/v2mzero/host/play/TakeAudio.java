package org.v2mzero.host.play;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.v2mzero.bridge.jack.PlayableTake;
import org.v2mzero.host.take.TakeWriter;
import org.v2mzero.models.render.WavReader;
import org.v2mzero.protocol.BadInputException;
import org.v2mzero.protocol.Json;
import org.v2mzero.protocol.TakeManifest;

/**
 * A take on disk, loaded for the JACK player: every stem's audio in memory (the process callback only
 * copies pre-rendered frames), placed on the timeline at the take's position. This is where models'
 * files meet bridge's player; neither module knows the other.
 */
public final class TakeAudio {
    private TakeAudio() {}

    /** The take's manifest; one clear line when the folder is not a take. */
    public static TakeManifest manifest(Path takeDir) throws IOException {
        Path manifest = takeDir.resolve(TakeWriter.MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            throw new BadInputException(takeDir + ": not a take (no " + TakeWriter.MANIFEST + ")");
        }
        return Json.read(manifest, TakeManifest.class);
    }

    /** The stem names of a take, in manifest order. */
    public static List<String> stemNames(TakeManifest manifest) {
        return manifest.stems().stream().map(TakeManifest.Stem::name).toList();
    }

    /** Reads every stem WAV of the take; its start frame is the take's timeline position. */
    public static PlayableTake load(Path takeDir, TakeManifest manifest) throws IOException {
        Map<String, float[][]> stems = new LinkedHashMap<>();
        for (TakeManifest.Stem stem : manifest.stems()) {
            Path wav = takeDir.resolve(stem.wav());
            WavReader.Wav read = WavReader.read(wav);
            if (read.sampleRate() != manifest.sampleRate()) {
                throw new BadInputException(wav + ": " + read.sampleRate() + " Hz (expected: " + manifest.sampleRate()
                        + " Hz, as the manifest says)");
            }
            stems.put(stem.name(), read.samples());
        }
        long startFrame = Math.round(manifest.timelineOffsetSeconds() * manifest.sampleRate());
        return new PlayableTake(startFrame, manifest.sampleRate(), stems);
    }
}
