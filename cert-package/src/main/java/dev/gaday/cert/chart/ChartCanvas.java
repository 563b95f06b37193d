package dev.gaday.cert.chart;

/**
 * What a chart is drawn with: four primitives, in pixels of a {@link ChartLayout} (origin top
 * left, y down). {@link SvgCanvas} writes them as SVG text for the Markdown report,
 * {@code dev.gaday.cert.pdf.PdfCanvas} draws them into the PDF.
 */
public interface ChartCanvas {

    /** Where a text's x coordinate is: its start, its middle or its end. */
    enum Anchor {
        START,
        MIDDLE,
        END
    }

    /**
     * A line's colour (0xRRGGBB), width and dash pattern.
     *
     * @param dashOn length of a dash; 0 for a solid line
     * @param dashOff length of the gap between dashes
     */
    record Stroke(int rgb, double width, double dashOn, double dashOff) {
        public static Stroke solid(int rgb, double width) {
            return new Stroke(rgb, width, 0, 0);
        }

        public boolean dashed() {
            return dashOn > 0;
        }
    }

    /** A text's size in pixels, weight and colour (0xRRGGBB); the face is always DejaVu Sans. */
    record TextStyle(double size, boolean bold, int rgb) {}

    void line(double x1, double y1, double x2, double y2, Stroke stroke);

    /** An open polyline through the points (xs[i], ys[i]); at least two points. */
    void polyline(double[] xs, double[] ys, Stroke stroke);

    /**
     * One line of text with its baseline at y.
     *
     * @param vertical true to run the text upwards (rotated 90° counter-clockwise about (x, y))
     */
    void text(double x, double y, String text, TextStyle style, Anchor anchor, boolean vertical);

    /** A filled rectangle. */
    void rect(double x, double y, double width, double height, int fillRgb);
}
