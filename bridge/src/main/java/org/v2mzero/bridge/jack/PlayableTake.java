package org.v2mzero.bridge.jack;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A take rendered for playback: per stem name, stereo float samples at the JACK server's sample rate,
 * placed on the transport timeline at {@link #startFrame()} (the take's BWF time reference).
 *
 * <p>The bridge never reads WAV files or depends on the models module (DESIGN.md §1): the host decodes
 * a take and builds this value. Immutable by contract: the sample arrays are not copied (a five-minute
 * take is ~115 MB of floats per stem pair), so the caller hands them over and never writes them again.
 * Any thread may build one; the player reads it on the JACK process thread.
 */
public final class PlayableTake {
    private final long startFrame;
    private final int sampleRate;
    private final Map<String, float[][]> stems;

    /**
     * @param startFrame timeline frame (transport frame, samples at {@code sampleRate}) of the take's
     *                   first sample; {@code >= 0}
     * @param sampleRate frames per second the samples were rendered at; {@code > 0}
     * @param stems      stem name to {@code float[2][frames]} (left, right of equal length); iteration order
     *                   is kept
     */
    public PlayableTake(long startFrame, int sampleRate, Map<String, float[][]> stems) {
        if (startFrame < 0) {
            throw new IllegalArgumentException("startFrame : " + startFrame + " (expected: >= 0)");
        }
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sampleRate : " + sampleRate + " (expected: > 0)");
        }
        for (Map.Entry<String, float[][]> stem : stems.entrySet()) {
            checkStem(stem.getKey(), stem.getValue());
        }
        this.startFrame = startFrame;
        this.sampleRate = sampleRate;
        this.stems = Collections.unmodifiableMap(new LinkedHashMap<>(stems));
    }

    private static void checkStem(String name, float[][] channels) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("stem name : \"" + name + "\" (expected: non-empty)");
        }
        if (channels == null || channels.length != 2 || channels[0] == null || channels[1] == null) {
            throw new IllegalArgumentException("stem " + name + " : not float[2][frames] (expected: left, right)");
        }
        if (channels[0].length != channels[1].length) {
            throw new IllegalArgumentException("stem " + name + " : left has " + channels[0].length
                    + " frames, right " + channels[1].length + " (expected: equal)");
        }
    }

    /** Timeline frame of the first sample. */
    public long startFrame() {
        return startFrame;
    }

    /** Frames per second of the samples. */
    public int sampleRate() {
        return sampleRate;
    }

    /** Stem name to {@code float[2][frames]}; unmodifiable. */
    public Map<String, float[][]> stems() {
        return stems;
    }

    /** Length in frames of the longest stem; 0 for a take without stems. */
    public int lengthFrames() {
        int length = 0;
        for (float[][] channels : stems.values()) {
            length = Math.max(length, channels[0].length);
        }
        return length;
    }

    /**
     * Lays this take out for a player whose ports are fixed to {@code portStems}: a stem the player has
     * a port for goes to that port (and the mix); a stem without a port is still heard on the mix; a port
     * whose stem this take lacks plays silence. Control thread; allocates.
     */
    ResolvedTake resolve(List<String> portStems) {
        int ports = portStems.size();
        float[][] portLeft = new float[ports][];
        float[][] portRight = new float[ports][];
        int extras = 0;
        for (String name : stems.keySet()) {
            extras += portStems.contains(name) ? 0 : 1;
        }
        float[][] extraLeft = new float[extras][];
        float[][] extraRight = new float[extras][];
        int extra = 0;
        for (Map.Entry<String, float[][]> stem : stems.entrySet()) {
            int port = portStems.indexOf(stem.getKey());
            if (port >= 0) {
                portLeft[port] = stem.getValue()[0];
                portRight[port] = stem.getValue()[1];
            } else {
                extraLeft[extra] = stem.getValue()[0];
                extraRight[extra] = stem.getValue()[1];
                extra++;
            }
        }
        return new ResolvedTake(this, startFrame, sampleRate, portLeft, portRight, extraLeft, extraRight);
    }
}
