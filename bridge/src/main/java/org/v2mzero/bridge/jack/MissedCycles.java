package org.v2mzero.bridge.jack;

/**
 * Counts xruns as this client sees them: cycles where JACK's frame time moved on by more than one period
 * since our previous cycle, i.e. our process callback missed at least one cycle.
 *
 * <p>Why not {@code jack_set_xrun_callback}: jack2 calls it on the client's notification thread, and
 * closing the client cancels that thread with {@code pthread_cancel}. When the cancel lands while the
 * thread is entering the JVM for the callback (blocked at a safepoint), the thread disappears without
 * the JVM knowing and the next safepoint hangs the whole process; that happened here under load, where
 * xrun notifications come many per second. Counting in the process thread needs no extra callback.
 *
 * <p>Process thread only ({@link #cycle}); allocation-free.
 */
final class MissedCycles {
    private long previousFrameTime = -1;
    private long previousFrames;

    /**
     * @param frameTime JACK frame time at the start of this cycle ({@code jack_last_frame_time}), frames
     * @param frames    frames in this cycle
     * @return whether cycles were missed since the previous call
     */
    boolean cycle(long frameTime, int frames) {
        boolean missed = previousFrameTime >= 0 && frameTime - previousFrameTime > previousFrames;
        previousFrameTime = frameTime;
        previousFrames = frames;
        return missed;
    }
}
