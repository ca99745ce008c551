package org.v2mzero.models.neural;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import org.v2mzero.models.video.MediaFiles;

/**
 * Opens an ONNX Runtime session on CUDA when asked and possible, else on the CPU, and says why it fell
 * back. CUDA needs the {@code onnxruntime_gpu} artifact (Maven profile {@code gpu}) and CUDA 12 with
 * cuDNN 9 on the machine; either can be missing, and a missing GPU must never stop a take.
 */
final class ExecutionProviders {
    static final String CPU = "CPU";
    static final String CUDA = "CUDA";
    static final String NO_CUDA_BUILD = "this ONNX Runtime has no CUDA provider; the gpu Maven profile brings"
            + " onnxruntime_gpu";

    /** A session and where it runs; {@code fallbackReason} is null unless CUDA was wanted and not had. */
    record Opened(OrtSession session, String provider, String fallbackReason) {}

    private ExecutionProviders() {}

    static Opened open(OrtEnvironment env, byte[] model, NeuralModel.Device request, int threads) throws OrtException {
        boolean present = cudaInThisBuild();
        if (request == NeuralModel.Device.CPU || request == NeuralModel.Device.AUTO && !present) {
            String reason = request == NeuralModel.Device.AUTO ? NO_CUDA_BUILD : null;
            return new Opened(cpu(env, model, threads), CPU, reason);
        }
        String reason;
        try (OrtSession.SessionOptions options = options(threads)) {
            options.addCUDA(0);
            return new Opened(env.createSession(model, options), CUDA, null);
        } catch (OrtException | RuntimeException | LinkageError e) {
            // addCUDA fails without the provider, createSession without the CUDA libraries or a device.
            reason = "CUDA unavailable: " + MediaFiles.firstLine(e);
        }
        return new Opened(cpu(env, model, threads), CPU, reason);
    }

    /** Whether this ONNX Runtime build lists the CUDA provider (the device may still be missing). */
    static boolean cudaInThisBuild() {
        try {
            return OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA);
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static OrtSession cpu(OrtEnvironment env, byte[] model, int threads) throws OrtException {
        try (OrtSession.SessionOptions options = options(threads)) {
            return env.createSession(model, options);
        }
    }

    private static OrtSession.SessionOptions options(int threads) throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(threads);
        options.setInterOpNumThreads(1);
        return options;
    }
}
