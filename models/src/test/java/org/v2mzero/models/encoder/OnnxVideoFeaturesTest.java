package org.v2mzero.models.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.v2mzero.models.curve.VideoCurveAnalyzer;
import org.v2mzero.models.video.SyntheticClip;
import org.v2mzero.protocol.CurveAnalysis;
import org.v2mzero.protocol.Hit;

/**
 * The whole recipe with an encoder in place of the hand-made features, on a self-made clip with
 * drawn hard cuts. The encoder is a fixed random projection of the normalised pixels (a
 * Johnson-Lindenstrauss sketch: it keeps the cosines of the pictures roughly as they are), written
 * by {@link TinyOnnx}: enough to show that the rest of the recipe finds the cuts through whatever
 * vectors the encoder gives.
 */
class OnnxVideoFeaturesTest {
    private static final double FRAME = 1.0 / SyntheticClip.FPS;
    private static final int WIDTH = 32;
    private static final int HEIGHT = 18;
    private static final int DIM = 64;

    @TempDir
    static Path dir;
    static Path clip;
    static List<Double> cutTimes;
    static CurveAnalysis thumbnails;

    @BeforeAll
    static void writeClipAndModels() throws IOException {
        clip = dir.resolve("cuts.mp4");
        cutTimes = SyntheticClip.write(clip, 6.0, List.of(1.0, 2.5, 4.02));
        thumbnails = VideoCurveAnalyzer.DEFAULT.analyze(clip);
        for (int channels : new int[] {1, 3}) {
            randomProjection(dir, "projection-" + channels, channels, WIDTH, HEIGHT, DIM);
        }
    }

    @ParameterizedTest(name = "{0} channel(s)")
    @ValueSource(ints = {1, 3})
    void theEncoderCurveFindsTheCutsAtTheSameTimes(int channels) throws IOException {
        CurveAnalysis encoded = analyze(channels);
        assertEquals(thumbnails.frames(), encoded.frames());
        assertArrayEquals(thumbnails.curve().times(), encoded.curve().times(), 0.0, "the same exact frame times");
        List<Double> found = encoded.cuts();
        assertEquals(cutTimes.size(), found.size(), "found " + found);
        for (int i = 0; i < found.size(); i++) {
            assertEquals(cutTimes.get(i), found.get(i), FRAME, "cut " + i + " of " + found);
        }
        List<Hit> hits = encoded.hits();
        for (int i = 0; i < cutTimes.size(); i++) {
            double t = hits.get(i).time();
            assertTrue(cutTimes.stream().anyMatch(c -> Math.abs(c - t) <= FRAME), "hit " + t + " is a cut: " + hits);
        }
        assertEquals(thumbnails.sections(), encoded.sections(), "sections follow the same cuts");
    }

    @Test
    void framesEncodedInBatchesGiveTheSameCurve() throws IOException {
        CurveAnalysis single = analyze(3);
        CurveAnalysis batched;
        ImageEncoderManifest m = ImageEncoderManifest.read(dir.resolve("projection-3.json"));
        // 150 frames in batches of 7: the last batch holds 3.
        try (OnnxImageEncoder encoder = OnnxImageEncoder.load(m, 7)) {
            batched = VideoCurveAnalyzer.DEFAULT.analyze(clip, new OnnxVideoFeatures(encoder), p -> { });
        }
        assertEquals(single.frames(), batched.frames());
        assertArrayEquals(single.curve().times(), batched.curve().times(), 0.0);
        assertArrayEquals(single.curve().values(), batched.curve().values(), 1e-4);
        assertEquals(single.cuts(), batched.cuts());
    }

    @Test
    void sameInputSameNumbers() throws IOException {
        assertEquals(analyze(3), analyze(3));
    }

    @Test
    void aFadeThroughBlackIsNotACut() throws IOException {
        Path fade = dir.resolve("fade.mp4");
        SyntheticClip.writeFadeThroughBlack(fade, 5.0, 1.0, 1.0, 0.5);
        CurveAnalysis analysis = analyze(fade, 3);
        assertEquals(List.of(), analysis.cuts());
        assertEquals(125, analysis.frames());
    }

    private static CurveAnalysis analyze(int channels) throws IOException {
        return analyze(clip, channels);
    }

    private static CurveAnalysis analyze(Path video, int channels) throws IOException {
        ImageEncoderManifest m = ImageEncoderManifest.read(dir.resolve("projection-" + channels + ".json"));
        try (OnnxImageEncoder encoder = OnnxImageEncoder.load(m)) {
            return VideoCurveAnalyzer.DEFAULT.analyze(video, new OnnxVideoFeatures(encoder), p -> { });
        }
    }

    /**
     * Writes {@code NAME.onnx} and its manifest {@code NAME.json} into {@code dir}: a
     * {@code [channels * height * width, dim]} matrix of N(0, 1/dim) numbers from a fixed seed.
     *
     * @return the manifest
     */
    static Path randomProjection(Path dir, String name, int channels, int width, int height, int dim)
            throws IOException {
        int n = channels * width * height;
        Random random = new Random(20240611L + channels);
        float[] weights = new float[n * dim];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) (random.nextGaussian() / Math.sqrt(dim));
        }
        TinyOnnx.projection(channels, height, width, dim, weights, TinyOnnx.FREE).write(dir.resolve(name + ".onnx"));
        String perChannel = channels == 1 ? "[%s]" : "[%s, %<s, %<s]";
        return Files.writeString(dir.resolve(name + ".json"), """
                {"model": "%s.onnx", "input": "pixels", "width": %d, "height": %d, "channels": %d,
                 "mean": %s, "std": %s, "output": "embedding", "pooling": "none"}
                """.formatted(name, width, height, channels, perChannel.formatted("0.5"),
                perChannel.formatted("0.25")));
    }
}
