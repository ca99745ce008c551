package org.v2mzero.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /** {@link #clip} as if its file had been cut after 6.5 s: the curve above stops there anyway. */
    private CurveAnalysis cutShort() {
        return new CurveAnalysis(clip.source(), clip.duration(), clip.frames(), clip.curve(), clip.hits(), clip.cuts(),
                clip.sections(), true, 6.5);
    }

    @Test
    void aCompleteAnalysisWritesNoPartialFields(@TempDir Path dir) throws IOException {
        String json = Json.write(clip);

        assertFalse(json.contains("partial") || json.contains("decodedUntil"), json);
        Path file = Files.writeString(dir.resolve("curve.json"), json);
        CurveAnalysis read = Json.read(file, CurveAnalysis.class);
        assertFalse(read.partial());
        assertNull(read.decodedUntil());
        assertEquals(json, Json.write(read), "caches and takes written before keep their bytes");
    }

    @Test
    void aPartialAnalysisReadsBackPartial(@TempDir Path dir) throws IOException {
        String json = Json.write(cutShort());

        assertTrue(json.contains("\"partial\" : true") && json.contains("\"decodedUntil\" : 6.5"), json);
        assertEquals(cutShort(), Json.read(Files.writeString(dir.resolve("curve.json"), json), CurveAnalysis.class));
    }

    @Test
    void aWindowIsPartialOnlyWhereTheDecodedPictureEndsInsideIt() {
        CurveAnalysis across = cutShort().window(2.0, 6.0);
        assertTrue(across.partial());
        assertEquals(4.5, across.decodedUntil(), "on the window's clock");

        CurveAnalysis before = cutShort().window(1.0, 5.0);
        assertFalse(before.partial(), "the window ends at 6.0, before the picture does");
        assertNull(before.decodedUntil());

        CurveAnalysis after = cutShort().window(8.0, 1.0);
        assertTrue(after.partial());
        assertEquals(0.0, after.decodedUntil(), "nothing of this window was decoded");
    }

    @Test
    void reversedKeepsHowMuchWasDecoded() {
        CurveAnalysis r = cutShort().reversed();
        assertTrue(r.partial());
        assertEquals(6.5, r.decodedUntil());
        assertEquals(cutShort(), r.reversed());
    }

    @Test
    void partialAndDecodedUntilGoTogether() {
        assertThrows(IllegalArgumentException.class, () -> new CurveAnalysis("a.mp4", 10.0, 2, clip.curve(),
                List.of(), List.of(), List.of(), true, null));
        assertThrows(IllegalArgumentException.class, () -> new CurveAnalysis("a.mp4", 10.0, 2, clip.curve(),
                List.of(), List.of(), List.of(), false, 5.0));
        assertThrows(IllegalArgumentException.class, () -> new CurveAnalysis("a.mp4", 10.0, 2, clip.curve(),
                List.of(), List.of(), List.of(), true, 10.5));
    }

    /** {@link #clip} with the picture between 3.0 and 4.5 s skipped as damaged. */
    private CurveAnalysis damagedInside() {
        return new CurveAnalysis(clip.source(), clip.duration(), clip.frames(), clip.curve(), clip.hits(), clip.cuts(),
                clip.sections(), false, null, List.of(new Section(3.0, 4.5)));
    }

    @Test
    void damagedSpansReadBackAndAreLeftOutWhenNone(@TempDir Path dir) throws IOException {
        String json = Json.write(damagedInside());

        assertTrue(json.contains("\"damaged\" : [ {"), json);
        assertEquals(damagedInside(), Json.read(Files.writeString(dir.resolve("curve.json"), json), CurveAnalysis.class));
        assertFalse(Json.write(clip).contains("damaged"));
        assertEquals(List.of(), clip.damaged());
    }

    @Test
    void aWindowClipsTheDamagedSpansAndReversedMirrorsThem() {
        assertEquals(List.of(new Section(0.0, 1.5)), damagedInside().window(3.0, 2.0).damaged());
        assertEquals(List.of(new Section(1.0, 2.0)), damagedInside().window(2.0, 2.0).damaged());
        assertEquals(List.of(), damagedInside().window(5.0, 2.0).damaged());
        assertEquals(List.of(new Section(5.5, 7.0)), damagedInside().reversed().damaged());
        assertEquals(damagedInside(), damagedInside().reversed().reversed());
    }
}
