package dev.gaday.cert.chart;

/**
 * A figure laid out once into {@link Marks} under its file stem and caption: what the timeline, row and
 * burn-rate charts share (each keeps its own height and geometry).
 */
abstract class MarkedFigure implements Figure {
    private final String name;
    private final String title;
    /** The marks the subclass lays out, in drawing order; replayed on every canvas. */
    final Marks marks;

    MarkedFigure(String name, String title, Marks marks) {
        this.name = name;
        this.title = title;
        this.marks = marks;
    }

    MarkedFigure(String name, String title) {
        this(name, title, new Marks());
    }

    Marks marks() {
        return marks;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String title() {
        return title;
    }

    @Override
    public final void drawOn(ChartCanvas canvas) {
        marks.drawOn(canvas);
    }
}
