package org.v2mzero.models.video;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_QUIET;

import org.bytedeco.ffmpeg.global.avutil;

/**
 * Keeps FFmpeg's own logging off the user's terminal. FFmpeg writes straight to stderr (decoder
 * warnings for every damaged macroblock, muxer notes), which would bury the one clear line the CLI
 * prints; every failure that matters reaches the caller as an exception naming the file instead.
 */
public final class FfmpegLog {
    private static volatile boolean silenced;

    private FfmpegLog() {}

    /** Silences FFmpeg for the whole process; cheap and idempotent, safe from any thread. */
    public static void silence() {
        if (!silenced) {
            avutil.av_log_set_level(AV_LOG_QUIET);
            silenced = true;
        }
    }
}
