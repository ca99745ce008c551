package org.v2mzero.models.render;

/**
 * The K-weighting pre-filter of ITU-R BS.1770-4: a high-shelf (+4 dB above ~1.7 kHz, the head's
 * acoustic effect) followed by the RLB high-pass (~38 Hz). Coefficients come from the analogue
 * prototypes (as libebur128 derives them), so any sample rate works; at 48 kHz they equal the
 * standard's published table. One instance filters one channel; not thread-safe.
 */
final class KWeighting {
    private final double[] shelf;
    private final double[] highPass;
    private double s1;
    private double s2;
    private double h1;
    private double h2;

    /** @param sampleRate frames per second */
    KWeighting(int sampleRate) {
        this.shelf = shelf(sampleRate);
        this.highPass = highPass(sampleRate);
    }

    /** Filters a channel, returning a new array. */
    double[] apply(float[] in) {
        double[] out = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = highPass(shelf(in[i]));
        }
        return out;
    }

    /** Transposed direct form II: {b0, b1, b2, a1, a2}. */
    private double shelf(double x) {
        double y = shelf[0] * x + s1;
        s1 = shelf[1] * x - shelf[3] * y + s2;
        s2 = shelf[2] * x - shelf[4] * y;
        return y;
    }

    private double highPass(double x) {
        double y = highPass[0] * x + h1;
        h1 = highPass[1] * x - highPass[3] * y + h2;
        h2 = highPass[2] * x - highPass[4] * y;
        return y;
    }

    /** {b0, b1, b2, a1, a2} of stage 1, the high shelf. */
    static double[] shelf(int sampleRate) {
        double f0 = 1681.974450955533;
        double gainDb = 3.999843853973347;
        double q = 0.7071752369554196;
        double k = Math.tan(Math.PI * f0 / sampleRate);
        double vh = Math.pow(10, gainDb / 20);
        double vb = Math.pow(vh, 0.4996667741545416);
        double a0 = 1 + k / q + k * k;
        return new double[] {(vh + vb * k / q + k * k) / a0, 2 * (k * k - vh) / a0, (vh - vb * k / q + k * k) / a0,
            2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0};
    }

    /** {b0, b1, b2, a1, a2} of stage 2, the RLB high-pass (unnormalised numerator 1, -2, 1 as in the standard). */
    static double[] highPass(int sampleRate) {
        double f0 = 38.13547087602444;
        double q = 0.5003270373238773;
        double k = Math.tan(Math.PI * f0 / sampleRate);
        double a0 = 1 + k / q + k * k;
        return new double[] {1, -2, 1, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0};
    }
}
