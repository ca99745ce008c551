package org.v2mzero.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;

/**
 * How much the picture (or the music) changes, moment by moment: one value per sample at an exact
 * time. Times are seconds from the start of the source and strictly increasing; they need not be
 * evenly spaced, so a variable-frame-rate video keeps its real frame times.
 *
 * <p>Immutable: the arrays are copied in and out.
 */
public final class EventCurve {
    /** No samples: where there is no curve (a measurement against cuts alone needs none). */
    public static final EventCurve EMPTY = new EventCurve(new double[0], new double[0]);

    private final double[] times;
    private final double[] values;

    @JsonCreator
    public EventCurve(@JsonProperty("times") double[] times, @JsonProperty("values") double[] values) {
        if (times == null || values == null) {
            throw new IllegalArgumentException("times and values are required");
        }
        if (times.length != values.length) {
            throw new IllegalArgumentException(
                    "times.length : " + times.length + " (expected: values.length " + values.length + ")");
        }
        for (int i = 0; i < times.length; i++) {
            if (!Double.isFinite(times[i]) || !Double.isFinite(values[i])) {
                throw new IllegalArgumentException("sample " + i + " : not finite");
            }
            if (i > 0 && times[i] <= times[i - 1]) {
                throw new IllegalArgumentException("times[" + i + "] : " + times[i]
                        + " (expected: > times[" + (i - 1) + "] " + times[i - 1] + ")");
            }
        }
        this.times = times.clone();
        this.values = values.clone();
    }

    /** Seconds of each sample. */
    @JsonProperty("times")
    public double[] times() {
        return times.clone();
    }

    /** The curve's value at each sample (z-scored for curves made by the recipe). */
    @JsonProperty("values")
    public double[] values() {
        return values.clone();
    }

    public int size() {
        return times.length;
    }

    public double time(int index) {
        return times[index];
    }

    public double value(int index) {
        return values[index];
    }

    /** Linear interpolation at {@code seconds}; held flat outside the sampled range. */
    public double valueAt(double seconds) {
        if (times.length == 0) {
            return 0;
        }
        int i = Arrays.binarySearch(times, seconds);
        if (i >= 0) {
            return values[i];
        }
        int after = -i - 1;
        if (after == 0) {
            return values[0];
        }
        if (after == times.length) {
            return values[times.length - 1];
        }
        double t0 = times[after - 1];
        double t1 = times[after];
        double w = (seconds - t0) / (t1 - t0);
        return values[after - 1] * (1 - w) + values[after] * w;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EventCurve other
                && Arrays.equals(times, other.times)
                && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(times) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "EventCurve[" + times.length + " samples]";
    }
}
