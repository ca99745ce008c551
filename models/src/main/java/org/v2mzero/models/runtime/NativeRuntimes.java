package org.v2mzero.models.runtime;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import java.io.IOException;
import java.util.EnumSet;
import java.util.stream.Collectors;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.v2mzero.models.neural.NeuralModel;
import org.v2mzero.models.neural.NeuralModelInfo;

/**
 * Whether the native libraries the models need load on this machine, and which versions they are.
 * Each check returns a one-line answer instead of throwing, so {@code v2m doctor} can list them all.
 */
public final class NativeRuntimes {
    private NativeRuntimes() {}

    /** @param ok whether it loaded; @param line version or reason, one line */
    public record Check(boolean ok, String line) {}

    /** FFmpeg through JavaCV (the natives are in the javacpp/ffmpeg linux-x86_64 jars). */
    public static Check ffmpeg() {
        try {
            int v = avformat.avformat_version();
            String version = avutil.av_version_info().getString();
            return new Check(true, "FFmpeg " + version + " (libavformat " + (v >> 16) + "." + ((v >> 8) & 0xff)
                    + "." + (v & 0xff) + ") via JavaCV");
        } catch (LinkageError | RuntimeException e) {
            return new Check(false, "FFmpeg natives do not load: " + e);
        }
    }

    /** ONNX Runtime and its execution providers (CPU always; CUDA only with the GPU artifact). */
    public static Check onnxRuntime() {
        try {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            EnumSet<OrtProvider> providers = OrtEnvironment.getAvailableProviders();
            String names = providers.stream().map(OrtProvider::getName).collect(Collectors.joining(", "));
            return new Check(true, "ONNX Runtime " + env.getVersion() + ", providers: " + names);
        } catch (LinkageError | Exception e) {
            return new Check(false, "ONNX Runtime does not load: " + e);
        }
    }

    /**
     * The neural generator's model: shipped or not, and where it runs (CUDA, or the CPU and why). Loads
     * the model's step graph once to find out; a second at most for the small model.
     */
    public static Check neuralModel() {
        if (!NeuralModel.hasDefault()) {
            String plan = NeuralModel.plannedProvider();
            return new Check(false, NeuralModel.NO_DEFAULT + "; it would run on " + plan
                    + " (optional: only --generator neural needs it)");
        }
        try (NeuralModel m = NeuralModel.loadDefault(NeuralModel.Device.AUTO)) {
            NeuralModelInfo i = m.info();
            return new Check(true, "model " + m.digest() + " (context " + i.context() + ", " + i.layers()
                    + " layers, d " + i.dModel() + ", curve search " + i.sampling().curveSearch() + ") on "
                    + m.executionProvider()
                    + m.fallbackReason().map(r -> " (" + r + ")").orElse(""));
        } catch (IOException | RuntimeException | LinkageError e) {
            return new Check(false, "neural model does not load: " + e.getMessage());
        }
    }
}
