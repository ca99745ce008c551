package org.v2mzero.bridge.jack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Takes whose every sample says which take and which take frame it is, exactly (integers times a power of
 * two are exact floats below 2^24): take {@code id}'s stem {@code s} carries at take frame {@code k}
 * the value {@code id * (k + 1) * (s + 1) / 2^24} on the left and its negative on the right. A recorded
 * sample therefore proves where on the timeline it came from.
 */
final class FrameCodedTakes {
    static final float UNIT = 1f / (1 << 24);

    private FrameCodedTakes() {}

    /** A take at {@code startFrame}, 48 kHz, with the given stems of {@code frames} frames each. */
    static PlayableTake take(int id, long startFrame, int frames, String... stems) {
        Map<String, float[][]> map = new LinkedHashMap<>();
        for (int s = 0; s < stems.length; s++) {
            float[][] channels = new float[2][frames];
            for (int k = 0; k < frames; k++) {
                channels[0][k] = value(id, k, s);
                channels[1][k] = -value(id, k, s);
            }
            map.put(stems[s], channels);
        }
        return new PlayableTake(startFrame, 48_000, map);
    }

    /** Left sample of take {@code id}, stem index {@code stem}, at take frame {@code k}. */
    static float value(int id, long k, int stem) {
        return id * (k + 1) * (stem + 1) * UNIT;
    }

    /** Left sample of the mix of a take with {@code stems} stems at timeline {@code frame}, 0 outside. */
    static float mix(int id, long startFrame, int frames, int stems, long frame) {
        long k = frame - startFrame;
        if (k < 0 || k >= frames) {
            return 0f;
        }
        float sum = 0f;
        for (int s = 0; s < stems; s++) {
            sum += value(id, k, s);
        }
        return sum;
    }
}
