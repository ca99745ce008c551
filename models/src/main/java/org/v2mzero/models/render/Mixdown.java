package org.v2mzero.models.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Stems summed into a mix, all scaled by one gain so that the scaled stems still sum exactly to the mix.
 * The gain either puts the mix's sample peak at a ceiling ({@link #of}) or its integrated loudness at a
 * target without letting its true peak pass a ceiling ({@link #normalised}). Quiet material is raised by
 * at most {@link #MAX_GAIN_DB}, so near-silence is never blown up to full scale. Immutable once built;
 * the arrays it returns are its own (do not modify).
 */
public final class Mixdown {
    /** The most a mix is raised, dB. */
    public static final double MAX_GAIN_DB = 12;
    /** What {@link #peakDbfs} reports for digital silence (below 24-bit resolution). */
    public static final double SILENCE_DBFS = -144;

    private final List<float[][]> stems;
    private final float[][] mix;
    private final double gain;
    private final Loudness.Measurement loudness;

    private Mixdown(List<float[][]> stems, float[][] mix, double gain, Loudness.Measurement loudness) {
        this.stems = List.copyOf(stems);
        this.mix = mix;
        this.gain = gain;
        this.loudness = loudness;
    }

    /**
     * @param stems       {@code [channel][frame]} each, all of the same shape
     * @param ceilingDbfs the mix's highest sample peak, dBFS (&lt;= 0)
     */
    public static Mixdown of(List<float[][]> stems, double ceilingDbfs) {
        if (stems.isEmpty()) {
            throw new IllegalArgumentException("stems : empty (expected: at least one stem)");
        }
        if (!(ceilingDbfs <= 0)) {
            throw new IllegalArgumentException("ceilingDbfs : " + ceilingDbfs + " (expected: <= 0)");
        }
        checkShapes(stems);
        double peak = peak(sum(stems, stems.get(0).length, stems.get(0)[0].length));
        // The margin absorbs float rounding in the re-summed mix, so the ceiling holds exactly.
        double gain = peak > 0 ? Math.min(dbToGain(ceilingDbfs) * (1 - 1e-5) / peak, dbToGain(MAX_GAIN_DB)) : 1;
        return scaled(stems, gain, null);
    }

    /**
     * Loudness normalisation (EBU R128 style): one gain brings the mix's integrated loudness to
     * {@code targetLufs}, lowered if needed so its true peak stays at or below {@code ceilingDbtp}; it is
     * never clipped. Silent or fully gated mixes keep unity gain.
     *
     * @param stems       {@code [channel][frame]} each, all of the same shape
     * @param sampleRate  frames per second
     * @param targetLufs  integrated loudness to reach, LUFS (&lt; 0)
     * @param ceilingDbtp highest true peak allowed, dBTP (&lt;= 0)
     */
    public static Mixdown normalised(List<float[][]> stems, int sampleRate, double targetLufs, double ceilingDbtp) {
        if (stems.isEmpty()) {
            throw new IllegalArgumentException("stems : empty (expected: at least one stem)");
        }
        if (!(targetLufs < 0)) {
            throw new IllegalArgumentException("targetLufs : " + targetLufs + " (expected: < 0)");
        }
        if (!(ceilingDbtp <= 0)) {
            throw new IllegalArgumentException("ceilingDbtp : " + ceilingDbtp + " (expected: <= 0)");
        }
        checkShapes(stems);
        Loudness.Measurement raw = Loudness.measure(sum(stems, stems.get(0).length, stems.get(0)[0].length), sampleRate);
        double gainDb = 0;
        if (raw.integratedLufs() > Loudness.GATED) {
            // 0.01 dB below the ceiling: float rounding of the re-summed mix must not tip it over.
            gainDb = Math.min(Math.min(targetLufs - raw.integratedLufs(), ceilingDbtp - 0.01 - raw.truePeakDbtp()),
                    MAX_GAIN_DB);
        }
        double gain = dbToGain(gainDb);
        return scaled(stems, gain, raw.scaled(gain));
    }

    /** Stems and mix already made and measured (the mix the sum of the stems), at one recorded gain. */
    static Mixdown assembled(List<float[][]> stems, float[][] mix, double gain, Loudness.Measurement loudness) {
        return new Mixdown(stems, mix, gain, loudness);
    }

    private static void checkShapes(List<float[][]> stems) {
        int channels = stems.get(0).length;
        int frames = stems.get(0)[0].length;
        for (int s = 0; s < stems.size(); s++) {
            float[][] stem = stems.get(s);
            if (stem.length != channels || stem[0].length != frames) {
                throw new IllegalArgumentException("stems[" + s + "] : " + stem.length + "x" + stem[0].length
                        + " (expected: " + channels + "x" + frames + ", like stems[0])");
            }
        }
    }

    private static Mixdown scaled(List<float[][]> stems, double gain, Loudness.Measurement loudness) {
        List<float[][]> scaled = new ArrayList<>();
        for (float[][] stem : stems) {
            scaled.add(scale(stem, (float) gain));
        }
        // The mix is the sum of the scaled stems, so stems imported together reproduce it exactly.
        return new Mixdown(scaled, sum(scaled, stems.get(0).length, stems.get(0)[0].length), gain, loudness);
    }

    /** The stems after the common gain, in input order. */
    public List<float[][]> stems() {
        return stems;
    }

    public float[][] mix() {
        return mix;
    }

    /** The linear gain applied to every stem. */
    public double gain() {
        return gain;
    }

    /** The mix's integrated loudness and true peak, for a {@link #normalised} mixdown. */
    public java.util.Optional<Loudness.Measurement> loudness() {
        return java.util.Optional.ofNullable(loudness);
    }

    public double gainDb() {
        return 20 * Math.log10(gain);
    }

    /** Sample peak of some audio in dBFS; {@link #SILENCE_DBFS} for silence. */
    public static double peakDbfs(float[][] audio) {
        double peak = peak(audio);
        return peak > 0 ? Math.max(SILENCE_DBFS, 20 * Math.log10(peak)) : SILENCE_DBFS;
    }

    static double peak(float[][] audio) {
        double peak = 0;
        for (float[] channel : audio) {
            for (float v : channel) {
                peak = Math.max(peak, Math.abs(v));
            }
        }
        return peak;
    }

    static double dbToGain(double db) {
        return Math.pow(10, db / 20);
    }

    private static float[][] scale(float[][] audio, float gain) {
        float[][] out = new float[audio.length][];
        for (int c = 0; c < audio.length; c++) {
            out[c] = audio[c].clone();
            for (int i = 0; i < out[c].length; i++) {
                out[c][i] *= gain;
            }
        }
        return out;
    }

    private static float[][] sum(List<float[][]> stems, int channels, int frames) {
        float[][] out = new float[channels][frames];
        for (float[][] stem : stems) {
            for (int c = 0; c < channels; c++) {
                for (int i = 0; i < frames; i++) {
                    out[c][i] += stem[c][i];
                }
            }
        }
        return out;
    }
}
