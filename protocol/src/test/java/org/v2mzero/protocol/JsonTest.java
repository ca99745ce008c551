package org.v2mzero.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonTest {
    @TempDir
    Path dir;

    private final CurveAnalysis analysis = new CurveAnalysis("clip.mp4", 3.0, 3,
            new EventCurve(new double[] {0, 1, 2}, new double[] {-1, 2, -1}),
            List.of(new Hit(1.0, 2.0)), List.of(1.0), List.of(new Section(0, 1), new Section(1, 3)));

    @Test
    void curveAnalysisHasTheDocumentedShapeAndRoundTrips() throws IOException {
        String json = Json.write(analysis);

        assertTrue(json.contains("\"duration\" : 3.0"), json);
        assertTrue(json.contains("\"curve\" : {"), json);
        assertTrue(json.contains("\"times\" : [ 0.0, 1.0, 2.0 ]"), json);
        assertTrue(json.contains("\"hits\" : [ {"), json);
        assertTrue(json.contains("\"cuts\" : [ 1.0 ]"), json);
        assertTrue(json.contains("\"sections\" : [ {\n    \"start\" : 0.0,\n    \"end\" : 1.0\n  }"), json);
        Path file = Files.writeString(dir.resolve("curve.json"), json);
        assertEquals(analysis, Json.read(file, CurveAnalysis.class));
    }

    @Test
    void aFileWrittenBeforeSectionsReadsWithNone() throws IOException {
        Path file = Files.writeString(dir.resolve("old.json"), """
                {"source": "clip.mp4", "duration": 3.0, "frames": 3,
                 "curve": {"times": [0.0, 1.0], "values": [0.0, 1.0]}, "hits": [], "cuts": [1.0]}
                """);

        CurveAnalysis old = Json.read(file, CurveAnalysis.class);

        assertEquals(List.of(), old.sections());
        assertEquals(List.of(1.0), old.cuts());
    }

    @Test
    void theSameValueGivesTheSameBytes() {
        assertEquals(Json.write(analysis), Json.write(analysis));
    }

    @Test
    void malformedJsonNamesTheFileAndLine() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.json"), "{\n  \"duration\": 3,\n  oops\n}");

        BadInputException e = assertThrows(BadInputException.class, () -> Json.read(file, CurveAnalysis.class));

        assertTrue(e.getMessage().startsWith(file + ": not a valid CurveAnalysis"), e.getMessage());
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }
}
