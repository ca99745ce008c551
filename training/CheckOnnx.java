import ai.onnxruntime.*;
import com.google.gson.*;
import java.nio.file.*;
import java.util.*;

/**
 * Runs DIR/full.onnx and DIR/step.onnx on DIR/reference.json (export_onnx.py --tiny) in ONNX Runtime
 * and prints the largest |logit - torch logit| of the full pass and of the two cached step passes.
 * Python has no onnxruntime here, so this is how an export is checked without the Maven build:
 *
 *   M2=~/.m2/repository; java -cp $M2/com/microsoft/onnxruntime/onnxruntime/1.23.2/onnxruntime-1.23.2.jar:\
 *     $M2/com/google/code/gson/gson/2.11.0/gson-2.11.0.jar training/CheckOnnx.java DIR
 */
public class CheckOnnx {
    static float[] floats(JsonObject o, String key) {
        JsonArray a = o.getAsJsonArray(key);
        float[] f = new float[a.size()];
        for (int i = 0; i < f.length; i++) f[i] = a.get(i).getAsFloat();
        return f;
    }

    static double maxDiff(float[][][] got, float[] want) {
        double m = 0;
        int n = 0;
        for (float[] row : got[0]) for (float x : row) m = Math.max(m, Math.abs(x - want[n++]));
        return m;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        JsonObject ref = JsonParser.parseString(Files.readString(dir.resolve("reference.json"))).getAsJsonObject();
        JsonObject meta = JsonParser.parseString(Files.readString(dir.resolve("model.json"))).getAsJsonObject();
        int layers = meta.get("layers").getAsInt(), heads = meta.get("heads").getAsInt(), hd = meta.get("headDim").getAsInt();
        JsonArray tj = ref.getAsJsonArray("tokens");
        long[] tokens = new long[tj.size()];
        for (int i = 0; i < tokens.length; i++) tokens[i] = tj.get(i).getAsLong();
        float[] curve = floats(ref, "curve"), style = floats(ref, "style");
        int n = tokens.length, cf = curve.length / n;
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession full = env.createSession(dir.resolve("full.onnx").toString(), new OrtSession.SessionOptions());
             OrtSession step = env.createSession(dir.resolve("step.onnx").toString(), new OrtSession.SessionOptions())) {
            OnnxTensor st = OnnxTensor.createTensor(env, new float[][]{style});
            Map<String, OnnxTensor> in = new HashMap<>();
            in.put("tokens", OnnxTensor.createTensor(env, new long[][]{tokens}));
            in.put("curve", OnnxTensor.createTensor(env, java.nio.FloatBuffer.wrap(curve), new long[]{1, n, cf}));
            in.put("style", st);
            try (OrtSession.Result r = full.run(in)) {
                System.out.printf("full  max|diff| %.3e%n", maxDiff((float[][][]) r.get("logits").get().getValue(), floats(ref, "full_logits")));
            }
            // step: tokens 0..4 with an empty cache, then 5..8 with the returned cache
            OnnxTensor pk = OnnxTensor.createTensor(env, java.nio.FloatBuffer.allocate(0), new long[]{layers, 1, heads, 0, hd});
            OnnxTensor pv = OnnxTensor.createTensor(env, java.nio.FloatBuffer.allocate(0), new long[]{layers, 1, heads, 0, hd});
            int[][] parts = {{0, 5}, {5, n}};
            String[] keys = {"step_first_logits", "step_second_logits"};
            for (int p = 0; p < 2; p++) {
                int a = parts[p][0], b = parts[p][1];
                Map<String, OnnxTensor> si = new HashMap<>();
                si.put("tokens", OnnxTensor.createTensor(env, new long[][]{Arrays.copyOfRange(tokens, a, b)}));
                si.put("curve", OnnxTensor.createTensor(env, java.nio.FloatBuffer.wrap(Arrays.copyOfRange(curve, a * cf, b * cf)), new long[]{1, b - a, cf}));
                si.put("style", st);
                si.put("past_key", pk);
                si.put("past_value", pv);
                OrtSession.Result r = step.run(si);
                System.out.printf("step%d max|diff| %.3e  present_key %s%n", p + 1,
                        maxDiff((float[][][]) r.get("logits").get().getValue(), floats(ref, keys[p])),
                        Arrays.toString(((OnnxTensor) r.get("present_key").get()).getInfo().getShape()));
                pk = (OnnxTensor) r.get("present_key").get();
                pv = (OnnxTensor) r.get("present_value").get();
            }
        }
    }
}
