package org.v2mzero.bridge.jack;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks a {@link JackRecorder}'s recording against what the timeline says should be heard, one recorder
 * cycle (block) at a time, and counts what the run went through (rolling and stopped samples, jumps of
 * the transport), so a test can also prove it covered the cases it claims.
 *
 * <p>A block that does not match is a glitch. On a loaded, non-real-time test machine clients miss
 * cycles (xruns), and in such a cycle a client can read a port buffer its upstream client has not written
 * (the previous cycle's samples). Such a block is not the player's doing; {@link #assertGlitchesExplained}
 * allows at most one glitched block per missed cycle, so with no xrun every sample must be exact.
 */
final class Recording {
    /** Expected sample at a timeline frame. */
    interface Expected {
        float at(long frame);
    }

    int rolling;
    int stopped;
    int audible;
    int backwardJumps;
    int forwardJumps;
    long minFrame = Long.MAX_VALUE;
    long maxFrame = Long.MIN_VALUE;
    final List<String> glitches = new ArrayList<>();
    private final List<long[]> glitchedRanges = new ArrayList<>();

    /** Checks every block of {@code period} samples: silence when stopped, {@code left}/{@code right} when rolling. */
    static Recording check(JackRecorder recorder, int period, Expected left, Expected right) {
        Recording r = new Recording();
        long previous = -1;
        for (int block = 0; block + period <= recorder.count(); block += period) {
            String mismatch = null;
            for (int i = block; i < block + period; i++) {
                long frame = recorder.frames[i];
                float wantLeft = frame < 0 ? 0f : left.at(frame);
                float wantRight = frame < 0 ? 0f : right.at(frame);
                if (mismatch == null && (Float.compare(wantLeft + 0f, recorder.left[i] + 0f) != 0
                        || Float.compare(wantRight + 0f, recorder.right[i] + 0f) != 0)) {
                    mismatch = "at transport frame " + frame + " (#" + i + ") expected " + wantLeft + "/" + wantRight
                            + " but heard " + recorder.left[i] + "/" + recorder.right[i];
                }
                if (frame < 0) {
                    r.stopped++; // a locate while rolling passes through "starting": compare across it
                    continue;
                }
                r.rolling++;
                r.audible += recorder.left[i] != 0f ? 1 : 0;
                r.backwardJumps += previous >= 0 && frame <= previous ? 1 : 0;
                r.forwardJumps += previous >= 0 && frame > previous + 1 ? 1 : 0;
                r.minFrame = Math.min(r.minFrame, frame);
                r.maxFrame = Math.max(r.maxFrame, frame);
                previous = frame;
            }
            if (mismatch != null) {
                r.glitches.add(mismatch);
                r.glitchedRanges.add(new long[] {recorder.frames[block], recorder.frames[block + period - 1]});
            }
        }
        return r;
    }

    /** At most one glitched block per cycle missed (xrun) by the player or the recorder. */
    void assertGlitchesExplained(int missedCycles) {
        assertTrue(glitches.size() <= missedCycles, glitches.size() + " blocks differ from the timeline but only "
                + missedCycles + " cycles were missed; first: " + (glitches.isEmpty() ? "-" : glitches.get(0)));
    }

    /** How many times timeline {@code frame} was heard while rolling. */
    static int timesHeard(JackRecorder recorder, long frame) {
        int times = 0;
        for (int i = 0; i < recorder.count(); i++) {
            times += recorder.frames[i] == frame ? 1 : 0;
        }
        return times;
    }

    /** Whether the block holding timeline {@code frame} was heard exactly as expected. */
    boolean cleanAt(long frame) {
        for (long[] range : glitchedRanges) {
            if (range[0] <= frame && frame <= range[1]) {
                return false;
            }
        }
        return true;
    }

    /** Whether some rolling sample was heard at a frame in {@code [from, to)}. */
    static boolean sawFrameIn(JackRecorder recorder, long from, long to) {
        for (int i = 0; i < recorder.count(); i++) {
            if (recorder.frames[i] >= from && recorder.frames[i] < to) {
                return true;
            }
        }
        return false;
    }
}
