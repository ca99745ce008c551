package org.v2mzero.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * Tempo over time. Each change starts at a whole beat; between changes the tempo is constant.
 *
 * @param beatsPerBar metre numerator (the beat is a quarter note)
 * @param changes     ascending by beat; the first starts at beat 0
 */
public record TempoMap(int beatsPerBar, List<Change> changes) {

    /**
     * @param beat    the beat (quarter note, counted from 0) where this tempo starts
     * @param seconds the time of that beat, seconds from the start of the take
     * @param bpm     quarter notes per minute
     */
    public record Change(double beat, double seconds, double bpm) {
        public Change {
            if (!(bpm > 0) || !Double.isFinite(bpm)) {
                throw new IllegalArgumentException("bpm : " + bpm + " (expected: > 0)");
            }
        }
    }

    public TempoMap {
        if (beatsPerBar < 1) {
            throw new IllegalArgumentException("beatsPerBar : " + beatsPerBar + " (expected: >= 1)");
        }
        changes = List.copyOf(changes);
        if (changes.isEmpty() || changes.get(0).beat() != 0 || changes.get(0).seconds() != 0) {
            throw new IllegalArgumentException("changes : must start with a change at beat 0, 0 s");
        }
        for (int i = 1; i < changes.size(); i++) {
            Change prev = changes.get(i - 1);
            Change next = changes.get(i);
            double expected = prev.seconds() + (next.beat() - prev.beat()) * 60 / prev.bpm();
            if (!(next.beat() > prev.beat()) || Math.abs(next.seconds() - expected) > 1e-6) {
                throw new IllegalArgumentException("changes[" + i + "] : beat " + next.beat() + " at "
                        + next.seconds() + " s (expected: after beat " + prev.beat() + ", at " + expected + " s)");
            }
        }
    }

    /** A constant tempo. */
    public static TempoMap constant(double bpm, int beatsPerBar) {
        return new TempoMap(beatsPerBar, List.of(new Change(0, 0, bpm)));
    }

    /** Seconds of a (fractional) beat. */
    public double secondsAt(double beat) {
        Change c = changeAtBeat(beat);
        return c.seconds() + (beat - c.beat()) * 60 / c.bpm();
    }

    /** The (fractional) beat at a time in seconds. */
    public double beatAt(double seconds) {
        Change c = changes.get(0);
        for (Change candidate : changes) {
            if (candidate.seconds() <= seconds) {
                c = candidate;
            }
        }
        return c.beat() + (seconds - c.seconds()) * c.bpm() / 60;
    }

    /** The tempo at the start of the take, for summaries. */
    @JsonIgnore
    public double initialBpm() {
        return changes.get(0).bpm();
    }

    private Change changeAtBeat(double beat) {
        Change c = changes.get(0);
        for (Change candidate : changes) {
            if (candidate.beat() <= beat) {
                c = candidate;
            }
        }
        return c;
    }
}
