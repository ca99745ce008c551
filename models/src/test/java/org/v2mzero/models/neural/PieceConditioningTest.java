package org.v2mzero.models.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.v2mzero.models.compose.Note;
import org.v2mzero.models.compose.StemPart;
import org.v2mzero.models.music.MusicCurveAnalyzer;
import org.v2mzero.models.render.JavaSoundStemRenderer;
import org.v2mzero.models.render.SoundfontLocator;
import org.v2mzero.protocol.TempoMap;

/** A piece made here, rendered with the JDK's own soundbank: calm pad bars, then busy drum bars. */
class PieceConditioningTest {
    private static final double BAR = 2.0; // 4/4 at 120 bpm

    @Test
    void theMusicCurveIsHighWhereTheMusicChangesAndRowsFollowTheTokens() throws Exception {
        List<Note> pad = new ArrayList<>();
        List<Note> drums = new ArrayList<>();
        for (int bar = 0; bar < 4; bar++) {
            pad.add(new Note(bar * BAR, BAR, 60, 50));
        }
        for (int eighth = 0; eighth < 32; eighth++) {
            double t = 4 * BAR + eighth * 0.25;
            drums.add(new Note(t, 0.125, eighth % 4 == 0 ? 49 : eighth % 2 == 0 ? 38 : 36, 120));
        }
        List<StemPart> parts = List.of(new StemPart("drums", 0, true, drums), new StemPart("pad", 89, false, pad));
        int[] tokens = MidiTokenizer.encode(parts, TempoMap.constant(120, 4));
        JavaSoundStemRenderer renderer = new JavaSoundStemRenderer(SoundfontLocator.builtIn(Optional.empty()));
        float[] style = {1, 2, 3};
        PieceConditioning c = PieceConditioning.of("freedoom/test", tokens, renderer, MusicCurveAnalyzer.DEFAULT,
                text -> style);

        assertEquals(tokens.length * CurveFeatures.SIZE, c.curveRows().length);
        assertArrayEquals(style, c.style());
        assertEquals(16.875, c.seconds(), 1e-9, "last drum ends at 15.875 s, plus a second of tail");
        assertTrue(c.description().startsWith("game music"), c.description());
        assertTrue(c.description().contains("drums and pad"), c.description());

        double[] times = TokenClock.times(tokens);
        double calm = 0;
        double busy = 0;
        int calmCount = 0;
        int busyCount = 0;
        for (int i = 0; i < tokens.length; i++) {
            float now = c.curveRows()[i * CurveFeatures.SIZE + 2];
            if (times[i] > 0.5 && times[i] < 7) {
                calm += now;
                calmCount++;
            } else if (times[i] > 8.5 && times[i] < 15) {
                busy += now;
                busyCount++;
            }
        }
        calm /= calmCount;
        busy /= busyCount;
        assertTrue(busy > calm + 0.5, "busy bars " + busy + " vs calm bars " + calm + " (z)");
    }
}
