package org.v2mzero.host.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The reference a video benchmark is measured against: {@code ffmpeg -i FILE -f null -}, the ffmpeg
 * command-line tool decoding every frame of the same file and throwing it away, timed in the same run.
 */
final class FfmpegReference {
    private FfmpegReference() {}

    /** The ffmpeg executable on PATH, if any. */
    static Optional<Path> find() {
        return Executables.onPath("ffmpeg");
    }

    /** Decodes the whole file once; fails when ffmpeg does. */
    static void decode(Path ffmpeg, Path video) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(ffmpeg.toString(), "-v", "error", "-nostdin", "-i", video.toString(),
                "-f", "null", "-").redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("ffmpeg could not decode " + video + ": " + new String(output).strip());
        }
    }
}
