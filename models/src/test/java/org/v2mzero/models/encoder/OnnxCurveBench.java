package org.v2mzero.models.encoder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.v2mzero.models.curve.VideoCurveAnalyzer;
import org.v2mzero.models.video.Picture;
import org.v2mzero.protocol.CurveAnalysis;

/**
 * Not a test: frames per second of the whole curve (decode, features, recipe) with an encoder
 * against the default thumbnails, measured on the same file in the same run, and what batching
 * gives. Encoders: the test's random projection ({@link OnnxVideoFeaturesTest#randomProjection}) at
 * 32 x 18, and a pooled 1 x 1 convolution at DINOv2's 224 x 224 (cheap models: what they cost is
 * decoding and pixel handling at that size); with {@code --vit}, also the inference alone of a ViT-S/14-shaped stand-in (random weights, the
 * compute of a DINOv2-small forward pass), to show what a real encoder would cost here.
 *
 * <p>Run: {@code java -cp <test classpath> org.v2mzero.models.encoder.OnnxCurveBench VIDEO [DIR] [--vit]};
 * the models and manifests are left in DIR (default: a temporary folder) for {@code v2m curve --encoder}.
 */
public final class OnnxCurveBench {
    private static final int ROUNDS = 3;
    private static final int[] BATCHES = {1, 8};
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    /** Wall-clock speed, and the process's CPU time per frame (steadier on a busy machine). */
    private record Speed(double fps, double cpuMs) {
        static Speed since(long wall0, long cpu0, int frames) {
            return new Speed(frames / ((System.nanoTime() - wall0) / 1e9),
                    (OS.getProcessCpuTime() - cpu0) / 1e6 / frames);
        }

        String ratio(Speed reference) {
            return String.format("%.0f frames/s, %.2f CPU ms/frame (x%.2f, x%.2f)", fps, cpuMs, fps / reference.fps,
                    cpuMs / reference.cpuMs);
        }
    }

    private OnnxCurveBench() {}

    public static void main(String[] args) throws Exception {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        boolean vit = rest.remove("--vit");
        if (rest.isEmpty()) {
            System.err.println("usage: OnnxCurveBench VIDEO [DIR] [--vit]");
            System.exit(2);
        }
        Path video = Path.of(rest.get(0));
        Path dir = rest.size() > 1 ? Files.createDirectories(Path.of(rest.get(1)))
                : Files.createTempDirectory("onnx-bench");
        Path small = OnnxVideoFeaturesTest.randomProjection(dir, "projection-32x18", 3, 32, 18, 64);
        Path dino = pooledConvolution(dir, 224, 224);
        System.out.printf("%s; models and manifests in %s%n", video, dir);
        for (int round = 0; round < ROUNDS; round++) {
            Speed reference = thumbnails(video);
            System.out.printf("round %d: thumbnails %.0f frames/s, %.2f CPU ms/frame%n", round, reference.fps,
                    reference.cpuMs);
            for (Path manifest : List.of(small, dino)) {
                for (int batch : BATCHES) {
                    Speed speed = encoded(video, manifest, batch);
                    System.out.printf("  %s batch %d: %s%n", manifest.getFileName(), batch, speed.ratio(reference));
                }
            }
        }
        if (vit) {
            vitStandIn(dir);
        }
    }

    /** A 1 x 1 convolution to 8 channels averaged by GlobalAveragePool: next to no compute. */
    private static Path pooledConvolution(Path dir, int width, int height) throws Exception {
        String name = "conv-" + width + "x" + height;
        TinyOnnx.convolution(3, height, width, 8, OnnxImageEncoderTest.weights(8, 3)).write(dir.resolve(name + ".onnx"));
        return Files.writeString(dir.resolve(name + ".json"), """
                {"model": "%s.onnx", "input": "pixels", "width": %d, "height": %d, "channels": 3,
                 "mean": [0.485, 0.456, 0.406], "std": [0.229, 0.224, 0.225], "output": "pooled", "pooling": "none"}
                """.formatted(name, width, height));
    }

    private static Speed thumbnails(Path video) throws Exception {
        long t0 = System.nanoTime();
        long c0 = OS.getProcessCpuTime();
        CurveAnalysis a = VideoCurveAnalyzer.DEFAULT.analyze(video);
        return Speed.since(t0, c0, a.frames());
    }

    /** The whole curve with the encoder, its loading included (as {@code v2m curve --encoder} does). */
    private static Speed encoded(Path video, Path manifest, int batch) throws Exception {
        long t0 = System.nanoTime();
        long c0 = OS.getProcessCpuTime();
        try (OnnxImageEncoder encoder = OnnxImageEncoder.load(ImageEncoderManifest.read(manifest), batch)) {
            CurveAnalysis a = VideoCurveAnalyzer.DEFAULT.analyze(video, new OnnxVideoFeatures(encoder), p -> { });
            return Speed.since(t0, c0, a.frames());
        }
    }

    /** Inference alone, 224 x 224 RGB pictures, batch 1 against the default batch. */
    private static void vitStandIn(Path dir) throws Exception {
        Path model = vitSmall().write(dir.resolve("vit-s-standin.onnx"));
        Path manifest = Files.writeString(dir.resolve("vit-s-standin.json"), """
                {"model": "%s", "input": "pixels", "width": 224, "height": 224, "channels": 3,
                 "mean": [0.485, 0.456, 0.406], "std": [0.229, 0.224, 0.225], "output": "tokens", "pooling": "cls"}
                """.formatted(model.getFileName()));
        Random random = new Random(7);
        List<Picture> pictures = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            float[][] planes = new float[3][224 * 224];
            for (float[] plane : planes) {
                for (int k = 0; k < plane.length; k++) {
                    plane[k] = random.nextInt(256);
                }
            }
            pictures.add(new Picture(i, 224, 224, planes));
        }
        for (int round = 0; round < ROUNDS; round++) {
            for (int batch : BATCHES) {
                try (OnnxImageEncoder encoder = OnnxImageEncoder.load(ImageEncoderManifest.read(manifest), batch)) {
                    encoder.encode(pictures.subList(0, batch));
                    long t0 = System.nanoTime();
                    long c0 = OS.getProcessCpuTime();
                    encoder.encode(pictures);
                    Speed s = Speed.since(t0, c0, pictures.size());
                    System.out.printf("round %d: ViT-S/14 stand-in inference, batch %d: %.1f frames/s, %.0f CPU ms/frame%n",
                            round, batch, s.fps, s.cpuMs);
                }
            }
        }
    }

    /**
     * ViT-S/14 at 224 x 224 without its layer norms (opset 13 has none): 14 x 14 patches embedded to
     * 384, then 12 blocks of single-head attention and a 1536-wide MLP over 256 tokens, about 4.6 G
     * multiply-adds per picture like DINOv2-small.
     */
    static TinyOnnx.Graph vitSmall() {
        int dim = 384;
        int hidden = 1536;
        Random random = new Random(14);
        TinyOnnx.Graph g = new TinyOnnx.Graph()
                .input("pixels", TinyOnnx.FREE, 3, 224, 224)
                .floats("patch", gaussian(random, dim * 3 * 14 * 14, 3 * 14 * 14), dim, 3, 14, 14)
                .longs("shape", new long[] {0, dim, -1}, 3)
                .node("Conv", List.of("pixels", "patch"), List.of("patches"), TinyOnnx.intsAttribute("strides", 14, 14))
                .node("Reshape", List.of("patches", "shape"), List.of("grouped"))
                .node("Transpose", List.of("grouped"), List.of("x0"), TinyOnnx.intsAttribute("perm", 0, 2, 1));
        String x = "x0";
        for (int b = 0; b < 12; b++) {
            String p = "b" + b + "_";
            for (String w : List.of("q", "k", "v", "o")) {
                g.floats(p + w, gaussian(random, dim * dim, dim), dim, dim);
            }
            g.floats(p + "w1", gaussian(random, dim * hidden, dim), dim, hidden)
                    .floats(p + "w2", gaussian(random, hidden * dim, hidden), hidden, dim)
                    .node("MatMul", List.of(x, p + "q"), List.of(p + "Q"))
                    .node("MatMul", List.of(x, p + "k"), List.of(p + "K"))
                    .node("MatMul", List.of(x, p + "v"), List.of(p + "V"))
                    .node("Transpose", List.of(p + "K"), List.of(p + "Kt"), TinyOnnx.intsAttribute("perm", 0, 2, 1))
                    .node("MatMul", List.of(p + "Q", p + "Kt"), List.of(p + "S"))
                    .node("Softmax", List.of(p + "S"), List.of(p + "A"), TinyOnnx.intAttribute("axis", -1))
                    .node("MatMul", List.of(p + "A", p + "V"), List.of(p + "AV"))
                    .node("MatMul", List.of(p + "AV", p + "o"), List.of(p + "O"))
                    .node("Add", List.of(x, p + "O"), List.of(p + "x1"))
                    .node("MatMul", List.of(p + "x1", p + "w1"), List.of(p + "h"))
                    .node("Relu", List.of(p + "h"), List.of(p + "r"))
                    .node("MatMul", List.of(p + "r", p + "w2"), List.of(p + "m"))
                    .node("Add", List.of(p + "x1", p + "m"), List.of(p + "x2"));
            x = p + "x2";
        }
        return g.node("Identity", List.of(x), List.of("tokens")).output("tokens", TinyOnnx.FREE, 256, dim);
    }

    private static float[] gaussian(Random random, int n, int fanIn) {
        float[] w = new float[n];
        double scale = 0.5 / Math.sqrt(fanIn);
        for (int i = 0; i < n; i++) {
            w[i] = (float) (random.nextGaussian() * scale);
        }
        return w;
    }
}
