package org.v2mzero.models.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.models.video.Picture;
import org.v2mzero.protocol.BadInputException;

/**
 * The encoder on models written by {@link TinyOnnx}, against vectors computed by hand from the
 * same pixels, normalisation and weights; and the one-line errors of manifests that do not fit
 * their model.
 */
class OnnxImageEncoderTest {
    private static final int C = 3;
    private static final int H = 2;
    private static final int W = 4;
    private static final double[] MEAN = {0.5, 0.4, 0.3};
    private static final double[] STD = {0.25, 0.2, 0.1};

    @TempDir
    Path dir;

    @Test
    void projectionOfAKnownPictureIsTheHandComputedProduct() throws IOException {
        int d = 5;
        float[] weights = weights(C * H * W, d);
        TinyOnnx.projection(C, H, W, d, weights, TinyOnnx.FREE).write(dir.resolve("p.onnx"));
        Picture picture = picture(0, 0);
        double[] x = normalised(picture);
        float[] got;
        try (OnnxImageEncoder encoder = load("p.onnx", "pixels", "embedding", "none")) {
            got = encoder.encode(picture);
        }
        assertEquals(d, got.length);
        for (int j = 0; j < d; j++) {
            double want = 0;
            for (int k = 0; k < x.length; k++) {
                want += x[k] * weights[k * d + j];
            }
            assertEquals(want, got[j], 1e-4, "component " + j);
        }
    }

    @Test
    void clsIsTheFirstTokenAndMeanAveragesTheTokens() throws IOException {
        TinyOnnx.tokens(C, H, W).write(dir.resolve("t.onnx"));
        Picture picture = picture(0, 7);
        double[] x = normalised(picture);
        float[] cls;
        float[] mean;
        try (OnnxImageEncoder encoder = load("t.onnx", "pixels", "tokens", "cls")) {
            cls = encoder.encode(picture);
        }
        try (OnnxImageEncoder encoder = load("t.onnx", "pixels", "tokens", "mean")) {
            mean = encoder.encode(picture);
        }
        assertEquals(C, cls.length, "a token per pixel, one value per channel");
        for (int c = 0; c < C; c++) {
            assertEquals(x[c * H * W], cls[c], 1e-5, "token 0 is pixel (0, 0), channel " + c);
            double sum = 0;
            for (int i = 0; i < H * W; i++) {
                sum += x[c * H * W + i];
            }
            assertEquals(sum / (H * W), mean[c], 1e-5, "channel " + c + " averaged over the pixels");
        }
    }

    @Test
    void meanOverPositionsIsTheModelsOwnGlobalAveragePool() throws IOException {
        int d = 4;
        float[] kernel = weights(d, C);
        TinyOnnx.convolution(C, H, W, d, kernel).write(dir.resolve("c.onnx"));
        Picture picture = picture(0, 3);
        float[] pooledHere;
        float[] pooledInModel;
        try (OnnxImageEncoder encoder = load("c.onnx", "pixels", "spatial", "mean")) {
            pooledHere = encoder.encode(picture);
        }
        try (OnnxImageEncoder encoder = load("c.onnx", "pixels", "pooled", "none")) {
            pooledInModel = encoder.encode(picture);
        }
        double[] x = normalised(picture);
        for (int o = 0; o < d; o++) {
            double want = 0;
            for (int c = 0; c < C; c++) {
                for (int i = 0; i < H * W; i++) {
                    want += kernel[o * C + c] * x[c * H * W + i] / (H * W);
                }
            }
            assertEquals(want, pooledHere[o], 1e-5, "mean of [batch, d, h, w], component " + o);
            assertEquals(pooledInModel[o], pooledHere[o], 1e-5, "GlobalAveragePool, component " + o);
        }
    }

    @Test
    void batchesGiveWhatPicturesOneAtATimeGive() throws IOException {
        int d = 6;
        TinyOnnx.projection(C, H, W, d, weights(C * H * W, d), TinyOnnx.FREE).write(dir.resolve("p.onnx"));
        List<Picture> pictures = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            pictures.add(picture(i / 25.0, 13 * i));
        }
        ImageEncoderManifest m = manifest("p.onnx", "pixels", "embedding", "none");
        List<float[]> batched;
        List<float[]> single;
        try (OnnxImageEncoder encoder = OnnxImageEncoder.load(m, 4)) {
            assertEquals(4, encoder.batchSize());
            batched = encoder.encode(pictures);
        }
        try (OnnxImageEncoder encoder = OnnxImageEncoder.load(m, 1)) {
            single = encoder.encode(pictures);
        }
        assertEquals(11, batched.size());
        for (int i = 0; i < 11; i++) {
            assertArrayEquals(single.get(i), batched.get(i), 1e-5f, "picture " + i);
        }
    }

    @Test
    void aFixedBatchIsFilledUpAndTheExtraRowsDropped() throws IOException {
        int d = 3;
        float[] weights = weights(C * H * W, d);
        TinyOnnx.projection(C, H, W, d, weights, 4).write(dir.resolve("fixed.onnx"));
        TinyOnnx.projection(C, H, W, d, weights, TinyOnnx.FREE).write(dir.resolve("free.onnx"));
        List<Picture> pictures = List.of(picture(0, 1), picture(0, 2), picture(0, 3), picture(0, 4), picture(0, 5));
        List<float[]> fixed;
        List<float[]> free;
        try (OnnxImageEncoder encoder = load("fixed.onnx", "pixels", "embedding", "none")) {
            assertEquals(4, encoder.batchSize(), "the model's batch size wins");
            fixed = encoder.encode(pictures);
        }
        try (OnnxImageEncoder encoder = load("free.onnx", "pixels", "embedding", "none")) {
            free = encoder.encode(pictures);
        }
        assertEquals(5, fixed.size());
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(free.get(i), fixed.get(i), 1e-5f, "picture " + i);
        }
    }

    @Test
    void aPictureOfTheWrongSizeIsRefused() throws IOException {
        TinyOnnx.tokens(C, H, W).write(dir.resolve("t.onnx"));
        try (OnnxImageEncoder encoder = load("t.onnx", "pixels", "tokens", "cls")) {
            Picture small = new Picture(0, 2, 2, new float[][] {new float[4], new float[4], new float[4]});
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> encoder.encode(small));
            assertTrue(e.getMessage().startsWith("picture : 2 x 2 x 3 (expected: 4 x 2 x 3"), e.getMessage());
        }
    }

    @Test
    void aWrongInputNameNamesTheModelsInputs() throws IOException {
        TinyOnnx.tokens(C, H, W).write(dir.resolve("t.onnx"));
        assertLoadFails(manifest("t.onnx", "pixel_values", "tokens", "cls"),
                "input : \"pixel_values\" (expected: one of the model's inputs [pixels])");
    }

    @Test
    void aWrongOutputNameNamesTheModelsOutputs() throws IOException {
        TinyOnnx.convolution(C, H, W, 2, weights(2, C)).write(dir.resolve("c.onnx"));
        BadInputException e = assertThrows(BadInputException.class,
                () -> OnnxImageEncoder.load(manifest("c.onnx", "pixels", "last_hidden_state", "mean")));
        assertOneLine(e);
        assertTrue(e.getMessage().contains("output : \"last_hidden_state\" (expected: one of the model's outputs ["),
                e.getMessage());
        assertTrue(e.getMessage().contains("pooled") && e.getMessage().contains("spatial"), e.getMessage());
    }

    @Test
    void anOutputOfTheWrongRankForItsPoolingIsRefused() throws IOException {
        TinyOnnx.projection(C, H, W, 5, weights(C * H * W, 5), TinyOnnx.FREE).write(dir.resolve("p.onnx"));
        assertLoadFails(manifest("p.onnx", "pixels", "embedding", "cls"),
                "output : \"embedding\" shape [-1, 5], rank 2 (expected: rank 3, [batch, tokens, dim] for pooling"
                        + " \"cls\")");
        TinyOnnx.tokens(C, H, W).write(dir.resolve("t.onnx"));
        assertLoadFails(manifest("t.onnx", "pixels", "tokens", "none"),
                "output : \"tokens\" shape [-1, 8, 3], rank 3 (expected: rank 2, [batch, dim] for pooling \"none\")");
    }

    @Test
    void anInputSizeTheModelDoesNotTakeIsRefused() throws IOException {
        TinyOnnx.tokens(C, H, W).write(dir.resolve("t.onnx"));
        Path file = writeManifest("t.onnx", "pixels", "tokens", "cls", 8, H);
        assertLoadFails(ImageEncoderManifest.read(file), "input : \"pixels\" shape [-1, 3, 2, 4] (expected: float"
                + " [batch, 3, 2, 8] for channels, height, width, NCHW)");
    }

    @Test
    void aFileThatIsNoOnnxModelSaysSo() throws IOException {
        Files.writeString(dir.resolve("broken.onnx"), "this is not a protobuf");
        BadInputException e = assertThrows(BadInputException.class,
                () -> OnnxImageEncoder.load(manifest("broken.onnx", "pixels", "tokens", "cls")));
        assertOneLine(e);
        assertTrue(e.getMessage().startsWith(dir.resolve("m.json") + ": model : \"broken.onnx\" (expected: an ONNX"
                + " model that ONNX Runtime loads; it says: "), e.getMessage());
    }

    private void assertLoadFails(ImageEncoderManifest m, String message) {
        BadInputException e = assertThrows(BadInputException.class, () -> OnnxImageEncoder.load(m));
        assertEquals(m.file() + ": " + message, e.getMessage());
    }

    static void assertOneLine(Exception e) {
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    private OnnxImageEncoder load(String model, String input, String output, String pooling) throws IOException {
        return OnnxImageEncoder.load(manifest(model, input, output, pooling));
    }

    private ImageEncoderManifest manifest(String model, String input, String output, String pooling)
            throws IOException {
        return ImageEncoderManifest.read(writeManifest(model, input, output, pooling, W, H));
    }

    private Path writeManifest(String model, String input, String output, String pooling, int width, int height)
            throws IOException {
        return Files.writeString(dir.resolve("m.json"), """
                {"model": "%s", "input": "%s", "width": %d, "height": %d, "channels": 3, "layout": "NCHW",
                 "mean": [0.5, 0.4, 0.3], "std": [0.25, 0.2, 0.1], "output": "%s", "pooling": "%s"}
                """.formatted(model, input, width, height, output, pooling));
    }

    /** Fixed weights in -0.5..0.5 with no pattern the tests could accidentally depend on. */
    static float[] weights(int rows, int cols) {
        float[] w = new float[rows * cols];
        for (int i = 0; i < w.length; i++) {
            w[i] = ((i * 37 + 11) % 23) / 22f - 0.5f;
        }
        return w;
    }

    /** A W x H RGB picture whose pixel values (0..255) follow from {@code seed}. */
    private static Picture picture(double time, int seed) {
        float[][] planes = new float[C][H * W];
        for (int c = 0; c < C; c++) {
            for (int i = 0; i < H * W; i++) {
                planes[c][i] = (seed * 31 + c * 50 + i * 29) % 256;
            }
        }
        return new Picture(time, W, H, planes);
    }

    /** The picture as the model sees it, NCHW flattened: (v / 255 - mean) / std. */
    private static double[] normalised(Picture p) {
        double[] x = new double[C * H * W];
        for (int c = 0; c < C; c++) {
            for (int i = 0; i < H * W; i++) {
                x[c * H * W + i] = (p.planes()[c][i] / 255.0 - MEAN[c]) / STD[c];
            }
        }
        return x;
    }
}
