package org.v2mzero.models.neural;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.v2mzero.models.video.MediaFiles;
import org.v2mzero.protocol.BadInputException;

/**
 * A trained {@code v2m-neural-3} model (training/MODEL.md) loaded into ONNX Runtime: {@code model.json}
 * checked, {@code step.onnx} (the attention-cache graph) opened on CUDA or the CPU, {@code full.onnx}
 * opened on first use. From a folder, or the one shipped on the classpath under {@link #RESOURCE_FOLDER}.
 *
 * <p>Thread-safe (ONNX Runtime sessions may run from several threads); {@link #close()} frees the natives.
 */
public final class NeuralModel implements AutoCloseable {
    /** Where the shipped model lies on the classpath: model.json and the graphs it names. */
    public static final String RESOURCE_FOLDER = "/org/v2mzero/models/neural/model/";
    /** The one line said when the shipped model is asked for and the build lost it. */
    public static final String NO_DEFAULT = "the shipped neural model is missing (classpath " + RESOURCE_FOLDER
            + NeuralModelInfo.FILE + "; rebuild the models module)";
    /** Two cores on the development machines; more only help a larger model than the shipped one. */
    private static final int THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    /** Which execution provider a caller wants. */
    public enum Device {
        /** CUDA when this ONNX Runtime has the provider, else the CPU (the reason is kept). */
        AUTO,
        /** The CPU only. */
        CPU,
        /** CUDA; the CPU, with the reason, when it cannot be had. */
        CUDA
    }

    /** Reads a graph or model.json by file name from where the model lies. */
    @FunctionalInterface
    private interface GraphFiles {
        byte[] read(String name) throws IOException;
    }

    private final NeuralModelInfo info;
    private final String digest;
    private final GraphFiles files;
    private final OrtEnvironment env;
    private final OrtSession step;
    private final String provider;
    private final String fallbackReason;
    private OrtSession full;

    private NeuralModel(NeuralModelInfo info, String digest, GraphFiles files, OrtEnvironment env,
            ExecutionProviders.Opened step) {
        this.info = info;
        this.digest = digest;
        this.files = files;
        this.env = env;
        this.step = step.session();
        this.provider = step.provider();
        this.fallbackReason = step.fallbackReason();
    }

    /**
     * Loads the model in a folder (model.json beside its graphs).
     *
     * @throws BadInputException one line naming the file and the field or the reason
     */
    public static NeuralModel load(Path dir, Device device) throws IOException {
        Path json = dir.resolve(NeuralModelInfo.FILE);
        return load(json.toString(), name -> {
            try {
                return Files.readAllBytes(dir.resolve(name));
            } catch (NoSuchFileException e) {
                throw new BadInputException(dir.resolve(name) + ": no such file (expected: named by " + json + ")");
            }
        }, device);
    }

    /**
     * Loads the model shipped on the classpath.
     *
     * @throws BadInputException {@link #NO_DEFAULT} when none is shipped, or what is wrong with it
     */
    public static NeuralModel loadDefault(Device device) throws IOException {
        if (!hasDefault()) {
            throw new BadInputException(NO_DEFAULT);
        }
        return load("classpath:" + RESOURCE_FOLDER + NeuralModelInfo.FILE, NeuralModel::resource, device);
    }

    /** Whether a model is shipped on the classpath. */
    public static boolean hasDefault() {
        return NeuralModel.class.getResource(RESOURCE_FOLDER + NeuralModelInfo.FILE) != null;
    }

    /** Whether this ONNX Runtime build has the CUDA provider (the GPU and its libraries may still be missing). */
    public static boolean cudaInThisBuild() {
        return ExecutionProviders.cudaInThisBuild();
    }

    /** Where a model would run with {@link Device#AUTO}, before one is loaded: for {@code v2m doctor}. */
    public static String plannedProvider() {
        return ExecutionProviders.cudaInThisBuild() ? "CUDA when a GPU with CUDA 12 and cuDNN 9 is present, else CPU"
                : "CPU (" + ExecutionProviders.NO_CUDA_BUILD + ")";
    }

    private static NeuralModel load(String source, GraphFiles files, Device device) throws IOException {
        byte[] json = files.read(NeuralModelInfo.FILE);
        NeuralModelInfo info = NeuralModelInfo.parse(source, json);
        byte[] graph = files.read(info.step());
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        ExecutionProviders.Opened opened;
        try {
            opened = ExecutionProviders.open(env, graph, device, THREADS);
        } catch (OrtException e) {
            throw new BadInputException(source + ": graphs.step : " + info.step() + " does not load ("
                    + MediaFiles.firstLine(e) + ")", e);
        }
        try {
            GraphNames.check(source, "graphs.step", opened.session(), GraphNames.STEP_INPUTS);
        } catch (BadInputException | OrtException e) {
            close(opened.session());
            throw e instanceof BadInputException b ? b : new BadInputException(source + ": " + e.getMessage(), e);
        }
        return new NeuralModel(info, sha256(json, graph), files, env, opened);
    }

    public NeuralModelInfo info() {
        return info;
    }

    /** {@code CPU} or {@code CUDA}: where {@code step.onnx} runs. */
    public String executionProvider() {
        return provider;
    }

    /** Why the model runs on the CPU though CUDA was wanted (or could have been), or empty. */
    public Optional<String> fallbackReason() {
        return Optional.ofNullable(fallbackReason);
    }

    /** The first 12 hex digits of SHA-256 over model.json and step.onnx: which weights made a take. */
    public String digest() {
        return digest;
    }

    OrtEnvironment environment() {
        return env;
    }

    OrtSession stepSession() {
        return step;
    }

    /**
     * Logits of every position of a whole sequence through {@code full.onnx} (no cache), row-major
     * {@code [tokens.length, Vocabulary.SIZE]}; for tests and scoring. Opens the graph on the CPU on first use.
     *
     * @param curve {@code tokens.length × 6} features, row-major
     * @param style {@value NeuralModelInfo#STYLE_DIMENSIONS} floats
     */
    public float[] fullLogits(int[] tokens, float[] curve, float[] style) throws IOException {
        OrtSession session = full();
        long[] ids = new long[tokens.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = tokens[i];
        }
        try (OnnxTensor t = OnnxTensor.createTensor(env, java.nio.LongBuffer.wrap(ids), new long[] {1, ids.length});
                OnnxTensor c = OnnxTensor.createTensor(env, FloatBuffer.wrap(curve),
                        new long[] {1, ids.length, CurveFeatures.SIZE});
                OnnxTensor s = OnnxTensor.createTensor(env, FloatBuffer.wrap(style), new long[] {1, style.length});
                OrtSession.Result r = session.run(Map.of("tokens", t, "curve", c, "style", s), Set.of("logits"))) {
            FloatBuffer logits = ((OnnxTensor) r.get(0)).getFloatBuffer();
            float[] out = new float[logits.capacity()];
            logits.get(0, out);
            return out;
        } catch (OrtException e) {
            throw new IOException(info.source() + ": graphs.full : " + info.full() + " fails to run ("
                    + MediaFiles.firstLine(e) + ")", e);
        }
    }

    private synchronized OrtSession full() throws IOException {
        if (full == null) {
            try {
                full = ExecutionProviders.open(env, files.read(info.full()), Device.CPU, THREADS).session();
                GraphNames.check(info.source(), "graphs.full", full, GraphNames.FULL_INPUTS);
            } catch (OrtException e) {
                throw new BadInputException(info.source() + ": graphs.full : " + info.full() + " does not load ("
                        + MediaFiles.firstLine(e) + ")", e);
            }
        }
        return full;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = NeuralModel.class.getResourceAsStream(RESOURCE_FOLDER + name)) {
            if (in == null) {
                throw new BadInputException("classpath:" + RESOURCE_FOLDER + name + ": missing (expected: named by "
                        + NeuralModelInfo.FILE + ")");
            }
            return in.readAllBytes();
        }
    }

    private static String sha256(byte[] json, byte[] graph) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(json);
            d.update(graph);
            return HexFormat.of().formatHex(d.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static void close(OrtSession session) {
        try {
            session.close();
        } catch (OrtException e) {
            // Already failing with the better reason.
        }
    }

    @Override
    public synchronized void close() {
        close(step);
        if (full != null) {
            close(full);
        }
    }
}
