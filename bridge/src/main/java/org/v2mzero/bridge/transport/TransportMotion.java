package org.v2mzero.bridge.transport;

import org.v2mzero.protocol.TransportState;
import org.v2mzero.protocol.TransportState.Loop;

/**
 * How a rolling transport moves between two reports, in one place for every follower (the sources'
 * {@link TransportTracker} and the player's clock): forward at the sample rate, and back to the loop's
 * start on reaching its end while a loop is on. A wrap is a jump, never a glide: a DAW looping from
 * {@code end} to {@code start} is at {@code start + k} {@code k} frames after it reached {@code end},
 * not at {@code end + k}.
 *
 * <p>Only a transport that reaches the loop end from before it wraps: one standing at or past the end
 * (a locate there, or a loop set behind the play position) rolls on, as Reaper and Ardour do.
 * Pure functions, any thread, allocation-free.
 */
public final class TransportMotion {
    private static final double NANOS_PER_SECOND = 1e9;

    private TransportMotion() {}

    /**
     * Where a transport at {@code from} is after rolling {@code frames} more frames with {@code loop} on
     * ({@code null}: no loop). {@code frames <= 0} is no motion and returns {@code from}.
     */
    public static long advance(Loop loop, long from, long frames) {
        if (frames <= 0) {
            return from;
        }
        long to = from + frames;
        if (loop == null || from >= loop.endFrame() || to < loop.endFrame()) {
            return to;
        }
        long length = loop.endFrame() - loop.startFrame();
        return loop.startFrame() + (to - loop.endFrame()) % length;
    }

    /**
     * How many of the {@code frames} frames from {@code from} play before the transport wraps to the loop's
     * start: {@code frames} when it does not wrap within them. A player renders a cycle that crosses the
     * loop end in two parts, so the frame after the end is the loop start's, not one past the end.
     */
    public static int framesBeforeWrap(Loop loop, long from, int frames) {
        if (loop == null || from >= loop.endFrame() || from + frames <= loop.endFrame()) {
            return frames;
        }
        return (int) (loop.endFrame() - from);
    }

    /**
     * The anchor's frame at {@code nanos}: moved on at its sample rate while rolling, wrapping at its loop's
     * end; also moved back when {@code nanos} lies before the anchor was seen (a report that arrived after a
     * cycle began), without wrapping back, and never below 0.
     */
    public static long frameAt(TransportState anchor, long nanos) {
        if (!anchor.playing()) {
            return anchor.frame();
        }
        long frames = Math.round((nanos - anchor.observedNanos()) * (anchor.sampleRate() / NANOS_PER_SECOND));
        if (frames < 0) {
            return Math.max(0, anchor.frame() + frames);
        }
        return advance(anchor.loop(), anchor.frame(), frames);
    }
}
