package org.v2mzero.models.curve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.v2mzero.protocol.EventCurve;
import org.v2mzero.protocol.Section;

class SectionFinderTest {
    private static final double FPS = 25;

    @Test
    void shotsAreSectionsAndAShortShotJoinsItsShorterNeighbour() {
        EventCurve flat = curve(10, t -> 0);

        List<Section> sections = SectionFinder.VIDEO.find(flat, 10, List.of(2.0, 4.0, 4.8, 8.0));

        assertEquals(List.of(new Section(0, 2), new Section(2, 4.8), new Section(4.8, 8), new Section(8, 10)),
                sections, "the 0.8 s shot joins the 2 s one before it, not the 3.2 s one after");
    }

    @Test
    void aFlurryOfQuickCutsBecomesOneSection() {
        EventCurve flat = curve(8, t -> 0);

        List<Section> sections = SectionFinder.VIDEO.find(flat, 8, List.of(3.0, 3.5, 4.0, 4.5, 5.0));

        assertEquals(List.of(new Section(0, 3), new Section(3, 5), new Section(5, 8)), sections);
    }

    @Test
    void aLongShotSplitsWhereItsLevelChanges() {
        Random noise = new Random(7);
        EventCurve calmThenBusy = curve(20, t -> (t < 12 ? -0.8 : 1.2) + 0.3 * noise.nextGaussian());

        List<Section> sections = SectionFinder.VIDEO.find(calmThenBusy, 20, List.of());

        assertEquals(2, sections.size(), "sections " + sections);
        assertEquals(12, sections.get(0).end(), 2 / FPS);
    }

    @Test
    void noiseAloneDoesNotSplit() {
        Random noise = new Random(11);
        EventCurve noisy = curve(30, t -> noise.nextGaussian());

        assertEquals(List.of(new Section(0, 30)), SectionFinder.VIDEO.find(noisy, 30, List.of()));
    }

    @Test
    void aCutsSpikeDoesNotDecideTheLevel() {
        // A strong spike right at each cut, nothing else: the shots stay whole.
        EventCurve spikes = curve(12, t -> Math.abs(t - 4) < 0.1 || Math.abs(t - 8) < 0.1 ? 7 : 0);

        assertEquals(List.of(new Section(0, 4), new Section(4, 8), new Section(8, 12)),
                SectionFinder.VIDEO.find(spikes, 12, List.of(4.0, 8.0)));
    }

    @Test
    void parametersAreValidated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SectionFinder(0, 1));
        assertEquals("minSeconds : 0.0 (expected: > 0)", e.getMessage());
    }

    private static EventCurve curve(double seconds, java.util.function.DoubleUnaryOperator level) {
        int n = (int) Math.round(seconds * FPS);
        double[] t = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = (i + 1) / FPS;
            v[i] = level.applyAsDouble(t[i]);
        }
        return new EventCurve(t, v);
    }
}
