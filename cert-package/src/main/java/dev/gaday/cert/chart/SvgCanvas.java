package dev.gaday.cert.chart;

import dev.gaday.common.text.ReportFormat;
import java.nio.charset.StandardCharsets;

/**
 * Writes a chart as a standalone SVG document: plain text from our own code, coordinates with two
 * decimals at most and no locale, so the same chart always gives the same bytes (the package's
 * tarball is reproducible). Text is XML-escaped; the font is DejaVu Sans where the viewer has it.
 */
public final class SvgCanvas implements ChartCanvas {
    private static final int DECIMALS = 2;
    private final StringBuilder out = new StringBuilder(16 * 1024);

    private SvgCanvas(int width, int height, String title) {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" font-family=\"DejaVu Sans, Verdana, sans-serif\">\n")
                .append("<title>")
                .append(escape(title))
                .append("</title>\n");
    }

    /** The figure as an SVG file's bytes (UTF-8), titled with its caption. */
    public static byte[] render(Figure figure) {
        return render(figure, figure.title());
    }

    /** The figure as an SVG file's bytes (UTF-8). */
    public static byte[] render(Figure figure, String title) {
        SvgCanvas canvas = new SvgCanvas(figure.width(), figure.height(), title);
        figure.drawOn(canvas);
        canvas.out.append("</svg>\n");
        return canvas.out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Stroke stroke) {
        out.append("<line x1=\"")
                .append(n(x1))
                .append("\" y1=\"")
                .append(n(y1))
                .append("\" x2=\"")
                .append(n(x2))
                .append("\" y2=\"")
                .append(n(y2))
                .append('"');
        stroke(stroke);
        out.append("/>\n");
    }

    @Override
    public void polyline(double[] xs, double[] ys, Stroke stroke) {
        out.append("<polyline points=\"");
        for (int i = 0; i < xs.length; i++) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(n(xs[i])).append(',').append(n(ys[i]));
        }
        out.append("\" fill=\"none\"");
        stroke(stroke);
        out.append(" stroke-linejoin=\"round\"/>\n");
    }

    @Override
    public void text(double x, double y, String text, TextStyle style, Anchor anchor, boolean vertical) {
        out.append("<text x=\"")
                .append(n(x))
                .append("\" y=\"")
                .append(n(y))
                .append("\" font-size=\"")
                .append(n(style.size()))
                .append('"');
        if (style.bold()) {
            out.append(" font-weight=\"bold\"");
        }
        out.append(" fill=\"").append(color(style.rgb())).append('"');
        if (anchor != Anchor.START) {
            out.append(" text-anchor=\"")
                    .append(anchor == Anchor.MIDDLE ? "middle" : "end")
                    .append('"');
        }
        if (vertical) {
            out.append(" transform=\"rotate(-90 ")
                    .append(n(x))
                    .append(' ')
                    .append(n(y))
                    .append(")\"");
        }
        out.append('>').append(escape(text)).append("</text>\n");
    }

    @Override
    public void rect(double x, double y, double width, double height, int fillRgb) {
        out.append("<rect x=\"")
                .append(n(x))
                .append("\" y=\"")
                .append(n(y))
                .append("\" width=\"")
                .append(n(width))
                .append("\" height=\"")
                .append(n(height))
                .append("\" fill=\"")
                .append(color(fillRgb))
                .append("\"/>\n");
    }

    private void stroke(Stroke stroke) {
        out.append(" stroke=\"")
                .append(color(stroke.rgb()))
                .append("\" stroke-width=\"")
                .append(n(stroke.width()))
                .append('"');
        if (stroke.dashed()) {
            out.append(" stroke-dasharray=\"")
                    .append(n(stroke.dashOn()))
                    .append(' ')
                    .append(n(stroke.dashOff()))
                    .append('"');
        }
    }

    /** A coordinate as the SVG holds it: at most two decimals, no trailing zeros ("12.5", "100"). */
    public static String n(double value) {
        return ReportFormat.plain(value, DECIMALS);
    }

    private static String color(int rgb) {
        String hex = Integer.toHexString(rgb & 0xffffff);
        return "#" + "000000".substring(hex.length()) + hex;
    }

    /** XML escaping for text content and attribute values. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> {
                    // XML 1.0 has no way to write most control characters: leave them out.
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
