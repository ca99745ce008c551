package org.v2mzero.models.music;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.v2mzero.protocol.CurveAnalysis;
import org.v2mzero.protocol.Section;

/** Music sections on rendered audio: a steady tone, then a busy passage of clicks, splits where it turns busy. */
class MusicSectionsTest {
    private static final int RATE = 22050;

    @Test
    void aCalmPassageThenABusyOneAreTwoSections() throws Exception {
        float[] samples = new float[16 * RATE];
        for (int i = 0; i < samples.length; i++) {
            double t = i / (double) RATE;
            samples[i] = (float) (0.2 * Math.sin(2 * Math.PI * 220 * t));
            // From 8 s on, a noisy click every 0.25 s: the curve's level rises and stays up.
            double sinceClick = t % 0.25;
            if (t >= 8 && sinceClick < 0.03) {
                samples[i] += (float) (0.6 * Math.sin(2 * Math.PI * 3000 * t) * (1 - sinceClick / 0.03));
            }
        }

        CurveAnalysis curve = MusicCurveAnalyzer.DEFAULT.analyze("calm-then-busy", new MonoAudio(samples, RATE)).curve();

        List<Section> sections = curve.sections();
        assertEquals(2, sections.size(), "sections " + sections);
        assertEquals(8.0, sections.get(0).end(), 0.3, "sections " + sections);
        assertEquals(curve.duration(), sections.get(1).end(), 1e-9);
    }
}
