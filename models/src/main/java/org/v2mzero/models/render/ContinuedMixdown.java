package org.v2mzero.models.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The audio of a take regenerated from a frame on: up to that frame every stem and the mix are the
 * parent's, sample for sample, so a player can swap the new take in there without a seam; from it on,
 * regenerated stems are the new renders at the parent's gain (not normalised again, so the level
 * matches), kept stems stay the parent's, and the mix is their sum. If that would put the mix's true
 * peak over the ceiling, everything from the frame on is lowered by one gain so nothing clips; the
 * caller sees it as a {@link Mixdown#gainDb()} below the gain it asked for. The mix's loudness is
 * measured as written. Stateless; any thread.
 */
public final class ContinuedMixdown {
    /** Below the ceiling by this much when lowering, so float rounding cannot tip the mix over (as {@link Mixdown}). */
    static final double MARGIN_DB = 0.01;

    private ContinuedMixdown() {}

    /**
     * Takes the arrays it is given: the mixdown may return or modify them.
     *
     * @param parentStems per stem of the new take, the parent's audio of that stem as written (its gain
     *                    applied), or {@code null} for a stem the parent does not have (silent before the frame)
     * @param renders     per stem, the new render before any gain, or {@code null} to keep the parent's stem
     * @param parentMix   the parent's mix as written; every array is {@code [channel][frame]}, all one shape
     * @param fromFrame   the first frame that may differ from the parent, 0..frames
     * @param sampleRate  frames per second
     * @param gainDb      the parent's gain, applied to the renders, dB
     * @param ceilingDbtp highest true peak allowed from {@code fromFrame} on, dBTP (&lt;= 0)
     */
    public static Mixdown of(List<float[][]> parentStems, List<float[][]> renders, float[][] parentMix, int fromFrame,
            int sampleRate, double gainDb, double ceilingDbtp) {
        check(parentStems, renders, parentMix, fromFrame, ceilingDbtp);
        float gain = (float) Mixdown.dbToGain(gainDb);
        List<float[][]> stems = new ArrayList<>();
        for (int i = 0; i < renders.size(); i++) {
            float[][] render = renders.get(i);
            stems.add(render == null ? parentStems.get(i) : spliced(parentStems.get(i), render, fromFrame, gain));
        }
        float[][] mix = parentMix;
        sumFrom(stems, mix, fromFrame);
        double peak = Loudness.truePeakDbtp(from(mix, fromFrame));
        double lowerDb = 0;
        if (peak > ceilingDbtp) {
            lowerDb = ceilingDbtp - MARGIN_DB - peak;
            float lower = (float) Mixdown.dbToGain(lowerDb);
            for (int i = 0; i < stems.size(); i++) {
                stems.set(i, scaledFrom(stems.get(i), fromFrame, lower));
            }
            sumFrom(stems, mix, fromFrame);
        }
        return Mixdown.assembled(stems, mix, Mixdown.dbToGain(gainDb + lowerDb), Loudness.measure(mix, sampleRate));
    }

    /** The render at the gain, with the parent's samples (or silence) before the frame; in place. */
    private static float[][] spliced(float[][] parent, float[][] render, int fromFrame, float gain) {
        for (int c = 0; c < render.length; c++) {
            for (int i = 0; i < fromFrame; i++) {
                render[c][i] = parent == null ? 0 : parent[c][i];
            }
            for (int i = fromFrame; i < render[c].length; i++) {
                render[c][i] *= gain;
            }
        }
        return render;
    }

    /** A copy, scaled from the frame on (a kept stem's array is the parent's and stays as it is). */
    private static float[][] scaledFrom(float[][] audio, int fromFrame, float gain) {
        float[][] out = new float[audio.length][];
        for (int c = 0; c < audio.length; c++) {
            out[c] = audio[c].clone();
            for (int i = fromFrame; i < out[c].length; i++) {
                out[c][i] *= gain;
            }
        }
        return out;
    }

    /** The mix from the frame on becomes the sum of the stems; before it, it stays the parent's. */
    private static void sumFrom(List<float[][]> stems, float[][] mix, int fromFrame) {
        for (float[] channel : mix) {
            Arrays.fill(channel, fromFrame, channel.length, 0f);
        }
        for (float[][] stem : stems) {
            for (int c = 0; c < mix.length; c++) {
                for (int i = fromFrame; i < mix[c].length; i++) {
                    mix[c][i] += stem[c][i];
                }
            }
        }
    }

    private static float[][] from(float[][] audio, int fromFrame) {
        float[][] out = new float[audio.length][];
        for (int c = 0; c < audio.length; c++) {
            out[c] = Arrays.copyOfRange(audio[c], fromFrame, audio[c].length);
        }
        return out;
    }

    private static void check(List<float[][]> parentStems, List<float[][]> renders, float[][] parentMix, int fromFrame,
            double ceilingDbtp) {
        if (renders.isEmpty() || parentStems.size() != renders.size()) {
            throw new IllegalArgumentException("renders, parentStems : " + renders.size() + ", " + parentStems.size()
                    + " stems (expected: the same number, at least one)");
        }
        int channels = parentMix.length;
        int frames = parentMix[0].length;
        if (fromFrame < 0 || fromFrame > frames) {
            throw new IllegalArgumentException("fromFrame : " + fromFrame + " (expected: 0.." + frames + ")");
        }
        if (!(ceilingDbtp <= 0)) {
            throw new IllegalArgumentException("ceilingDbtp : " + ceilingDbtp + " (expected: <= 0)");
        }
        for (int i = 0; i < renders.size(); i++) {
            if (renders.get(i) == null && parentStems.get(i) == null) {
                throw new IllegalArgumentException("stems[" + i + "] : neither a render nor the parent's audio");
            }
            for (float[][] audio : Arrays.asList(parentStems.get(i), renders.get(i))) {
                if (audio != null && (audio.length != channels || audio[0].length != frames)) {
                    throw new IllegalArgumentException("stems[" + i + "] : " + audio.length + "x" + audio[0].length
                            + " (expected: " + channels + "x" + frames + ", like the parent's mix)");
                }
            }
        }
    }
}
