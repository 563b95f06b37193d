package dev.gaday.cert.pdf;

import dev.gaday.cert.chart.ChartCanvas;
import dev.gaday.cert.chart.Figure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;

/**
 * Draws a chart as PDF vector operators into a form XObject, which the report places like an
 * image: lines and rectangles as paths, text in the document's own DejaVu Sans (so its glyphs join
 * the subset the body text embeds), anchored by the font's own advance widths; a character the
 * font lacks is shown as '?'. Drawing PDF operators directly, rather than through a Graphics2D
 * bridge, keeps AWT's font system (fontconfig, a temp copy of the font) out of every run.
 */
public final class PdfCanvas implements ChartCanvas {
    private final PDPageContentStream stream;
    private final Function<Boolean, PDFont> fonts;

    private PdfCanvas(PDPageContentStream stream, Function<Boolean, PDFont> fonts) {
        this.stream = stream;
        this.fonts = fonts;
    }

    /**
     * The chart as a form of {@code widthPt} × {@code heightPt} points, origin bottom left as PDF
     * forms have it; the chart's pixels (origin top left, y down) are scaled to fill it.
     *
     * @param fonts DejaVu Sans of the document: bold (true) or regular (false)
     */
    public static PDFormXObject form(
            PDDocument document, Figure chart, float widthPt, float heightPt, Function<Boolean, PDFont> fonts) {
        PDFormXObject form = new PDFormXObject(document);
        form.setFormType(1);
        form.setBBox(new PDRectangle(widthPt, heightPt));
        form.setResources(new PDResources());
        try (PDPageContentStream stream =
                new PDPageContentStream(document, form, form.getStream().createOutputStream(COSName.FLATE_DECODE))) {
            stream.transform(new Matrix(widthPt / chart.width(), 0, 0, -heightPt / chart.height(), 0, heightPt));
            chart.drawOn(new PdfCanvas(stream, fonts));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw the chart " + chart.name() + ": " + e.getMessage(), e);
        }
        return form;
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Stroke stroke) {
        try {
            apply(stroke);
            stream.moveTo((float) x1, (float) y1);
            stream.lineTo((float) x2, (float) y2);
            stream.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void polyline(double[] xs, double[] ys, Stroke stroke) {
        try {
            apply(stroke);
            stream.moveTo((float) xs[0], (float) ys[0]);
            for (int i = 1; i < xs.length; i++) {
                stream.lineTo((float) xs[i], (float) ys[i]);
            }
            stream.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void text(double x, double y, String text, TextStyle style, Anchor anchor, boolean vertical) {
        PDFont font = fonts.apply(style.bold());
        try {
            String shown = shownBy(font, text);
            double width = font.getStringWidth(shown) / 1000 * style.size();
            double shift =
                    switch (anchor) {
                        case START -> 0;
                        case MIDDLE -> width / 2;
                        case END -> width;
                    };
            stream.setNonStrokingColor(red(style.rgb()), green(style.rgb()), blue(style.rgb()));
            stream.beginText();
            stream.setFont(font, (float) style.size());
            // The page is y-down here, so the text matrix turns glyphs upright again; vertical text
            // runs upwards (rotated 90° counter-clockwise about (x, y)), its start moved down by the shift.
            stream.setTextMatrix(
                    vertical
                            ? new Matrix(0, -1, -1, 0, (float) x, (float) (y + shift))
                            : new Matrix(1, 0, 0, -1, (float) (x - shift), (float) y));
            stream.showText(shown);
            stream.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void rect(double x, double y, double width, double height, int fillRgb) {
        try {
            stream.setNonStrokingColor(red(fillRgb), green(fillRgb), blue(fillRgb));
            stream.addRect((float) x, (float) y, (float) width, (float) height);
            stream.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void apply(Stroke stroke) throws IOException {
        stream.setStrokingColor(red(stroke.rgb()), green(stroke.rgb()), blue(stroke.rgb()));
        stream.setLineWidth((float) stroke.width());
        stream.setLineCapStyle(0); // butt
        stream.setLineJoinStyle(1); // round
        stream.setLineDashPattern(
                stroke.dashed() ? new float[] {(float) stroke.dashOn(), (float) stroke.dashOff()} : new float[0], 0);
    }

    /** The text with each character the font has no glyph for replaced by '?'. */
    static String shownBy(PDFont font, String text) throws IOException {
        StringBuilder shown = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            String character = new String(Character.toChars(c));
            i += Character.charCount(c);
            try {
                font.encode(character);
                shown.append(character);
            } catch (IllegalArgumentException missing) {
                shown.append('?');
            }
        }
        return shown.toString();
    }

    private static int red(int rgb) {
        return (rgb >> 16) & 0xff;
    }

    private static int green(int rgb) {
        return (rgb >> 8) & 0xff;
    }

    private static int blue(int rgb) {
        return rgb & 0xff;
    }
}
