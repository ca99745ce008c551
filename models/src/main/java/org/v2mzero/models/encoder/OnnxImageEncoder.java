package org.v2mzero.models.encoder;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.v2mzero.models.video.Picture;
import org.v2mzero.protocol.BadInputException;

/**
 * An ONNX image encoder run as its {@link ImageEncoderManifest} says: pictures in, one feature
 * vector per picture out. Pixels are normalised into an NCHW float tensor, {@link #batchSize()}
 * pictures go through ONNX Runtime per run, and the named output is pooled.
 *
 * <p>Thread-safe: an ONNX Runtime session may run from several threads, and each run takes an input
 * buffer of its own from a pool (one per thread that runs at once). Load once and share;
 * {@link #close()} releases the native session.
 */
public final class OnnxImageEncoder implements AutoCloseable {
    /**
     * Pictures per run when the model's batch dimension is free: one. On the CPU, batches gained
     * nothing (OnnxCurveBench on a 720p clip: the whole 224 x 224 path at 3.1-3.7 CPU ms a frame one
     * at a time, 3.5-4.0 in batches of 8; a ViT-S/14-shaped model's inference at 72-76 CPU ms a frame
     * alone, 78-86 in batches of 8), so frames are not held back to form them. Models with a fixed batch
     * size get batches of that size; {@link #load(ImageEncoderManifest, int)} asks for others.
     */
    public static final int DEFAULT_BATCH = 1;

    private final ImageEncoderManifest manifest;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final int batch;
    private final boolean fixedBatch;
    private final float[] scale;
    private final float[] offset;
    /**
     * Direct input buffers, reused: ONNX Runtime takes a direct buffer as it is, but copies a heap
     * array through a fresh direct one, which cost 20 times the normalisation itself at 224 x 224.
     */
    private final ConcurrentLinkedQueue<FloatBuffer> inputs = new ConcurrentLinkedQueue<>();

    private OnnxImageEncoder(ImageEncoderManifest manifest, OrtEnvironment env, OrtSession session, int batch,
            boolean fixedBatch) {
        this.manifest = manifest;
        this.env = env;
        this.session = session;
        this.batch = batch;
        this.fixedBatch = fixedBatch;
        int channels = manifest.channels();
        this.scale = new float[channels];
        this.offset = new float[channels];
        for (int c = 0; c < channels; c++) {
            // (v / 255 - mean) / std as one multiply-add per pixel.
            double std = manifest.std().get(c);
            scale[c] = (float) (1 / (255 * std));
            offset[c] = (float) (-manifest.mean().get(c) / std);
        }
    }

    /** {@link #load(ImageEncoderManifest, int)} with {@link #DEFAULT_BATCH}. */
    public static OnnxImageEncoder load(ImageEncoderManifest manifest) throws BadInputException {
        return load(manifest, DEFAULT_BATCH);
    }

    /**
     * Loads the manifest's model and checks that it fits the manifest.
     *
     * @param maxBatch pictures per run when the model's batch dimension is free (a fixed one wins)
     * @throws BadInputException one line naming the manifest and the field, when the model does not
     *                           load, has no such input or output, or their shapes do not fit
     */
    public static OnnxImageEncoder load(ImageEncoderManifest manifest, int maxBatch) throws BadInputException {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch : " + maxBatch + " (expected: >= 1)");
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession session;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setInterOpNumThreads(1);
            // Frames are decoded between runs on the same thread; spinning workers would take cores
            // from the decoder while they wait.
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            session = env.createSession(manifest.model().toString(), options);
        } catch (OrtException e) {
            throw manifest.error("model", ImageEncoderManifest.quoted(manifest.model().getFileName().toString()),
                    "an ONNX model that ONNX Runtime loads; it says: " + firstLine(e));
        }
        try {
            long inputBatch = checkInput(manifest, session);
            checkOutput(manifest, session);
            boolean fixed = inputBatch > 0;
            return new OnnxImageEncoder(manifest, env, session, fixed ? (int) inputBatch : maxBatch, fixed);
        } catch (BadInputException | OrtException | RuntimeException e) {
            closeQuietly(session, e);
            if (e instanceof BadInputException bad) {
                throw bad;
            }
            throw manifest.error("model", ImageEncoderManifest.quoted(manifest.model().getFileName().toString()),
                    "a model whose inputs and outputs ONNX Runtime can describe; it says: " + firstLine(e));
        }
    }

    /** The input's batch dimension: > 0 when fixed, -1 when free. */
    private static long checkInput(ImageEncoderManifest m, OrtSession session) throws OrtException, BadInputException {
        Map<String, NodeInfo> inputs = session.getInputInfo();
        NodeInfo node = inputs.get(m.input());
        if (node == null) {
            throw m.error("input", ImageEncoderManifest.quoted(m.input()), "one of the model's inputs " + inputs.keySet());
        }
        if (inputs.size() != 1) {
            throw m.error("input", ImageEncoderManifest.quoted(m.input()),
                    "a model with one input, the image; it has " + inputs.keySet());
        }
        long[] want = {-1, m.channels(), m.height(), m.width()};
        String expected = "float [batch, " + m.channels() + ", " + m.height() + ", " + m.width()
                + "] for channels, height, width, NCHW";
        if (!(node.getInfo() instanceof TensorInfo info) || info.type != OnnxJavaType.FLOAT
                || info.getShape().length != 4) {
            throw m.error("input", ImageEncoderManifest.quoted(m.input()) + " " + node.getInfo(), expected);
        }
        long[] shape = info.getShape();
        for (int d = 1; d < 4; d++) {
            if (shape[d] >= 0 && shape[d] != want[d]) {
                throw m.error("input", ImageEncoderManifest.quoted(m.input()) + " shape " + Arrays.toString(shape),
                        expected);
            }
        }
        return shape[0] > 0 ? shape[0] : -1;
    }

    private static void checkOutput(ImageEncoderManifest m, OrtSession session) throws OrtException, BadInputException {
        Map<String, NodeInfo> outputs = session.getOutputInfo();
        NodeInfo node = outputs.get(m.output());
        if (node == null) {
            throw m.error("output", ImageEncoderManifest.quoted(m.output()),
                    "one of the model's outputs " + outputs.keySet());
        }
        if (!(node.getInfo() instanceof TensorInfo info) || info.type != OnnxJavaType.FLOAT) {
            throw m.error("output", ImageEncoderManifest.quoted(m.output()) + " " + node.getInfo(), "a float tensor");
        }
        long[] shape = info.getShape();
        // A model that declares no shape for its output (rank 0 here) is checked on its first run.
        if (shape.length > 0 && !m.pooling().accepts(shape.length)) {
            throw outputShapeError(m, shape);
        }
    }

    private static BadInputException outputShapeError(ImageEncoderManifest m, long[] shape) {
        return m.error("output", ImageEncoderManifest.quoted(m.output()) + " shape " + Arrays.toString(shape)
                + ", rank " + shape.length, m.pooling().expectedShape() + " for pooling \""
                + m.pooling().jsonName() + "\"");
    }

    public ImageEncoderManifest manifest() {
        return manifest;
    }

    /** Pictures per ONNX Runtime run: the model's fixed batch size, else the {@code maxBatch} asked for. */
    public int batchSize() {
        return batch;
    }

    /** {@link #encode(List)} of one picture. */
    public float[] encode(Picture picture) throws IOException {
        return encode(List.of(picture)).get(0);
    }

    /**
     * The feature vectors of some pictures, in order, all of the same length. Runs the model once per
     * {@link #batchSize()} pictures (a fixed batch size is filled up with copies of the last picture).
     *
     * @param pictures each {@code width x height} with the manifest's channels
     * @throws BadInputException naming the manifest when the model's output does not fit its pooling
     * @throws IOException       when ONNX Runtime fails to run the model
     */
    public List<float[]> encode(List<Picture> pictures) throws IOException {
        List<float[]> out = new ArrayList<>(pictures.size());
        for (int from = 0; from < pictures.size(); from += batch) {
            out.addAll(run(pictures.subList(from, Math.min(pictures.size(), from + batch))));
        }
        return out;
    }

    private List<float[]> run(List<Picture> pictures) throws IOException {
        int n = fixedBatch ? batch : pictures.size();
        int c = manifest.channels();
        int pixels = manifest.width() * manifest.height();
        FloatBuffer input = takeInput();
        try {
            for (int b = 0; b < n; b++) {
                Picture p = pictures.get(Math.min(b, pictures.size() - 1));
                requireFits(p);
                for (int ch = 0; ch < c; ch++) {
                    float[] plane = p.planes()[ch];
                    int at = (b * c + ch) * pixels;
                    for (int i = 0; i < pixels; i++) {
                        input.put(at + i, plane[i] * scale[ch] + offset[ch]);
                    }
                }
            }
            input.limit(n * c * pixels);
            return run(input, n, pictures.size());
        } finally {
            inputs.offer(input);
        }
    }

    /** A buffer for a whole batch, its position 0. */
    private FloatBuffer takeInput() {
        FloatBuffer buffer = inputs.poll();
        if (buffer == null) {
            int floats = batch * manifest.channels() * manifest.width() * manifest.height();
            buffer = ByteBuffer.allocateDirect(4 * floats).order(ByteOrder.nativeOrder()).asFloatBuffer();
        }
        return buffer.clear();
    }

    private List<float[]> run(FloatBuffer input, int n, int wanted) throws IOException {
        long[] shape = {n, manifest.channels(), manifest.height(), manifest.width()};
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, input, shape);
                OrtSession.Result result = session.run(Map.of(manifest.input(), tensor), Set.of(manifest.output()))) {
            OnnxValue value = result.get(0);
            long[] outShape = ((TensorInfo) value.getInfo()).getShape();
            if (!manifest.pooling().accepts(outShape.length) || outShape[0] != n) {
                throw outputShapeError(manifest, outShape);
            }
            FloatBuffer data = ((OnnxTensor) value).getFloatBuffer();
            float[] all = new float[data.remaining()];
            data.get(all);
            return manifest.pooling().pool(all, outShape).subList(0, wanted);
        } catch (OrtException e) {
            throw new IOException(manifest.file() + ": running " + manifest.model().getFileName() + " failed ("
                    + firstLine(e) + ")", e);
        }
    }

    private void requireFits(Picture p) {
        if (p.width() != manifest.width() || p.height() != manifest.height() || p.channels() != manifest.channels()) {
            throw new IllegalArgumentException("picture : " + p.width() + " x " + p.height() + " x " + p.channels()
                    + " (expected: " + manifest.width() + " x " + manifest.height() + " x " + manifest.channels()
                    + ", as " + manifest.file() + " says)");
        }
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage()).strip();
        int eol = message.indexOf('\n');
        return eol < 0 ? message : message.substring(0, eol).strip();
    }

    private static void closeQuietly(OrtSession session, Exception primary) {
        try {
            session.close();
        } catch (OrtException | RuntimeException e) {
            primary.addSuppressed(e);
        }
    }

    /** Releases the native session; the shared environment stays for other sessions. Any thread, once. */
    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close the session of " + manifest.model() + " (" + e.getMessage()
                    + ")", e);
        }
    }
}
