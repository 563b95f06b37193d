package dev.gaday.cert.chart;

/**
 * A figure of the report, laid out once: a {@link #width()} × {@link #height()} pixel canvas of marks that
 * any {@link ChartCanvas} replays (SVG for the Markdown report, vectors in the PDF), with the file stem it is
 * written under (charts/NAME.svg) and the caption it is shown with.
 */
public interface Figure {
    /** The file stem: charts/NAME.svg; [a-z0-9_]. */
    String name();

    /** The caption: the image's alt text in the Markdown, the line under the figure in the PDF. */
    String title();

    /** Every figure is drawn as wide as the report's charts; its height is its own. */
    default int width() {
        return ChartLayout.WIDTH;
    }

    int height();

    /** Draws the figure: the same marks, in the same order, on any canvas. */
    void drawOn(ChartCanvas canvas);
}
