package org.v2mzero.models.video;

/**
 * Turns JavaCV's open errors (which quote FFmpeg function names and error codes) into the short
 * reason a composer can act on. Pure; any thread.
 */
final class OpenFailure {
    private OpenFailure() {}

    /** The reason, without the file name, e.g. {@code not a video FFmpeg can read}. */
    static String reason(Throwable e) {
        String message = MediaFiles.firstLine(e);
        if (message.contains("avcodec_find_decoder") || message.contains("Unsupported")
                || message.contains("codec not found")) {
            return "unsupported video codec (" + message + ")";
        }
        if (message.contains("avformat_open_input") || message.contains("avformat_find_stream_info")
                || message.contains("Invalid data")) {
            return "not a video FFmpeg can read (unknown or corrupt format)";
        }
        return "cannot open as video (" + message + ")";
    }
}
