package org.v2mzero.models.curve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.v2mzero.models.video.GreyFrame;

class FrameFeaturesTest {
    private static GreyFrame frame(float[] luma) {
        return new GreyFrame(0, luma.length, 1, luma);
    }

    private static float[] pattern(double contrast, double offset, long seed) {
        Random r = new Random(seed);
        float[] luma = new float[64 * 36]; // a default 16:9 thumbnail
        for (int i = 0; i < luma.length; i++) {
            luma[i] = (float) (offset + contrast * r.nextGaussian());
        }
        return luma;
    }

    @Test
    void brightnessAndContrastScalingBarelyChangeTheFeature() {
        float[] a = pattern(40, 128, 1);
        float[] b = a.clone();
        for (int i = 0; i < b.length; i++) {
            b[i] = 0.5f * a[i] + 10;
        }
        double d = Novelty.cosineDistance(FrameFeatures.of(frame(a)), FrameFeatures.of(frame(b)));
        assertTrue(d < 0.05, "half-faded copy: " + d);
    }

    @Test
    void differentPicturesAreFarApart() {
        double d = Novelty.cosineDistance(FrameFeatures.of(frame(pattern(40, 128, 1))),
                FrameFeatures.of(frame(pattern(40, 128, 2))));
        assertTrue(d > 0.9, "unrelated pictures: " + d);
    }

    @Test
    void nearBlackNoiseFramesDoNotSpike() {
        // Two almost-black frames whose only content is independent noise of 1.5 grey levels.
        double d = Novelty.cosineDistance(FrameFeatures.of(frame(pattern(1.5, 3, 1))),
                FrameFeatures.of(frame(pattern(1.5, 3, 2))));
        assertTrue(d < 0.05, "noise on black: " + d);
    }

    @Test
    void constantComponentHasFlatContrastEnergy() {
        double[] f = FrameFeatures.of(frame(new float[256]));
        assertEquals(257, f.length);
        // sqrt(256) = 16 pixels' worth: the energy of FLAT_CONTRAST on each of 256 pixels.
        assertEquals(FrameFeatures.FLAT_CONTRAST / 255 * 16, f[256], 1e-12);
        assertEquals(0, f[0]);
    }
}
