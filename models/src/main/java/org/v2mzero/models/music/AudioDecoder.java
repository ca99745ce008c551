package org.v2mzero.models.music;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.v2mzero.models.video.FfmpegLog;
import org.v2mzero.models.video.MediaFiles;
import org.v2mzero.protocol.BadInputException;

/**
 * Decodes any audio FFmpeg reads (Ogg Vorbis, FLAC, WAV, the soundtrack of a video) into mono float
 * PCM at one analysis rate. FFmpeg's resampler does the channel down-mix and the rate conversion.
 *
 * <p>The whole signal is held in memory: at the default 22,050 Hz that is 88 KB per second, 26 MB
 * for five minutes, small next to what a music analysis needs anyway. Sample 0 is the first decoded
 * sample (time 0 s). Stateless; any thread, several at once.
 */
public final class AudioDecoder {
    /** Default analysis rate, Hz: 11 kHz of bandwidth covers what onsets and timbre need. */
    public static final int DEFAULT_SAMPLE_RATE = 22_050;

    private AudioDecoder() {}

    /** {@link #decode(Path, int)} at {@link #DEFAULT_SAMPLE_RATE}. */
    public static MonoAudio decode(Path file) throws IOException {
        return decode(file, DEFAULT_SAMPLE_RATE);
    }

    /**
     * Decodes the first audio stream of a file.
     *
     * @param sampleRate the output rate in Hz
     * @throws BadInputException with one line naming the file when it is missing, empty, not a
     *                           format FFmpeg reads, has no audio stream or no decodable sample
     * @throws IOException       naming the file when decoding fails mid-stream
     */
    public static MonoAudio decode(Path file, int sampleRate) throws IOException {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sampleRate : " + sampleRate + " (expected: > 0)");
        }
        MediaFiles.requireNonEmptyFile(file, "audio");
        FfmpegLog.silence();
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        grabber.setSampleMode(FrameGrabber.SampleMode.FLOAT);
        grabber.setSampleRate(sampleRate);
        grabber.setAudioChannels(1);
        float[] samples;
        try {
            start(file, grabber);
            samples = readAll(file, grabber);
        } catch (IOException | RuntimeException e) {
            releaseQuietly(grabber, e);
            throw e;
        }
        release(file, grabber);
        if (samples.length == 0) {
            throw new BadInputException(file + ": no decodable audio sample");
        }
        return new MonoAudio(samples, sampleRate);
    }

    private static void start(Path file, FFmpegFrameGrabber grabber) throws BadInputException {
        try {
            grabber.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            throw new BadInputException(
                    file + ": not an audio file FFmpeg can read (" + MediaFiles.firstLine(e) + ")", e);
        }
        if (!grabber.hasAudio() || grabber.getAudioChannels() <= 0) {
            throw new BadInputException(file + ": has no audio stream");
        }
    }

    private static float[] readAll(Path file, FFmpegFrameGrabber grabber) throws IOException {
        float[] out = new float[1 << 16];
        int n = 0;
        while (true) {
            Frame frame;
            try {
                frame = grabber.grabSamples();
            } catch (FrameGrabber.Exception e) {
                throw new IOException(
                        file + ": decoding failed after " + n + " samples (" + MediaFiles.firstLine(e) + ")", e);
            }
            if (frame == null) {
                return Arrays.copyOf(out, n);
            }
            if (frame.samples == null || frame.samples.length == 0) {
                continue;
            }
            FloatBuffer buf = (FloatBuffer) frame.samples[0];
            int count = buf.remaining();
            if (n + count > out.length) {
                out = Arrays.copyOf(out, Math.max(out.length * 2, n + count));
            }
            buf.get(out, n, count);
            n += count;
        }
    }

    private static void release(Path file, FFmpegFrameGrabber grabber) throws IOException {
        try {
            grabber.release();
        } catch (FrameGrabber.Exception e) {
            throw new IOException(file + ": closing the decoder failed (" + MediaFiles.firstLine(e) + ")", e);
        }
    }

    private static void releaseQuietly(FFmpegFrameGrabber grabber, Exception primary) {
        try {
            grabber.release();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            // The decode already failed; keep the release failure with it rather than hide either.
            primary.addSuppressed(e);
        }
    }
}
