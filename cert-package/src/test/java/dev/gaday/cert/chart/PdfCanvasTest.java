package dev.gaday.cert.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.cert.pdf.PdfCanvas;
import dev.gaday.cert.pdf.PdfReport;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The PDF canvas draws the layout's geometry and text: the chart's form on a page of the layout's
 * size, rendered at one pixel per point without anti-aliasing, has the series, threshold and
 * incident where the layout's scales put them, and its labels as text in DejaVu Sans.
 */
class PdfCanvasTest {

    @Test
    void marksLandOnThePixelsTheLayoutComputes() throws IOException {
        ChartLayout layout = ChartLayout.of(SvgChartTest.chart(SvgChartTest.VALUES, "INC-7"));
        BufferedImage image = render(layout);

        // Incident at 02:05: low in the plot, below every value and gridline, the line is orange.
        int incidentX = (int) Math.floor(layout.x(SvgChartTest.INCIDENT));
        assertEquals(ChartLayout.INCIDENT_RGB, rgb(image, incidentX, (int) layout.plotBottom() - 3));
        // Threshold 99.9: its first dash starts at the plot's left edge.
        int thresholdY = (int) Math.floor(layout.y(99.9));
        assertEquals(ChartLayout.THRESHOLD_RGB, rgb(image, (int) layout.plotLeft() + 3, thresholdY));
        // Series: the middle of the segment from 00:30 (99.95) to 01:30 (99.97).
        double x = (layout.x(SvgChartTest.START.plus(Duration.ofMinutes(30)))
                        + layout.x(SvgChartTest.START.plus(Duration.ofMinutes(90))))
                / 2;
        double y = (layout.y(99.95) + layout.y(99.97)) / 2;
        assertEquals(ChartLayout.SERIES_RGB, rgb(image, (int) Math.floor(x), (int) Math.floor(y)));
        // And the background elsewhere in the plot stays white.
        assertEquals(0xffffff, rgb(image, (int) layout.plotRight() - 5, (int) layout.plotTop() + 3));
    }

    @Test
    void labelsAreTextInTheDocumentsFontAndMissingGlyphsShowAsQuestionMarks() throws IOException {
        ChartLayout layout = ChartLayout.of(SvgChartTest.chart(SvgChartTest.VALUES, "INC-7 障"));
        // Saved and read back, as in the report: the font subsets and their text maps are written on save.
        java.io.ByteArrayOutputStream saved = new java.io.ByteArrayOutputStream();
        try (PDDocument document = pageWith(layout)) {
            document.save(saved);
        }
        try (PDDocument document = PDDocument.load(saved.toByteArray())) {
            String text = new PDFTextStripper().getText(document);
            // The y title runs upwards: text extraction gives it a line per few letters.
            assertTrue(text.replaceAll("\\R", "").contains(layout.chart().yTitle()), text);
            assertTrue(text.contains("Time (UTC)"), text);
            assertTrue(text.contains("INC-7 ?"), text);
            assertTrue(text.contains("02:00") || text.contains("03:00"), text);
            PDFormXObject form = (PDFormXObject) document.getPage(0)
                    .getResources()
                    .getXObject(document.getPage(0)
                            .getResources()
                            .getXObjectNames()
                            .iterator()
                            .next());
            for (var name : form.getResources().getFontNames()) {
                assertTrue(form.getResources().getFont(name).getName().contains("DejaVuSans"));
            }
        }
    }

    private static BufferedImage render(ChartLayout layout) throws IOException {
        try (PDDocument document = pageWith(layout)) {
            PDFRenderer renderer = new PDFRenderer(document);
            renderer.setRenderingHints(new RenderingHints(Map.of(
                    RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF,
                    RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE)));
            return renderer.renderImage(0, 1f, ImageType.RGB);
        }
    }

    /** A page the layout's size with the chart's form on it, 1 point per chart pixel. */
    private static PDDocument pageWith(ChartLayout layout) throws IOException {
        PDDocument document = new PDDocument();
        PDPage page = new PDPage(new PDRectangle(ChartLayout.WIDTH, ChartLayout.HEIGHT));
        document.addPage(page);
        PDFont regular = font(document, PdfReport.FONT_REGULAR);
        PDFont bold = font(document, PdfReport.FONT_BOLD);
        PDFormXObject form = PdfCanvas.form(
                document, layout, ChartLayout.WIDTH, ChartLayout.HEIGHT, isBold -> isBold ? bold : regular);
        try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
            stream.drawForm(form);
        }
        return document;
    }

    private static PDFont font(PDDocument document, String resource) throws IOException {
        try (InputStream in = PdfReport.class.getResourceAsStream(resource)) {
            return PDType0Font.load(document, in, true);
        }
    }

    private static int rgb(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) & 0xffffff;
    }
}
