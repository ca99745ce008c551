package org.v2mzero.models.curve;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Locale;
import org.v2mzero.protocol.CurveAnalysis;

/**
 * Runs the default curve analysis of one video in a JVM of its own (started by {@link CurveMemoryTest} with
 * a small heap) and prints one line: {@code frames=N peakHeap=BYTES retained=BYTES}. {@code peakHeap} sums
 * each heap pool's peak (an upper bound: pools peak at different moments); {@code retained} is the heap in
 * use after a full GC with the analysis still held, i.e. what the result itself costs.
 */
public final class CurveMemoryChild {
    private CurveMemoryChild() {}

    public static void main(String[] args) throws Exception {
        CurveAnalysis analysis = VideoCurveAnalyzer.DEFAULT.analyze(Path.of(args[0]));
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        long retained = runtime.totalMemory() - runtime.freeMemory();
        System.out.printf(Locale.ROOT, "frames=%d peakHeap=%d retained=%d%n", analysis.frames(), peak, retained);
    }
}
