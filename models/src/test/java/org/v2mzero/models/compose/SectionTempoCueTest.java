package org.v2mzero.models.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.models.render.MidiFiles;
import org.v2mzero.models.render.MidiReader;
import org.v2mzero.protocol.CurveAnalysis;
import org.v2mzero.protocol.EventCurve;
import org.v2mzero.protocol.Hit;
import org.v2mzero.protocol.Section;
import org.v2mzero.protocol.TempoMap;

/** A picture whose second section moves faster: the composer's tempo map changes there, and the MIDI carries it. */
class SectionTempoCueTest {
    private static final double DURATION = 40;
    /** Bar 8 of 100 bpm. */
    private static final double BOUNDARY = 19.2;

    @TempDir
    Path dir;

    /** Strong hits on the downbeats of 100 bpm, then, from {@link #BOUNDARY}, of 120 bpm. */
    private static CurveAnalysis twoPaces() {
        List<Hit> hits = new ArrayList<>();
        for (int bar = 1; bar <= 7; bar++) {
            hits.add(new Hit(bar * 2.4, 3));
        }
        for (int bar = 1; bar <= 6; bar++) {
            hits.add(new Hit(BOUNDARY + bar * 2.0, 3));
        }
        EventCurve flat = new EventCurve(new double[] {0, DURATION}, new double[] {0, 0});
        return new CurveAnalysis("two-paces.mp4", DURATION, 2, flat, hits, List.of(),
                List.of(new Section(0, BOUNDARY), new Section(BOUNDARY, DURATION)));
    }

    @Test
    void theTempoChangesAtTheSectionsBarLineAndTheMidiCarriesIt() throws Exception {
        SymbolicComposer composer = new SymbolicComposer();
        GenerationRequest request = new GenerationRequest(twoPaces(), "orchestral", 4, DURATION);
        Arrangement a = composer.generate(request);

        assertEquals(new TempoMap(4, List.of(new TempoMap.Change(0, 0, 100), new TempoMap.Change(32, BOUNDARY, 120))),
                a.tempoMap());
        assertEquals(a.tempoMap(), composer.tempoFit(request).map());
        composer.tempoFit(request).gridOffsets().forEach(o -> assertEquals(0.0, o, 0.003));
        for (Hit h : twoPaces().hits()) {
            assertTrue(stem(a, "fx").notes().stream().anyMatch(n -> Math.abs(n.startSeconds() - h.time()) < 0.005),
                    "accent at " + h.time());
        }

        // score.mid's tempo track: read back through its own tempo events, every note is where it was written.
        Path mid = dir.resolve("score.mid");
        MidiFiles.writeType1(mid, a.tempoMap(), a.stems());
        List<StemPart> read = MidiReader.parts(mid);
        for (StemPart written : a.stems()) {
            StemPart back = read.stream().filter(p -> p.name().equals(written.name())).findFirst().orElseThrow();
            List<Double> starts = written.notes().stream().map(Note::startSeconds).sorted().toList();
            List<Double> readStarts = back.notes().stream().map(Note::startSeconds).sorted().toList();
            assertEquals(starts.size(), readStarts.size(), written.name());
            for (int i = 0; i < starts.size(); i++) {
                assertEquals(starts.get(i), readStarts.get(i), 0.002, written.name() + " note " + i);
            }
        }
    }

    @Test
    void aRegeneratedRangeKeepsTheParentsSectionTempi() {
        SymbolicComposer composer = new SymbolicComposer();
        Arrangement parent = composer.generate(new GenerationRequest(twoPaces(), "orchestral", 4, DURATION));
        GenerationRequest again = new GenerationRequest(twoPaces(), "driving rock at 150 bpm", 5, DURATION,
                new GenerationRequest.Continuity(parent.tempoMap(), parent.key()));
        Arrangement fresh = composer.generate(again);
        assertEquals(parent.tempoMap(), fresh.tempoMap(), "the prompt's tempo does not override the parent's map");
        // Bars 8-10 straddle the change at bar 9 (19.2 s): 16.8 s to 23.2 s.
        Arrangement child = ArrangementSplice.splice(parent, fresh, 16.8, 23.2, null);
        assertEquals(parent.tempoMap(), child.tempoMap());
    }

    private static StemPart stem(Arrangement a, String name) {
        return a.stems().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
}
