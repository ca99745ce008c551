package org.v2mzero.models.render;

/**
 * Loudness of stereo (or mono) audio per ITU-R BS.1770-4 and EBU R128: integrated loudness in LUFS
 * (K-weighted mean square over 400 ms blocks with 75 % overlap, absolute gate at −70 LUFS, relative gate
 * 10 LU below the absolute-gated loudness; channels weighted 1.0, as for L and R) and the true peak in
 * dBTP (4× oversampled, {@link TruePeak}). Stateless; any thread.
 *
 * <p>Checked against the standard's anchors: a 0 dBFS 1 kHz sine in one channel measures −3.01 LUFS,
 * and EBU Tech 3341's stereo 1 kHz sine at −23 dBFS measures −23.0 LUFS.
 */
public final class Loudness {
    /** What {@link Measurement#integratedLufs} is for silence or audio gated away entirely. */
    public static final double GATED = Double.NEGATIVE_INFINITY;
    static final double BLOCK_SECONDS = 0.4;
    static final double STEP_SECONDS = 0.1;
    static final double ABSOLUTE_GATE_LUFS = -70;
    static final double RELATIVE_GATE_LU = -10;
    /** The −0.691 dB of BS.1770 cancels the K-filter's gain at 1 kHz. */
    private static final double OFFSET_DB = -0.691;

    /**
     * @param integratedLufs gated integrated loudness, LUFS; {@link #GATED} when no block passes the gates
     * @param truePeakDbtp   true peak, dBTP (dB relative to full scale, oversampled); −∞ for silence
     */
    public record Measurement(double integratedLufs, double truePeakDbtp) {
        /** The same audio scaled by a linear gain (both figures move by its decibels). */
        public Measurement scaled(double gain) {
            double db = 20 * Math.log10(gain);
            return new Measurement(integratedLufs + db, truePeakDbtp + db);
        }
    }

    private Loudness() {}

    /**
     * @param audio      {@code [channel][frame]}, full scale ±1
     * @param sampleRate frames per second
     */
    public static Measurement measure(float[][] audio, int sampleRate) {
        if (audio.length == 0 || audio.length > 2) {
            throw new IllegalArgumentException("channels : " + audio.length + " (expected: 1 or 2)");
        }
        if (sampleRate < 8000) {
            throw new IllegalArgumentException("sampleRate : " + sampleRate + " (expected: >= 8000)");
        }
        return new Measurement(integratedLufs(audio, sampleRate), truePeakDbtp(audio));
    }

    /** Gated integrated loudness, LUFS, or {@link #GATED}. */
    public static double integratedLufs(float[][] audio, int sampleRate) {
        double[] power = blockPowers(audio, sampleRate);
        double absolute = gatedMean(power, power(ABSOLUTE_GATE_LUFS));
        if (Double.isNaN(absolute)) {
            return GATED;
        }
        double relativeGate = power(lufs(absolute) + RELATIVE_GATE_LU);
        double gated = gatedMean(power, Math.max(relativeGate, power(ABSOLUTE_GATE_LUFS)));
        return Double.isNaN(gated) ? GATED : lufs(gated);
    }

    /** True peak over all channels, dBTP; −∞ for silence. */
    public static double truePeakDbtp(float[][] audio) {
        double peak = 0;
        for (float[] channel : audio) {
            peak = Math.max(peak, TruePeak.of(channel));
        }
        return 20 * Math.log10(peak);
    }

    /**
     * Per 400 ms block (every 100 ms), the channel-summed K-weighted mean square. Audio shorter than one
     * block has no blocks: BS.1770 defines no loudness for it.
     */
    static double[] blockPowers(float[][] audio, int sampleRate) {
        int frames = audio[0].length;
        int block = (int) Math.round(BLOCK_SECONDS * sampleRate);
        int step = (int) Math.round(STEP_SECONDS * sampleRate);
        int blocks = frames < block ? 0 : 1 + (frames - block) / step;
        double[] power = new double[blocks];
        for (float[] channel : audio) {
            double[] weighted = new KWeighting(sampleRate).apply(channel);
            // Prefix sums of squares make every overlapping block O(1).
            double[] cumulative = new double[frames + 1];
            for (int i = 0; i < frames; i++) {
                cumulative[i + 1] = cumulative[i] + weighted[i] * weighted[i];
            }
            for (int j = 0; j < blocks; j++) {
                power[j] += (cumulative[j * step + block] - cumulative[j * step]) / block;
            }
        }
        return power;
    }

    /** Mean of the block powers above a gate (strictly, as the standard's "> Γ"), NaN if none pass. */
    private static double gatedMean(double[] power, double gate) {
        double sum = 0;
        int count = 0;
        for (double p : power) {
            if (p > gate) {
                sum += p;
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    private static double lufs(double power) {
        return OFFSET_DB + 10 * Math.log10(power);
    }

    private static double power(double lufs) {
        return Math.pow(10, (lufs - OFFSET_DB) / 10);
    }
}
