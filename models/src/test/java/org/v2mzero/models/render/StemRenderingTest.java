package org.v2mzero.models.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.v2mzero.models.compose.Note;
import org.v2mzero.models.compose.StemPart;

class StemRenderingTest {
    @Test
    void parallelRenderEqualsSerialRenderSampleForSample() throws Exception {
        Soundfont bank = SoundfontLocator.builtIn(Optional.empty());
        JavaSoundStemRenderer renderer = new JavaSoundStemRenderer(bank);
        List<StemPart> parts = new ArrayList<>();
        for (int program : new int[] {0, 33, 48, 73}) {
            parts.add(new StemPart("p" + program, program, false,
                    List.of(new Note(0.1, 0.8, 60, 100), new Note(0.6, 0.9, 67, 90))));
        }
        parts.add(new StemPart("drums", 0, true, List.of(new Note(0, 0.1, 36, 110), new Note(0.5, 0.1, 38, 100))));

        List<float[][]> parallel = StemRendering.renderAll(renderer, parts, 1.5);

        assertEquals(parts.size(), parallel.size());
        for (int i = 0; i < parts.size(); i++) {
            float[][] serial = renderer.render(parts.get(i), 1.5);
            assertTrue(Mixdown.peakDbfs(serial) > -60, parts.get(i).name() + " is audible");
            for (int c = 0; c < 2; c++) {
                assertArrayEquals(serial[c], parallel.get(i)[c], parts.get(i).name() + " channel " + c);
            }
        }
    }
}
