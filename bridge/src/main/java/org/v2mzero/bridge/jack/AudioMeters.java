package org.v2mzero.bridge.jack;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters the audio side writes and control threads read: atomics only, so the process callback
 * neither allocates nor locks to update them. One instance lives as long as the player, so counts
 * survive reconnects.
 */
final class AudioMeters {
    final AtomicLong callbacks = new AtomicLong();
    final AtomicLong xruns = new AtomicLong();
    final AtomicLong callbackErrors = new AtomicLong();
    final AtomicLong connects = new AtomicLong();
    final PeriodShareHistogram callbackTime = new PeriodShareHistogram();
    // The JACK process thread that called us last; close() must not wait for the control thread from it.
    volatile Thread audioThread;

    /**
     * Audio thread only: one finished cycle.
     *
     * @param durationNanos callback run time, nanoseconds
     * @param frames        frames in the period
     * @param sampleRate    frames per second
     */
    void cycle(long durationNanos, int frames, int sampleRate) {
        callbacks.lazySet(callbacks.get() + 1);
        if (sampleRate > 0 && frames > 0) {
            callbackTime.record(durationNanos, frames * 1_000_000_000L / sampleRate);
        }
        Thread self = Thread.currentThread();
        if (audioThread != self) {
            audioThread = self;
        }
    }

    /** Whether the calling thread is JACK's process thread. */
    boolean onJackThread() {
        return Thread.currentThread() == audioThread;
    }
}
