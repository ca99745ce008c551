package org.v2mzero.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CurveAnalysisTest {
    private final CurveAnalysis clip = new CurveAnalysis("clip.mp4", 10.0, 11,
            new EventCurve(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8}),
            List.of(new Hit(7.0, 3.0), new Hit(2.0, 2.5), new Hit(4.0, 1.2)), List.of(2.0, 4.0, 7.0),
            List.of(new Section(0, 2), new Section(2, 7), new Section(7, 10)));

    @Test
    void aWindowKeepsWhatIsInsideShiftedToStartAtZero() {
        CurveAnalysis w = clip.window(2.0, 5.5);

        assertEquals(5.5, w.duration());
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5}, w.curve().times());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, w.curve().values());
        assertEquals(6, w.frames());
        assertEquals(List.of(new Hit(5.0, 3.0), new Hit(0.0, 2.5), new Hit(2.0, 1.2)), w.hits(),
                "strongest first, as before");
        assertEquals(List.of(2.0, 5.0), w.cuts(), "a cut on the window's first frame is no cut inside it");
        assertEquals(List.of(new Section(0, 5), new Section(5, 5.5)), w.sections(), "clipped to the window");
    }

    @Test
    void reversedMirrorsEveryTimeAndKeepsTheCurveIncreasing() {
        CurveAnalysis r = clip.reversed();

        assertEquals(10.0, r.duration());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, r.curve().times());
        assertArrayEquals(new double[] {8, 7, 6, 5, 4, 3, 2, 1, 0}, r.curve().values());
        assertEquals(List.of(new Hit(3.0, 3.0), new Hit(8.0, 2.5), new Hit(6.0, 1.2)), r.hits(),
                "strongest first, as before");
        assertEquals(List.of(3.0, 6.0, 8.0), r.cuts(), "ascending");
        assertEquals(List.of(new Section(0, 3), new Section(3, 8), new Section(8, 10)), r.sections(), "ascending");
        assertEquals(clip, r.reversed(), "reversing twice gives the original");
    }

    @Test
    void aWindowIsClippedToTheSourceEnd() {
        CurveAnalysis tail = clip.window(7.0, 30);

        assertEquals(3.0, tail.duration());
        assertEquals(List.of(), tail.cuts());
        assertEquals(List.of(new Hit(0.0, 3.0)), tail.hits());
    }

    @Test
    void missingSectionsReadAsNone() {
        CurveAnalysis old = new CurveAnalysis("old.mp4", 1.0, 2, new EventCurve(new double[] {0.5}, new double[] {0}),
                List.of(), List.of(), null);
        assertEquals(List.of(), old.sections());
    }

    @Test
    void aSectionMustHaveALength() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Section(2, 2));
        assertEquals("end : 2.0 (expected: finite, > start 2.0)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Section(-1, 2));
        assertEquals("start : -1.0 (expected: finite, >= 0)", e.getMessage());
    }

    @Test
    void aWindowOutsideTheSourceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> clip.window(10.0, 1));
        assertThrows(IllegalArgumentException.class, () -> clip.window(1.0, 0));
    }
}
