package dev.gaday.cert.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The Graphics2D canvas draws the layout's geometry: painted into an image (no anti-aliasing, so
 * a pixel is either a mark's colour or not; pure strokes, as in a PDF, not moved to whole pixels),
 * the series, threshold and incident are where the layout's scales put them.
 */
class Graphics2DCanvasTest {

    @Test
    void marksLandOnThePixelsTheLayoutComputes() {
        ChartLayout layout = ChartLayout.of(SvgChartTest.chart(SvgChartTest.VALUES, "INC-7"));
        BufferedImage image = new BufferedImage(ChartLayout.WIDTH, ChartLayout.HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            layout.drawOn(new Graphics2DCanvas(graphics));
        } finally {
            graphics.dispose();
        }

        // Incident at 02:05: low in the plot, below every value and gridline, the line is orange.
        int incidentX = (int) Math.floor(layout.x(SvgChartTest.INCIDENT));
        assertEquals(ChartLayout.INCIDENT_RGB, rgb(image, incidentX, (int) layout.plotBottom() - 3));
        // Threshold 99.9: its first dash starts at the plot's left edge.
        int thresholdY = (int) Math.floor(layout.y(99.9));
        assertEquals(ChartLayout.THRESHOLD_RGB, rgb(image, (int) layout.plotLeft() + 3, thresholdY));
        // Series: the middle of the segment from 00:30 (99.95) to 01:30 (99.97).
        double x = (layout.x(SvgChartTest.START.plus(Duration.ofMinutes(30)))
                + layout.x(SvgChartTest.START.plus(Duration.ofMinutes(90)))) / 2;
        double y = (layout.y(99.95) + layout.y(99.97)) / 2;
        assertEquals(ChartLayout.SERIES_RGB, rgb(image, (int) Math.floor(x), (int) Math.floor(y)));
        // And the background elsewhere in the plot stays white.
        assertEquals(0xffffff, rgb(image, (int) layout.plotRight() - 5, (int) layout.plotTop() + 3));
    }

    private static int rgb(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) & 0xffffff;
    }
}
