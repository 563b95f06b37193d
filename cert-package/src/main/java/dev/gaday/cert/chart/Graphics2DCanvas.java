package dev.gaday.cert.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.InputStream;

/**
 * Draws a chart on a Graphics2D: in the PDF, openhtmltopdf's, which turns the shapes into PDF
 * vectors and the text into PDF text in the bundled DejaVu Sans (it maps the AWT font's family to
 * the document's font). Text is anchored with {@link TextWidths}, the same widths the layout
 * used, rather than asking AWT to lay the text out.
 */
public final class Graphics2DCanvas implements ChartCanvas {
    /** The bundled DejaVu Sans as an AWT font: its family name is what the PDF's font is found by. */
    private static final Font BASE_FONT = loadFont();
    private final Graphics2D graphics;

    public Graphics2DCanvas(Graphics2D graphics) {
        this.graphics = graphics;
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Stroke stroke) {
        apply(stroke);
        graphics.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void polyline(double[] xs, double[] ys, Stroke stroke) {
        Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO, xs.length);
        path.moveTo(xs[0], ys[0]);
        for (int i = 1; i < xs.length; i++) {
            path.lineTo(xs[i], ys[i]);
        }
        apply(stroke);
        graphics.draw(path);
    }

    @Override
    public void text(double x, double y, String text, TextStyle style, Anchor anchor, boolean vertical) {
        graphics.setColor(new Color(style.rgb()));
        graphics.setFont(BASE_FONT.deriveFont(style.bold() ? Font.BOLD : Font.PLAIN, (float) style.size()));
        double width = TextWidths.width(text, style.size(), style.bold());
        double shift = switch (anchor) {
            case START -> 0;
            case MIDDLE -> width / 2;
            case END -> width;
        };
        if (vertical) {
            AffineTransform saved = graphics.getTransform();
            graphics.translate(x, y);
            graphics.rotate(-Math.PI / 2);
            graphics.drawString(text, (float) -shift, 0f);
            graphics.setTransform(saved);
        } else {
            graphics.drawString(text, (float) (x - shift), (float) y);
        }
    }

    @Override
    public void rect(double x, double y, double width, double height, int fillRgb) {
        graphics.setColor(new Color(fillRgb));
        graphics.fill(new Rectangle2D.Double(x, y, width, height));
    }

    private void apply(Stroke stroke) {
        graphics.setColor(new Color(stroke.rgb()));
        graphics.setStroke(stroke.dashed()
                ? new BasicStroke((float) stroke.width(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                        new float[] {(float) stroke.dashOn(), (float) stroke.dashOff()}, 0f)
                : new BasicStroke((float) stroke.width(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
    }

    private static Font loadFont() {
        try (InputStream in = Graphics2DCanvas.class.getResourceAsStream("/dev/gaday/cert/fonts/DejaVuSans.ttf")) {
            if (in == null) {
                throw new IOException("missing bundled font");
            }
            Font font = Font.createFont(Font.TRUETYPE_FONT, in);
            // The PDF's text drawer asks the font which characters it has: answer the first
            // question now, on whichever thread loads this class (the PDF warm-up).
            font.canDisplay('0');
            return font;
        } catch (IOException | FontFormatException | RuntimeException e) {
            // Text then falls back to the PDF's default font; the chart itself still draws.
            return new Font(Font.SANS_SERIF, Font.PLAIN, 10);
        }
    }
}
