package org.v2mzero.models.video;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_NONE;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_GRAY8;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.av_q2d;
import static org.bytedeco.ffmpeg.global.swscale.SWS_AREA;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Locale;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.v2mzero.protocol.BadInputException;

/**
 * Decodes a video file into small, grey, upright thumbnails with exact presentation times
 * (DESIGN.md §2: "frames (grey, downscaled, exact timestamps)").
 *
 * <p>FFmpeg (through JavaCV) decodes every frame; swscale converts it to 8-bit grey and shrinks it
 * with area averaging, which also averages away grain and compression noise that would otherwise
 * read as change. Each frame's time is its own presentation timestamp, so variable-frame-rate video
 * keeps its real timing. Times are seconds from the container's start time: that is the instant a
 * DAW places at the start of the video item and the one the file's own soundtrack is aligned to.
 *
 * <p>{@link #openPictures} is the other mode, for an image encoder: {@link Picture}s of an exact size,
 * grey or RGB, with the same timing.
 *
 * <p>Not thread-safe: one thread opens, reads and closes a decoder. {@link #close()} is idempotent.
 */
public final class VideoDecoder implements AutoCloseable {
    /**
     * Default thumbnail width in pixels: 64 keeps the layout of a shot (where the bright and dark
     * masses are) and drops detail that only motion or noise changes; 64 x 36 for 16:9 is 2,304
     * values per frame, so features and cosines cost microseconds next to decoding.
     */
    public static final int DEFAULT_THUMB_WIDTH = 64;

    private final FFmpegFrameGrabber grabber;
    private final VideoInfo info;
    private final int thumbWidth;
    private final int thumbHeight;
    private final int channels;
    private final long startMicros;
    private long lastMicros = Long.MIN_VALUE;
    private int decoded;
    private int dropped;
    private boolean closed;

    /** What swscale is asked for: {@code height} 0 keeps the display aspect. */
    private record Target(int width, int height, int channels) {}

    private VideoDecoder(FFmpegFrameGrabber grabber, VideoInfo info, int thumbWidth, int thumbHeight,
            int channels, long startMicros) {
        this.grabber = grabber;
        this.info = info;
        this.thumbWidth = thumbWidth;
        this.thumbHeight = thumbHeight;
        this.channels = channels;
        this.startMicros = startMicros;
    }

    /** Opens with {@link #DEFAULT_THUMB_WIDTH}. */
    public static VideoDecoder open(Path file) throws BadInputException {
        return open(file, DEFAULT_THUMB_WIDTH);
    }

    /**
     * Opens a video file for decoding.
     *
     * @param file       the video; its name appears in every error message
     * @param thumbWidth width in pixels of the upright thumbnails; the height keeps the display aspect
     * @throws BadInputException with a one-line message naming the file, when it is missing, empty,
     *                           not a container FFmpeg can read, has no video stream, or uses a codec
     *                           this FFmpeg cannot decode. No native resource stays open.
     */
    public static VideoDecoder open(Path file, int thumbWidth) throws BadInputException {
        if (thumbWidth < 2) {
            throw new IllegalArgumentException("thumbWidth : " + thumbWidth + " (expected: >= 2)");
        }
        return start(file, new Target(thumbWidth, 0, 1));
    }

    /**
     * Opens a video file for {@link #nextPicture()}: every frame scaled to exactly {@code width x
     * height} upright pixels (stretched if the display aspect differs, as an image encoder's fixed
     * input wants), grey or RGB, by the same area-averaging scaler and with the same timing as the
     * thumbnails of {@link #open(Path, int)}.
     *
     * @param channels 1 for grey (luma), 3 for RGB
     * @throws BadInputException as {@link #open(Path, int)}
     */
    public static VideoDecoder openPictures(Path file, int width, int height, int channels) throws BadInputException {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("width x height : " + width + " x " + height + " (expected: >= 1 x 1)");
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels : " + channels + " (expected: 1 or 3)");
        }
        return start(file, new Target(width, height, channels));
    }

    private static VideoDecoder start(Path file, Target target) throws BadInputException {
        MediaFiles.requireNonEmptyFile(file, "a video");
        FfmpegLog.silence();
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        boolean rgb = target.channels() == 3;
        grabber.setImageMode(rgb ? FrameGrabber.ImageMode.COLOR : FrameGrabber.ImageMode.GRAY);
        grabber.setPixelFormat(rgb ? AV_PIX_FMT_RGB24 : AV_PIX_FMT_GRAY8);
        grabber.setImageScalingFlags(SWS_AREA);
        try {
            grabber.start();
            return configure(file, grabber, target);
        } catch (FrameGrabber.Exception | RuntimeException | BadInputException e) {
            releaseQuietly(grabber, e);
            if (e instanceof BadInputException bad) {
                throw bad;
            }
            throw new BadInputException(file + ": " + OpenFailure.reason(e), e);
        }
    }

    private static VideoDecoder configure(Path file, FFmpegFrameGrabber grabber, Target target)
            throws BadInputException {
        if (!grabber.hasVideo() || grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
            throw new NoVideoStreamException(file + ": has no video stream");
        }
        int width = grabber.getImageWidth();
        int height = grabber.getImageHeight();
        int rotation = Rotation.clockwiseDegrees(grabber.getDisplayRotation());
        double sar = grabber.getAspectRatio();
        double displayAspect = width * (sar > 0 && Double.isFinite(sar) ? sar : 1.0) / height;
        if (Rotation.swapsAxes(rotation)) {
            displayAspect = 1 / displayAspect;
        }
        int thumbWidth = target.width();
        int uprightHeight = target.height() > 0 ? target.height()
                : Math.max(1, (int) Math.round(thumbWidth / displayAspect));
        // swscale produces the coded orientation; the thumbnail is turned upright afterwards.
        boolean swap = Rotation.swapsAxes(rotation);
        grabber.setImageWidth(swap ? uprightHeight : thumbWidth);
        grabber.setImageHeight(swap ? thumbWidth : uprightHeight);
        long start = grabber.getFormatContext().start_time();
        long startMicros = start == AV_NOPTS_VALUE ? 0 : start;
        long duration = grabber.getFormatContext().duration();
        double durationSeconds = duration == AV_NOPTS_VALUE || duration <= 0 ? Double.NaN : duration / 1e6;
        AVStream stream = videoStream(grabber.getFormatContext());
        VideoInfo info = new VideoInfo(file, width, height, rotation, grabber.getFrameRate(),
                durationSeconds, videoEndSeconds(stream, startMicros), grabber.getVideoCodecName(),
                stream == null ? 0 : Math.max(0, stream.nb_frames()));
        return new VideoDecoder(grabber, info, thumbWidth, uprightHeight, target.channels(), startMicros);
    }

    /** The video stream the grabber decodes (the first one with a known codec), or null. */
    private static AVStream videoStream(AVFormatContext format) {
        for (int i = 0; i < format.nb_streams(); i++) {
            AVStream s = format.streams(i);
            if (s.codecpar().codec_type() == AVMEDIA_TYPE_VIDEO && s.codecpar().codec_id() != AV_CODEC_ID_NONE) {
                return s;
            }
        }
        return null;
    }

    /**
     * Where the video stream's declared length ends on the frames' clock (seconds from the container's
     * start), or NaN when the container declares none for the stream (Matroska, WebM). The container's
     * own duration also covers a longer soundtrack, so only this says how far the picture should go.
     */
    private static double videoEndSeconds(AVStream stream, long startMicros) {
        if (stream == null || stream.duration() == AV_NOPTS_VALUE || stream.duration() <= 0) {
            return Double.NaN;
        }
        double timeBase = av_q2d(stream.time_base());
        double start = stream.start_time() == AV_NOPTS_VALUE ? startMicros / 1e6 : stream.start_time() * timeBase;
        return start - startMicros / 1e6 + stream.duration() * timeBase;
    }

    /** The stream as the container describes it; {@code durationSeconds} is NaN when unknown. */
    public VideoInfo info() {
        return info;
    }

    /** Upright thumbnail (or picture) width in pixels. */
    public int thumbWidth() {
        return thumbWidth;
    }

    /** Upright thumbnail (or picture) height in pixels. */
    public int thumbHeight() {
        return thumbHeight;
    }

    /** Frames returned so far. */
    public int framesDecoded() {
        return decoded;
    }

    /** Frames skipped because their timestamp did not advance (a damaged stream); 0 for sane files. */
    public int framesDropped() {
        return dropped;
    }

    /**
     * The next frame in presentation order, or {@code null} at the end of the stream.
     *
     * @throws MidStreamDecodeException naming the file and the time reached when FFmpeg fails mid-stream
     * @throws IllegalStateException when opened for RGB {@link #openPictures pictures}
     */
    public GreyFrame next() throws IOException {
        if (channels != 1) {
            throw new IllegalStateException("decoder for " + info.file() + " gives RGB pictures: use nextPicture()");
        }
        Frame frame = grab();
        return frame == null ? null : toGrey(frame, (frame.timestamp - startMicros) / 1e6);
    }

    /**
     * The next frame as a {@link Picture} of {@link #thumbWidth()} x {@link #thumbHeight()}, with the
     * channels this decoder was opened for, or {@code null} at the end of the stream.
     *
     * @throws MidStreamDecodeException naming the file and the time reached when FFmpeg fails mid-stream
     */
    public Picture nextPicture() throws IOException {
        Frame frame = grab();
        return frame == null ? null : toPicture(frame, (frame.timestamp - startMicros) / 1e6);
    }

    /** The next frame whose time advances, or null at the end; counts it as decoded. */
    private Frame grab() throws IOException {
        if (closed) {
            throw new IllegalStateException("decoder for " + info.file() + " is closed");
        }
        while (true) {
            Frame frame;
            try {
                frame = grabber.grabImage();
            } catch (FrameGrabber.Exception e) {
                double reached = decoded == 0 ? Double.NaN : (lastMicros - startMicros) / 1e6;
                throw new MidStreamDecodeException(String.format(Locale.ROOT,
                        "%s: decoding failed after frame %d%s (%s)", info.file(), decoded,
                        decoded == 0 ? "" : String.format(Locale.ROOT, " at %.2f s", reached),
                        MediaFiles.firstLine(e)), decoded, reached, e);
            }
            if (frame == null || frame.image == null) {
                return null;
            }
            // Frames whose time does not advance cannot sit on a strictly increasing curve.
            if (frame.timestamp <= lastMicros) {
                dropped++;
                continue;
            }
            lastMicros = frame.timestamp;
            decoded++;
            return frame;
        }
    }

    private GreyFrame toGrey(Frame frame, double seconds) {
        int w = frame.imageWidth;
        int h = frame.imageHeight;
        int stride = frame.imageStride;
        ByteBuffer buf = (ByteBuffer) frame.image[0];
        float[] luma = new float[w * h];
        for (int y = 0; y < h; y++) {
            int row = y * stride;
            for (int x = 0; x < w; x++) {
                luma[y * w + x] = buf.get(row + x) & 0xFF;
            }
        }
        float[] upright = Rotation.rotate(luma, w, h, info.rotationDegrees());
        boolean swap = Rotation.swapsAxes(info.rotationDegrees());
        return new GreyFrame(seconds, swap ? h : w, swap ? w : h, upright);
    }

    private Picture toPicture(Frame frame, double seconds) {
        int w = frame.imageWidth;
        int h = frame.imageHeight;
        int stride = frame.imageStride;
        ByteBuffer buf = (ByteBuffer) frame.image[0];
        int rotation = info.rotationDegrees();
        float[][] planes = new float[channels][];
        for (int c = 0; c < channels; c++) {
            float[] plane = new float[w * h];
            for (int y = 0; y < h; y++) {
                int row = y * stride + c;
                for (int x = 0; x < w; x++) {
                    plane[y * w + x] = buf.get(row + x * channels) & 0xFF;
                }
            }
            planes[c] = Rotation.rotate(plane, w, h, rotation);
        }
        boolean swap = Rotation.swapsAxes(rotation);
        return new Picture(seconds, swap ? h : w, swap ? w : h, planes);
    }

    /** Releases FFmpeg's resources. Idempotent. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            grabber.release();
        } catch (FrameGrabber.Exception e) {
            throw new IOException(info.file() + ": closing the decoder failed (" + e.getMessage() + ")", e);
        }
    }

    private static void releaseQuietly(FFmpegFrameGrabber grabber, Exception primary) {
        try {
            grabber.release();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            // The open already failed; keep the release failure with it rather than hide either.
            primary.addSuppressed(e);
        }
    }
}
