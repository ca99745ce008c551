package org.v2mzero.protocol;

/**
 * What a DAW's transport was doing at one instant: rolling or not, where, and at which tempo.
 * Immutable; a source hands out a new one for every estimate.
 *
 * @param playing       the transport rolls (JACK "rolling" or "looping", a DAW's play state)
 * @param frame         the position in samples at {@code sampleRate} from the timeline's zero, {@code >= 0}
 * @param sampleRate    the source's samples per second, 1..768000
 * @param bpm           beats per minute, {@code NaN} when the source does not say
 * @param beatsPerBar   the time signature's numerator, {@code NaN} when the source does not say
 * @param loop          the loop range, or {@code null} when the source does not say or loops are off
 * @param observedNanos {@link System#nanoTime()} of the instant this state describes
 */
public record TransportState(boolean playing, long frame, int sampleRate, double bpm, double beatsPerBar,
        Loop loop, long observedNanos) {
    /** The largest sample rate accepted: 768 kHz, four times the highest rate DAWs offer. */
    public static final int MAX_SAMPLE_RATE = 768_000;

    public TransportState {
        if (frame < 0) {
            throw new IllegalArgumentException("frame : " + frame + " (expected: >= 0)");
        }
        if (sampleRate < 1 || sampleRate > MAX_SAMPLE_RATE) {
            throw new IllegalArgumentException("sampleRate : " + sampleRate + " (expected: 1.." + MAX_SAMPLE_RATE + ")");
        }
        requirePositiveOrNaN("bpm", bpm);
        requirePositiveOrNaN("beatsPerBar", beatsPerBar);
    }

    /** A stopped transport at frame 0 with no tempo, observed at {@code nanos}. */
    public static TransportState stopped(int sampleRate, long nanos) {
        return new TransportState(false, 0, sampleRate, Double.NaN, Double.NaN, null, nanos);
    }

    /** The position in seconds: {@code frame / sampleRate}. */
    public double seconds() {
        return frame / (double) sampleRate;
    }

    /** Whether the source said the tempo. */
    public boolean hasTempo() {
        return !Double.isNaN(bpm);
    }

    public TransportState withPosition(boolean playing, long frame, long observedNanos) {
        return new TransportState(playing, frame, sampleRate, bpm, beatsPerBar, loop, observedNanos);
    }

    public TransportState withTempo(double bpm, double beatsPerBar) {
        return new TransportState(playing, frame, sampleRate, bpm, beatsPerBar, loop, observedNanos);
    }

    public TransportState withLoop(Loop loop) {
        return new TransportState(playing, frame, sampleRate, bpm, beatsPerBar, loop, observedNanos);
    }

    private static void requirePositiveOrNaN(String name, double value) {
        if (!Double.isNaN(value) && !(value > 0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " : " + value + " (expected: > 0 and finite, or NaN if unknown)");
        }
    }

    /**
     * A loop range in samples: the transport jumps from {@code endFrame} back to {@code startFrame}.
     *
     * @param startFrame first frame of the loop, {@code >= 0}
     * @param endFrame   the frame after the loop's last one, {@code > startFrame}
     */
    public record Loop(long startFrame, long endFrame) {
        public Loop {
            if (startFrame < 0 || endFrame <= startFrame) {
                throw new IllegalArgumentException("loop : " + startFrame + ".." + endFrame
                        + " (expected: 0 <= start < end)");
            }
        }
    }
}
