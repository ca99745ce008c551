package org.v2mzero.models.neural;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * The attention-cache loop over {@code step.onnx}: each call feeds new tokens after the cached ones and
 * returns the logits of the last. The cache never visits the Java heap: the {@code present_*} outputs of
 * one run are fed back as the {@code past_*} inputs of the next, and that run's result is closed only
 * after it (re-running the whole prefix each step is ~25× slower, neural-notes.md). One token at a time
 * reuses the same direct-buffer input tensors. Not thread-safe; one per generation; close it.
 */
final class CachedDecoder implements AutoCloseable {
    private final OrtEnvironment env;
    private final OrtSession session;
    private final int context;
    private final OnnxTensor style;
    private final OnnxTensor emptyPast;
    private final LongBuffer oneToken = direct(Long.BYTES).asLongBuffer();
    private final FloatBuffer oneCurve = direct(CurveFeatures.SIZE * Float.BYTES).asFloatBuffer();
    private final OnnxTensor oneTokenTensor;
    private final OnnxTensor oneCurveTensor;
    private final float[] logits = new float[Vocabulary.SIZE];
    private final Map<String, OnnxTensor> inputs = new HashMap<>();
    /** Every row of the last run's logits, {@code [S, SIZE]} (a copy ONNX Runtime made); for tests. */
    private FloatBuffer lastLogits;
    /** The last run's outputs: its present cache is the next run's past. */
    private OrtSession.Result last;
    private int past;
    /** The outputs {@link #rewind} goes back to, kept open while marked; {@code null} when none is. */
    private OrtSession.Result marked;
    private int markedPast;

    CachedDecoder(NeuralModel model, float[] styleVector) throws OrtException {
        this.env = model.environment();
        this.session = model.stepSession();
        this.context = model.info().context();
        NeuralModelInfo i = model.info();
        FloatBuffer s = direct(styleVector.length * Float.BYTES).asFloatBuffer().put(styleVector);
        this.style = OnnxTensor.createTensor(env, s.rewind(), new long[] {1, styleVector.length});
        this.emptyPast = OnnxTensor.createTensor(env, direct(0).asFloatBuffer(),
                new long[] {i.layers(), 1, i.heads(), 0, i.headDim()});
        this.oneTokenTensor = OnnxTensor.createTensor(env, oneToken, new long[] {1, 1});
        this.oneCurveTensor = OnnxTensor.createTensor(env, oneCurve, new long[] {1, 1, CurveFeatures.SIZE});
    }

    /** Positions the cache holds: the next token's position. */
    int past() {
        return past;
    }

    /** The longest sequence the model's positions reach. */
    int context() {
        return context;
    }

    /** Forgets the cache and any mark: the next {@link #feed} starts at position 0 (the sliding window). */
    void reset() {
        unmark();
        closeLast();
        past = 0;
    }

    /**
     * Remembers the cache as it is, so that {@link #rewind} can come back to it after trying tokens (the
     * curve search tries several bars from one point). The cache stays in native memory, not copied.
     */
    void mark() {
        unmark();
        marked = last;
        markedPast = past;
    }

    /** Back to the cache at the last {@link #mark}, forgetting what was fed since; the mark stays. */
    void rewind() {
        if (last != marked) {
            closeLast();
        }
        last = marked;
        past = markedPast;
    }

    /** Drops the mark, freeing its cache unless it is the current one. */
    void unmark() {
        if (marked != null && marked != last) {
            marked.close();
        }
        marked = null;
    }

    /** Feeds one token and its curve row ({@code curve[offset .. offset + 6)}); the logits after it. */
    float[] feed(int token, float[] curve, int offset) throws OrtException {
        oneToken.put(0, token);
        oneCurve.put(0, curve, offset, CurveFeatures.SIZE);
        return run(oneTokenTensor, oneCurveTensor, 1);
    }

    /** Feeds {@code count} tokens and their curve rows ({@code count × 6} from {@code curveOffset}); the logits after the last. */
    float[] feed(int[] tokens, int from, int count, float[] curve, int curveOffset) throws OrtException {
        LongBuffer ids = direct(count * Long.BYTES).asLongBuffer();
        for (int i = 0; i < count; i++) {
            ids.put(i, tokens[from + i]);
        }
        FloatBuffer rows = direct(count * CurveFeatures.SIZE * Float.BYTES).asFloatBuffer();
        rows.put(0, curve, curveOffset, count * CurveFeatures.SIZE);
        try (OnnxTensor t = OnnxTensor.createTensor(env, ids, new long[] {1, count});
                OnnxTensor c = OnnxTensor.createTensor(env, rows, new long[] {1, count, CurveFeatures.SIZE})) {
            return run(t, c, count);
        }
    }

    private float[] run(OnnxTensor tokens, OnnxTensor curve, int count) throws OrtException {
        if (past + count > context) {
            throw new IllegalStateException("positions : " + (past + count) + " (expected: <= context " + context
                    + "; slide the window first)");
        }
        inputs.put("tokens", tokens);
        inputs.put("curve", curve);
        inputs.put("style", style);
        inputs.put("past_key", last == null ? emptyPast : tensor(last, "present_key"));
        inputs.put("past_value", last == null ? emptyPast : tensor(last, "present_value"));
        OrtSession.Result result = session.run(inputs);
        closeLast();
        last = result;
        past += count;
        lastLogits = tensor(result, "logits").getFloatBuffer();
        lastLogits.get((count - 1) * Vocabulary.SIZE, logits);
        return logits;
    }

    /** Every row of the last run's logits, row-major {@code [S, SIZE]}; for tests. */
    float[] allLogits() {
        float[] all = new float[lastLogits.capacity()];
        lastLogits.get(0, all);
        return all;
    }

    private static OnnxTensor tensor(OrtSession.Result result, String name) {
        OnnxValue v = result.get(name).orElseThrow(() -> new IllegalStateException("step.onnx : no output " + name));
        return (OnnxTensor) v;
    }

    /** Closes the last run's outputs, unless they are marked. */
    private void closeLast() {
        if (last != null && last != marked) {
            last.close();
        }
        last = null;
    }

    /** Native-order direct memory: ONNX Runtime reads it in place instead of copying it. */
    private static ByteBuffer direct(int bytes) {
        return ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
    }

    @Override
    public void close() {
        unmark();
        closeLast();
        style.close();
        emptyPast.close();
        oneTokenTensor.close();
        oneCurveTensor.close();
    }
}
