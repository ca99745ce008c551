package org.v2mzero.bridge.osc;

import org.v2mzero.protocol.TransportState.Loop;

/**
 * Reaper's loop as its {@code Default.ReaperOSC} feedback tells it, in three separate messages: the repeat
 * switch ({@code REPEAT t/repeat}: {@code /repeat 1|0}) and the loop range's ends in seconds
 * ({@code LOOP_START_TIME f/loop/start/time}, {@code LOOP_END_TIME f/loop/end/time}). Reaper loops only
 * while repeat is on and the range is not empty, so that is when {@link #loop()} gives a range.
 *
 * <p>Link thread only (the source's thread); a value, not shared.
 */
final class ReaperLoop {
    private boolean repeat;
    private long startFrame;
    private long endFrame;

    void repeat(boolean on) {
        repeat = on;
    }

    void start(long frame) {
        startFrame = frame;
    }

    void end(long frame) {
        endFrame = frame;
    }

    /**
     * The loop Reaper plays now, or {@code null}: repeat off, or no range yet (Reaper reports an empty range,
     * start = end, when no loop is set; one end may also arrive before the other).
     */
    Loop loop() {
        return repeat && endFrame > startFrame ? new Loop(startFrame, endFrame) : null;
    }
}
