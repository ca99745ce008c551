package org.v2mzero.models.curve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.v2mzero.models.video.MidStreamDecodeException;
import org.v2mzero.models.video.SyntheticClip;
import org.v2mzero.models.video.SyntheticClip.Container;
import org.v2mzero.models.video.VideoDecoder;
import org.v2mzero.models.video.VideoInfo;
import org.v2mzero.protocol.BadInputException;
import org.v2mzero.protocol.CurveAnalysis;
import org.v2mzero.protocol.Json;
import org.v2mzero.protocol.testing.SharedTestData;

/**
 * A video that decodes only part way (cut short, damaged) gives the curve of what decoded, marked
 * partial, instead of a curve that silently stops early or no curve at all. Clips are self-made and
 * then cut in half, so this runs on a fresh clone.
 */
class PartialVideoTest {
    private static final double FRAME = 1.0 / SyntheticClip.FPS;
    private static final double SECONDS = 8.0;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = Container.class, names = {"MP4_FASTSTART", "MKV"})
    void aClipCutInHalfIsPartialAndStopsWhereItsDataDoes(Container container) throws Exception {
        Path whole = dir.resolve("whole." + extension(container));
        SyntheticClip.write(whole, SECONDS, List.of(2.0, 6.0), container);
        Path cut = cutInHalf(whole);

        CurveAnalysis a = VideoCurveAnalyzer.DEFAULT.analyze(cut);

        assertTrue(a.partial(), container + ": " + a.frames() + " frames");
        assertEquals(SECONDS, a.duration(), FRAME, "the duration stays the one the file declares");
        double until = a.decodedUntil();
        assertTrue(until > 0.3 * SECONDS && until < 0.7 * SECONDS, "decoded until " + until);
        Optional<Double> dataEnd = dataEnd(whole, Files.size(cut));
        if (dataEnd.isPresent()) {
            assertEquals(dataEnd.get(), until, 3 * FRAME, "ffprobe: the last whole frame in the kept bytes");
        }
        double[] times = a.curve().times();
        assertTrue(times[times.length - 1] < until, "the curve stops at " + times[times.length - 1]);
        assertEquals(List.of(2.0), a.cuts(), "the cut before the damage is found, the one after is not there");
        assertEquals(Math.round(until / FRAME), a.frames(), 1, "one frame per period up to there");
    }

    @Test
    void completeClipsAreNotPartial() throws IOException {
        for (Container container : Container.values()) {
            Path clip = dir.resolve("whole." + extension(container));
            SyntheticClip.write(clip, 3.0, List.of(1.0), container);

            CurveAnalysis a = VideoCurveAnalyzer.DEFAULT.analyze(clip);

            assertFalse(a.partial(), container.toString());
            assertNull(a.decodedUntil());
            assertFalse(Json.write(a).contains("partial"), container.toString());
        }
    }

    @Test
    void sharedClipsAreNotPartial() throws IOException {
        List<String> clips = List.of("video/pyscenedetect/counter.mp4", "video/pyscenedetect/fades.mp4",
                "video/pyscenedetect/goldeneye-vfr-drop3.mp4", "video/pyscenedetect/testvideo.mp4",
                "video/bigbuckbunny/big_buck_bunny_0_30.webm");
        for (String clip : clips) {
            CurveAnalysis a = VideoCurveAnalyzer.DEFAULT.analyze(SharedTestData.file(clip));
            assertFalse(a.partial(), clip + " decoded until " + a.decodedUntil() + " of " + a.duration());
        }
    }

    @Test
    void anMp4CutBeforeItsIndexStillFailsInOneLine() throws IOException {
        Path whole = dir.resolve("whole.mp4");
        SyntheticClip.write(whole, SECONDS, List.of(2.0), Container.MP4);
        Path cut = cutInHalf(whole);

        BadInputException e = assertThrows(BadInputException.class, () -> VideoCurveAnalyzer.DEFAULT.analyze(cut));

        assertFalse(e instanceof MidStreamDecodeException, "it never opened: " + e.getMessage());
        assertTrue(e.getMessage().startsWith(cut.toString()) && !e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aFailureMidStreamKeepsTheFramesBeforeIt() throws IOException {
        Path clip = dir.resolve("clip.mp4");
        SyntheticClip.write(clip, 4.0, List.of(1.0, 3.0));

        CurveAnalysis a = VideoCurveAnalyzer.DEFAULT.analyze(clip, failingAfter(50), p -> { });

        assertTrue(a.partial());
        assertEquals(50, a.frames());
        assertEquals(50 * FRAME, a.decodedUntil(), 1e-6, "the 50th frame's end");
        assertEquals(4.0, a.duration(), FRAME);
        assertEquals(List.of(1.0), a.cuts());
    }

    @Test
    void aFailureBeforeTwoFramesIsTheFailure() throws IOException {
        Path clip = dir.resolve("clip.mp4");
        SyntheticClip.write(clip, 1.0, List.of());

        IOException e = assertThrows(IOException.class,
                () -> VideoCurveAnalyzer.DEFAULT.analyze(clip, failingAfter(1), p -> { }));

        assertInstanceOf(MidStreamDecodeException.class, e);
    }

    /** The default features, with decoding failing after {@code frames} frames as a damaged file's would. */
    private static VideoFeatures failingAfter(int frames) {
        VideoFeatures features = new ThumbnailVideoFeatures(VideoDecoder.DEFAULT_THUMB_WIDTH);
        return video -> {
            VideoFeatures.Reader reader = features.open(video);
            return new VideoFeatures.Reader() {
                int read;

                @Override
                public VideoInfo info() {
                    return reader.info();
                }

                @Override
                public VideoFeatures.Frame next() throws IOException {
                    if (read == frames) {
                        throw new MidStreamDecodeException(video + ": decoding failed (test)", read,
                                (read - 1) * FRAME, null);
                    }
                    read++;
                    return reader.next();
                }

                @Override
                public void close() throws IOException {
                    reader.close();
                }
            };
        };
    }

    private static String extension(Container container) {
        return container == Container.MKV ? "mkv" : "mp4";
    }

    /** A copy of {@code whole} with only its first half of bytes, as a download or copy cut off. */
    private Path cutInHalf(Path whole) throws IOException {
        byte[] bytes = Files.readAllBytes(whole);
        String name = whole.getFileName().toString().replace("whole", "cut");
        return Files.write(dir.resolve(name), Arrays.copyOf(bytes, bytes.length / 2));
    }

    /**
     * Where the picture in the first {@code keptBytes} of {@code whole} ends, by ffprobe's packet positions:
     * the end of the last frame whose packet lies wholly inside them. Empty when ffprobe is not installed.
     */
    private static Optional<Double> dataEnd(Path whole, long keptBytes) throws Exception {
        Optional<Path> ffprobe = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(d -> Path.of(d, "ffprobe")).filter(Files::isExecutable).findFirst();
        if (ffprobe.isEmpty()) {
            return Optional.empty();
        }
        String csv = SharedTestData.run(ffprobe.get().toString(), "-v", "error", "-select_streams", "v:0",
                "-show_entries", "packet=pts_time,pos,size", "-of", "csv=p=0", whole.toString());
        double end = 0;
        for (String line : csv.strip().split("\n")) {
            String[] f = line.split(",");
            double pts = Double.parseDouble(f[0]);
            if (Long.parseLong(f[2]) + Long.parseLong(f[1]) <= keptBytes) {
                end = Math.max(end, pts + FRAME);
            }
        }
        return Optional.of(end);
    }
}
