package org.v2mzero.host.bench;

import java.util.Arrays;

/** Times a piece of work several times and keeps the median, which one slow run cannot move. */
final class Stopwatch {
    /** Work that may fail. */
    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    private Stopwatch() {}

    /** Median wall-clock seconds of {@code runs} runs of {@code work}. */
    static double medianSeconds(int runs, Work work) throws Exception {
        if (runs < 1) {
            throw new IllegalArgumentException("runs : " + runs + " (expected: >= 1)");
        }
        double[] seconds = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        return runs % 2 == 1 ? seconds[runs / 2] : (seconds[runs / 2 - 1] + seconds[runs / 2]) / 2;
    }
}
