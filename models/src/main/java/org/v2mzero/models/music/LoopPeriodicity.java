package org.v2mzero.models.music;

/**
 * How periodic a loop's onset envelope is at {@code n} beats per loop, for {@link TempoEstimator#loopBpm}.
 * The envelope of a loop played round is periodic with the loop's length {@code L}, so it is a
 * Fourier series with harmonics at {@code k / L} Hz; their powers {@code P_k} (mean removed,
 * {@code k = 1 …} half the samples) are computed straight from the samples at their exact times, as
 * {@code L} is rarely a whole number of frames.
 *
 * <p>The comb at {@code n} beats, the mean circular autocorrelation at the lags {@code jL/n}
 * ({@code j = 1 … n−1}), is then in closed form {@code (n·s_n − 1) / (n − 1)}, where {@code s_n} is the
 * share of the power that lies on the harmonics of the beat rate ({@code k} a multiple of {@code n}):
 * 1 for a pulse train of exactly {@code n} beats, about 0 for noise, negative when the power shuns those
 * harmonics. One beat per loop ({@code n = 1}) reads 1: the loop repeats exactly at its length.
 *
 * <p>Immutable; any thread.
 */
final class LoopPeriodicity {
    private final double[] power;
    private final double total;

    private LoopPeriodicity(double[] power, double total) {
        this.power = power;
        this.total = total;
    }

    /**
     * @param loop        one period of the envelope, times in {@code [0, loopSeconds)}
     * @param loopSeconds the loop's length {@code L}, seconds
     */
    static LoopPeriodicity of(OnsetStrength.Envelope loop, double loopSeconds) {
        double[] t = loop.times();
        double[] x = loop.values();
        int m = x.length;
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= Math.max(1, m);
        double[] power = new double[m / 2 + 1]; // power[k], k = 1 .. m/2; power[0] unused
        double total = 0;
        for (int k = 1; k < power.length; k++) {
            double re = 0;
            double im = 0;
            for (int i = 0; i < m; i++) {
                double phase = 2 * Math.PI * k * t[i] / loopSeconds;
                re += (x[i] - mean) * Math.cos(phase);
                im -= (x[i] - mean) * Math.sin(phase);
            }
            // On an even count the last harmonic is its own mirror image: it counts once, the others twice.
            power[k] = (re * re + im * im) * (2 * k == m ? 0.5 : 1);
            total += power[k];
        }
        return new LoopPeriodicity(power, total);
    }

    /** Whether the envelope varies at all (silence or a constant has no tempo). */
    boolean hasPulse() {
        return total > 0;
    }

    /** The comb at {@code n >= 1} beats per loop, in {@code [-1/(n-1), 1]}. */
    double comb(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n : " + n + " (expected: >= 1)");
        }
        if (n == 1) {
            return 1;
        }
        double onBeat = 0;
        for (int k = n; k < power.length; k += n) {
            onBeat += power[k];
        }
        return (n * onBeat / total - 1) / (n - 1);
    }
}
