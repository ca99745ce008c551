package org.v2mzero.models.render;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.v2mzero.models.compose.StemPart;
import org.v2mzero.protocol.BadInputException;

/**
 * Renders every stem of a cue, in parallel: each stem has its own synthesizer, so stems are
 * independent and the result is identical to rendering them one after another. One thread per core,
 * at most one per stem. Called from any thread; blocks until all stems are rendered.
 */
public final class StemRendering {
    private StemRendering() {}

    /**
     * @return one {@code [channel][frame]} array per part, in the parts' order
     * @throws BadInputException the first stem's failure, if any stem cannot be rendered
     */
    public static List<float[][]> renderAll(StemRenderer renderer, List<StemPart> parts, double durationSeconds)
            throws BadInputException {
        int threads = Math.max(1, Math.min(parts.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "v2m-stem-render");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<float[][]>> futures = new ArrayList<>();
            for (StemPart part : parts) {
                futures.add(pool.submit(() -> renderer.render(part, durationSeconds)));
            }
            List<float[][]> out = new ArrayList<>();
            for (Future<float[][]> f : futures) {
                out.add(get(f));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A stem's failure travels back as a value and is rethrown here, on the caller's thread. */
    private static float[][] get(Future<float[][]> future) throws BadInputException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering stems", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof BadInputException bad) {
                throw bad;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("stem rendering failed (" + cause + ")", cause);
        }
    }
}
