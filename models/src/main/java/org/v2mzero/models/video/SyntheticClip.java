package org.v2mzero.models.video;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG4;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;
import org.v2mzero.protocol.AtomicFiles;

/**
 * Self-made test and demo video with known events: scenes drawn by {@link ScenePainter}, joined by
 * hard cuts at chosen times or by a fade through black, encoded as MPEG-4 Part 2 (an encoder built
 * into FFmpeg, so no external library is needed) in MP4 or another {@link Container} at {@link #FPS}
 * frames per second, {@link #WIDTH} x {@link #HEIGHT} ({@link #writeSmall}: 96 x 54). Frame {@code n} is
 * presented at exactly {@code n / FPS} seconds.
 *
 * <p>Files are written to a temporary sibling and moved into place, so a failed write never leaves
 * a half-written clip under the requested name. Static methods; any thread.
 */
public final class SyntheticClip {
    /** Frames per second of every synthetic clip. */
    public static final int FPS = 25;
    /** Picture width in pixels. */
    public static final int WIDTH = 320;
    /** Picture height in pixels. */
    public static final int HEIGHT = 180;

    private SyntheticClip() {}

    /**
     * How a clip is stored, for tests of damaged files: which part of a cut-short file survives depends
     * on where the container keeps its index.
     */
    public enum Container {
        /** MP4 with its index (moov) after the frames, as a plain recorder writes it: cut short, it does not open. */
        MP4("mp4", null),
        /** MP4 with its index before the frames (the web's "faststart"): cut short, the first part still decodes. */
        MP4_FASTSTART("mp4", "+faststart"),
        /** Matroska, whose clusters carry their own timing (the index comes last): cut short, the start decodes. */
        MKV("matroska", null);

        private final String format;
        private final String movflags;

        Container(String format, String movflags) {
            this.format = format;
            this.movflags = movflags;
        }
    }

    /**
     * Writes a clip whose scene changes by a hard cut at each of {@code cutTimes}.
     *
     * @param mp4             the file to write (replaced if it exists)
     * @param durationSeconds clip length in seconds, at least 2 frames
     * @param cutTimes        ascending times in seconds, each inside the clip; each is snapped to the
     *                        nearest frame time
     * @return the exact cut times: the time of the first frame of each new scene, ascending
     */
    public static List<Double> write(Path mp4, double durationSeconds, List<Double> cutTimes) throws IOException {
        return write(mp4, durationSeconds, cutTimes, Container.MP4);
    }

    /** {@link #write(Path, double, List)} in another {@link Container}. */
    public static List<Double> write(Path file, double durationSeconds, List<Double> cutTimes, Container container)
            throws IOException {
        int frames = frameCount(durationSeconds);
        List<Integer> cutFrames = snap(cutTimes, frames);
        encode(file, container, frames, WIDTH, HEIGHT, (frame, painter, bgr) -> {
            int scene = 0;
            while (scene < cutFrames.size() && cutFrames.get(scene) <= frame) {
                scene++;
            }
            painter.paint(scene, frame, 1.0, bgr);
        });
        List<Double> exact = new ArrayList<>();
        for (int frame : cutFrames) {
            exact.add(frame / (double) FPS);
        }
        return exact;
    }

    /**
     * Writes a small MP4 ({@code 96 x 54}) with a hard cut every {@code shotSeconds}: long clips (tests of
     * memory over a feature-length run) encode in seconds, and the analysis decodes to the same 64-pixel
     * thumbnails as from a bigger picture.
     */
    public static void writeSmall(Path mp4, double durationSeconds, double shotSeconds) throws IOException {
        if (!(shotSeconds >= 1.0 / FPS)) {
            throw new IllegalArgumentException("shotSeconds : " + shotSeconds + " (expected: >= one frame)");
        }
        int shotFrames = (int) Math.round(shotSeconds * FPS);
        encode(mp4, Container.MP4, frameCount(durationSeconds), 96, 54,
                (frame, painter, bgr) -> painter.paint(frame / shotFrames, frame, 1.0, bgr));
    }

    /**
     * Writes a clip that fades scene 0 out to black, holds black, and fades scene 1 in: a soft scene
     * change that is not a cut.
     *
     * @param fadeOutStart seconds where the fade-out begins
     * @param fadeSeconds  length of each fade in seconds (> 0)
     * @param blackSeconds length of the black hold in seconds (>= 0)
     */
    public static void writeFadeThroughBlack(Path mp4, double durationSeconds, double fadeOutStart,
            double fadeSeconds, double blackSeconds) throws IOException {
        if (!(fadeSeconds > 0) || !(blackSeconds >= 0) || !(fadeOutStart >= 0)) {
            throw new IllegalArgumentException("fadeOutStart, fadeSeconds, blackSeconds : " + fadeOutStart
                    + ", " + fadeSeconds + ", " + blackSeconds + " (expected: >= 0, > 0, >= 0)");
        }
        int frames = frameCount(durationSeconds);
        double blackEnd = fadeOutStart + fadeSeconds + blackSeconds;
        encode(mp4, Container.MP4, frames, WIDTH, HEIGHT, (frame, painter, bgr) -> {
            double t = frame / (double) FPS;
            double gain = t < fadeOutStart ? 1
                    : t < fadeOutStart + fadeSeconds ? 1 - (t - fadeOutStart) / fadeSeconds
                    : t < blackEnd ? 0
                    : Math.min(1, (t - blackEnd) / fadeSeconds);
            painter.paint(t < blackEnd ? 0 : 1, frame, gain, bgr);
        });
    }

    private static int frameCount(double durationSeconds) {
        if (!(durationSeconds >= 2.0 / FPS) || !Double.isFinite(durationSeconds)) {
            throw new IllegalArgumentException(
                    "durationSeconds : " + durationSeconds + " (expected: >= " + 2.0 / FPS + ")");
        }
        return (int) Math.round(durationSeconds * FPS);
    }

    private static List<Integer> snap(List<Double> cutTimes, int frames) {
        List<Integer> snapped = new ArrayList<>();
        for (double t : cutTimes) {
            int frame = (int) Math.round(t * FPS);
            int previous = snapped.isEmpty() ? 0 : snapped.get(snapped.size() - 1);
            if (frame <= previous || frame >= frames) {
                throw new IllegalArgumentException("cutTimes : " + t + " (expected: ascending, at least one frame"
                        + " apart, inside 0.." + frames / (double) FPS + " s)");
            }
            snapped.add(frame);
        }
        return snapped;
    }

    /** Draws frame {@code frame} into {@code bgr}. */
    private interface Painting {
        void paint(int frame, ScenePainter painter, byte[] bgr);
    }

    private static void encode(Path file, Container container, int frames, int width, int height, Painting painting)
            throws IOException {
        FfmpegLog.silence();
        Path temp = AtomicFiles.temporarySibling(file);
        try {
            record(temp, container, frames, width, height, painting);
            AtomicFiles.moveIntoPlace(temp, file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void record(Path file, Container container, int frames, int width, int height, Painting painting)
            throws IOException {
        FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 0);
        recorder.setFormat(container.format);
        if (container.movflags != null) {
            recorder.setOption("movflags", container.movflags);
        }
        recorder.setVideoCodec(AV_CODEC_ID_MPEG4);
        recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
        recorder.setFrameRate(FPS);
        recorder.setGopSize(FPS);
        // qscale 2: near-lossless, so the only changes between frames are the ones that were drawn.
        recorder.setVideoQuality(2);
        ScenePainter painter = new ScenePainter(width, height);
        byte[] bgr = new byte[width * height * 3];
        try (Frame frame = new Frame(width, height, Frame.DEPTH_UBYTE, 3)) {
            recorder.start();
            ByteBuffer buf = (ByteBuffer) frame.image[0];
            for (int i = 0; i < frames; i++) {
                painting.paint(i, painter, bgr);
                for (int y = 0; y < height; y++) {
                    buf.position(y * frame.imageStride);
                    buf.put(bgr, y * width * 3, width * 3);
                }
                buf.rewind();
                recorder.record(frame, AV_PIX_FMT_BGR24);
            }
            recorder.stop();
        } catch (FrameRecorder.Exception e) {
            throw new IOException(file + ": encoding the synthetic clip failed (" + e.getMessage() + ")", e);
        } finally {
            recorder.release();
        }
    }
}
