package org.v2mzero.host.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.protocol.CurveAnalysis;
import org.v2mzero.protocol.EventCurve;
import org.v2mzero.protocol.Hit;
import org.v2mzero.protocol.Section;

class CurvePlotTest {
    @TempDir
    Path dir;

    private final CurveAnalysis analysis = new CurveAnalysis("/clips/reel.mp4", 10.0, 100,
            new EventCurve(new double[] {0, 2, 2.5, 3, 10}, new double[] {0, 0, 4, 0, 0}),
            List.of(new Hit(2.5, 4.0)), List.of(2.5, 7.0),
            List.of(new Section(0, 2.5), new Section(2.5, 7.0), new Section(7.0, 10.0)));

    @Test
    void writesAPngWithTheCurveAndEveryCutDrawn() throws Exception {
        Path png = dir.resolve("curve.png");

        CurvePlot.write(analysis, png);

        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(CurvePlot.WIDTH, image.getWidth());
        assertEquals(CurvePlot.HEIGHT, image.getHeight());
        assertTrue(count(image, CurvePlot.CURVE) > 200, "the curve is drawn");
        assertTrue(count(image, CurvePlot.CUT) > 2 * 250, "both cut lines are drawn");
        // The middle section (2.5 .. 7 s of 10) is banded: about 45 % of the plot area's width.
        assertTrue(count(image, CurvePlot.SECTION) > 0.3 * CurvePlot.WIDTH * 250, "the second section is banded");
    }

    @Test
    void timecodeReadsMinutesSecondsAndHundredths() {
        assertEquals("0:02.50", CurvePlot.Timecode.of(2.5));
        assertEquals("1:05.07", CurvePlot.Timecode.of(65.07));
    }

    private static int count(BufferedImage image, Color color) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == (color.getRGB() & 0xffffff)) {
                    n++;
                }
            }
        }
        return n;
    }
}
