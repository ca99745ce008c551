package org.v2mzero.host.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.v2mzero.models.compose.GenerationRequest;
import org.v2mzero.models.compose.StyleMatcher;
import org.v2mzero.models.neural.NeuralModel;
import org.v2mzero.models.neural.NeuralModelInfo;
import org.v2mzero.models.neural.OnnxGenerator;

/**
 * Neural generation speed: tokens per second of the sampling loop and wall seconds per minute of music,
 * on the CPU and, when this ONNX Runtime has CUDA, on the GPU in the same run. Each device first writes
 * an untimed short cue, so JIT compilation, MiniLM's load and ONNX Runtime's first-run allocations are
 * not counted. The prompt's embedding and the tempo fit are (milliseconds).
 */
public final class GenerateBenchmark {
    private static final int WARM_UP_TOKENS = 64;

    private GenerateBenchmark() {}

    /**
     * One device's run.
     *
     * @param provider       where it ran: {@code CPU} or {@code CUDA}
     * @param note           why CUDA was not had (fallback reason), or null
     * @param tokens         tokens written, header and EOS included
     * @param seconds        wall seconds
     * @param musicSeconds   seconds of music the tokens cover
     */
    public record Run(String provider, String note, int tokens, double seconds, double musicSeconds) {
        public double tokensPerSecond() {
            return tokens / seconds;
        }

        public double secondsPerMinuteOfMusic() {
            return seconds / (musicSeconds / 60);
        }
    }

    /** @param model where the model came from and its shape; @param cudaAbsent why CUDA was not tried, or null */
    public record Result(String model, double cueSeconds, List<Run> runs, String cudaAbsent) {
        public String report() {
            StringBuilder s = new StringBuilder();
            s.append(String.format(Locale.ROOT, "model      %s, %d cores%n", model, Runtime.getRuntime().availableProcessors()));
            s.append(String.format(Locale.ROOT, "cue        %.0f s synthetic (%s), seed 1%n", cueSeconds,
                    SyntheticCue.BENCH_PROMPT));
            for (Run r : runs) {
                if (r.note() != null && r.provider().equals("CPU") && runs.indexOf(r) > 0) {
                    s.append(String.format(Locale.ROOT, "CUDA       unavailable: %s%n", r.note()));
                    continue;
                }
                s.append(String.format(Locale.ROOT, "%-10s %d tokens in %.2f s  %.0f tokens/s  %.2f s per minute"
                        + " of music (%.1f s written)%n", r.provider(), r.tokens(), r.seconds(), r.tokensPerSecond(),
                        r.secondsPerMinuteOfMusic(), r.musicSeconds()));
            }
            if (cudaAbsent != null) {
                s.append("CUDA       not measured: ").append(cudaAbsent).append('\n');
            }
            return s.toString();
        }
    }

    /**
     * @param modelDir  a model folder, or {@code null} for the shipped model
     * @param maxTokens stop a cue after this many tokens (its length ends it first otherwise)
     */
    public static Result run(Path modelDir, int maxTokens) throws IOException {
        double cue = SyntheticCue.BENCH_SECONDS;
        List<Run> runs = new ArrayList<>();
        String shape = null;
        List<NeuralModel.Device> devices = new ArrayList<>(List.of(NeuralModel.Device.CPU));
        String cudaAbsent = NeuralModel.cudaInThisBuild() ? null
                : "this ONNX Runtime has no CUDA provider (build with ./mvnw -Pgpu for onnxruntime_gpu)";
        if (cudaAbsent == null) {
            devices.add(NeuralModel.Device.CUDA);
        }
        for (NeuralModel.Device device : devices) {
            try (NeuralModel m = modelDir == null ? NeuralModel.loadDefault(device) : NeuralModel.load(modelDir, device)) {
                shape = (modelDir == null ? "shipped" : modelDir.toString()) + " (" + m.digest() + ", context "
                        + m.info().context() + ", " + m.info().layers() + " layers, d " + m.info().dModel()
                        + ", curve search " + m.info().sampling().curveSearch() + ")";
                runs.add(time(m, cue, maxTokens));
            }
        }
        return new Result(shape, cue, runs, cudaAbsent);
    }

    private static Run time(NeuralModel model, double cue, int maxTokens) {
        StyleMatcher matcher = StyleMatcher.shared();
        GenerationRequest request = new GenerationRequest(SyntheticCue.analysis(cue), SyntheticCue.BENCH_PROMPT, 1, cue);
        // The sampling the model ships with: its curve guidance doubles the passes a token takes, a curve
        // search of width w multiplies them by w (tokens/s counts the tokens kept).
        NeuralModelInfo.Sampling sampling = model.info().sampling();
        new OnnxGenerator(model, matcher, OnnxGenerator.Options.of(sampling, WARM_UP_TOKENS)).tokens(request, f -> { });
        OnnxGenerator g = new OnnxGenerator(model, matcher, OnnxGenerator.Options.of(sampling, maxTokens));
        double[] done = new double[1];
        long start = System.nanoTime();
        int tokens = g.tokens(request, f -> done[0] = f).length;
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Run(model.executionProvider(), model.fallbackReason().orElse(null), tokens, seconds, done[0] * cue);
    }
}
