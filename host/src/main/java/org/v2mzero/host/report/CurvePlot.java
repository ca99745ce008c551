package org.v2mzero.host.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.v2mzero.protocol.AtomicFiles;
import org.v2mzero.protocol.CurveAnalysis;
import org.v2mzero.protocol.EventCurve;
import org.v2mzero.protocol.Hit;
import org.v2mzero.protocol.Section;

/**
 * The event curve as a composer reads it at a glance: the curve over a timecode axis, hard cuts as
 * red lines, hits as dots labelled with their time, every other section as a light band behind. Drawn off-screen with JFreeChart (a long-kept
 * charting library, one jar without dependencies) and written as PNG.
 */
public final class CurvePlot {
    static final int WIDTH = 1600;
    static final int HEIGHT = 500;
    static final Color CURVE = new Color(0x1f77b4);
    static final Color CUT = new Color(0xd62728);
    static final Color HIT = new Color(0xff7f0e);
    /** Every second section's background: light enough that the grid and curve stay readable. */
    static final Color SECTION = new Color(0xeef2f7);

    private CurvePlot() {}

    /** Draws the analysis into a {@link #WIDTH} x {@link #HEIGHT} image. */
    public static BufferedImage draw(CurveAnalysis analysis) {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(curveSeries(analysis.curve()));
        data.addSeries(hitSeries(analysis));
        NumberAxis time = new NumberAxis("timecode (m:ss.ff, seconds)");
        time.setRange(0, analysis.duration());
        time.setNumberFormatOverride(new Timecode());
        NumberAxis value = new NumberAxis("event curve (z-score)");
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        renderer.setSeriesPaint(0, CURVE);
        renderer.setSeriesShapesVisible(0, false);
        renderer.setSeriesStroke(0, new BasicStroke(1.5f));
        renderer.setSeriesPaint(1, HIT);
        renderer.setSeriesLinesVisible(1, false);
        XYPlot plot = new XYPlot(data, time, value, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        for (int i = 1; i < analysis.sections().size(); i += 2) {
            Section band = analysis.sections().get(i);
            IntervalMarker marker = new IntervalMarker(band.start(), band.end(), SECTION);
            marker.setAlpha(1f); // opaque: the colour is light already, and the test finds it by exact RGB
            plot.addDomainMarker(marker, Layer.BACKGROUND);
        }
        for (double cut : analysis.cuts()) {
            ValueMarker marker = new ValueMarker(cut, CUT, new BasicStroke(2f));
            marker.setLabel("cut");
            marker.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
            marker.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            plot.addDomainMarker(marker);
        }
        for (Hit hit : analysis.hits()) {
            XYTextAnnotation label = new XYTextAnnotation(Timecode.of(hit.time()), hit.time(), hit.strength());
            label.setTextAnchor(TextAnchor.BOTTOM_CENTER);
            label.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            plot.addAnnotation(label);
        }
        JFreeChart chart = new JFreeChart(title(analysis), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart.createBufferedImage(WIDTH, HEIGHT);
    }

    /** Draws and writes a PNG, whole or not at all. */
    public static void write(CurveAnalysis analysis, Path png) throws IOException {
        BufferedImage image = draw(analysis);
        AtomicFiles.write(png, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException(png + ": no PNG writer in this Java runtime");
            }
        });
    }

    private static String title(CurveAnalysis a) {
        String name = Path.of(a.source()).getFileName().toString();
        return String.format(Locale.ROOT, "%s  —  %.2f s, %d hits, %d cuts", name, a.duration(), a.hits().size(),
                a.cuts().size());
    }

    private static XYSeries curveSeries(EventCurve curve) {
        XYSeries s = new XYSeries("event curve", false, true);
        for (int i = 0; i < curve.size(); i++) {
            s.add(curve.time(i), curve.value(i));
        }
        return s;
    }

    private static XYSeries hitSeries(CurveAnalysis a) {
        XYSeries s = new XYSeries("hits", true, true);
        for (Hit hit : a.hits()) {
            s.add(hit.time(), hit.strength());
        }
        return s;
    }

    /** Seconds as {@code m:ss.ff} (hundredths), the way a composer reads a cue sheet. */
    static final class Timecode extends NumberFormat {
        static String of(double seconds) {
            long hundredths = Math.round(seconds * 100);
            return String.format(Locale.ROOT, "%d:%02d.%02d", hundredths / 6000, hundredths / 100 % 60,
                    hundredths % 100);
        }

        @Override
        public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
            return to.append(of(number));
        }

        @Override
        public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
            return to.append(of(number));
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            throw new UnsupportedOperationException("timecode axis labels are only formatted");
        }
    }
}
