package dev.gaday.cert.chart;

import dev.gaday.cert.chart.ChartCanvas.Anchor;
import dev.gaday.cert.chart.ChartCanvas.Stroke;
import dev.gaday.cert.chart.ChartCanvas.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A figure's marks, recorded once in drawing order and replayed on any {@link ChartCanvas}; each kind of mark
 * is also kept by kind, so that tests can look at the geometry (where the bars, lines and labels are).
 */
final class Marks {
    /** A line as drawn, for tests. */
    record Line(double x1, double y1, double x2, double y2, Stroke stroke) {}

    /** A filled rectangle as drawn, for tests. */
    record Rect(double x, double y, double width, double height, int rgb) {}

    /** An open polyline as drawn, for tests. */
    record Polyline(double[] xs, double[] ys, Stroke stroke) {}

    /** A text as drawn, for tests. */
    record Text(double x, double y, String text, TextStyle style, Anchor anchor) {}

    private final List<Consumer<ChartCanvas>> operations = new ArrayList<>();
    private final List<Line> lines = new ArrayList<>();
    private final List<Rect> rects = new ArrayList<>();
    private final List<Polyline> polylines = new ArrayList<>();
    private final List<Text> texts = new ArrayList<>();

    void line(double x1, double y1, double x2, double y2, Stroke stroke) {
        lines.add(new Line(x1, y1, x2, y2, stroke));
        operations.add(canvas -> canvas.line(x1, y1, x2, y2, stroke));
    }

    void polyline(double[] xs, double[] ys, Stroke stroke) {
        double[] x = xs.clone();
        double[] y = ys.clone();
        polylines.add(new Polyline(x, y, stroke));
        operations.add(canvas -> canvas.polyline(x.clone(), y.clone(), stroke));
    }

    void rect(double x, double y, double width, double height, int rgb) {
        rects.add(new Rect(x, y, width, height, rgb));
        operations.add(canvas -> canvas.rect(x, y, width, height, rgb));
    }

    void text(double x, double y, String text, TextStyle style, Anchor anchor) {
        texts.add(new Text(x, y, text, style, anchor));
        operations.add(canvas -> canvas.text(x, y, text, style, anchor, false));
    }

    void verticalText(double x, double y, String text, TextStyle style) {
        operations.add(canvas -> canvas.text(x, y, text, style, Anchor.MIDDLE, true));
    }

    /** Another figure's marks (a panel), drawn here in order. */
    void figure(Figure figure) {
        operations.add(figure::drawOn);
    }

    void drawOn(ChartCanvas canvas) {
        for (Consumer<ChartCanvas> operation : operations) {
            operation.accept(canvas);
        }
    }

    List<Line> lines() {
        return List.copyOf(lines);
    }

    List<Polyline> polylines() {
        return List.copyOf(polylines);
    }

    List<Rect> rects() {
        return List.copyOf(rects);
    }

    List<Text> texts() {
        return List.copyOf(texts);
    }

    /** A legend row centred on {@code centre}: a sample line (or a square, for a colour) and its text per entry. */
    static void legend(Marks marks, double centre, double baseline, List<String> labels, List<Object> samples) {
        double sampleWidth = 22;
        double total = 0;
        double[] widths = new double[labels.size()];
        for (int i = 0; i < labels.size(); i++) {
            widths[i] = TextWidths.width(labels.get(i), ChartLayout.LEGEND_TEXT.size(), false);
            total += sampleWidth + 5 + widths[i] + (i > 0 ? 18 : 0);
        }
        double x = Math.max(2, centre - total / 2);
        double sampleY = baseline - 0.35 * ChartLayout.LEGEND_TEXT.size();
        for (int i = 0; i < labels.size(); i++) {
            Object sample = samples.get(i);
            if (sample instanceof Stroke stroke) {
                marks.line(x, sampleY, x + sampleWidth, sampleY, stroke);
            } else if (sample instanceof Integer rgb) {
                marks.rect(x + 6, sampleY - 5, 10, 10, rgb);
            }
            marks.text(x + sampleWidth + 5, baseline, labels.get(i), ChartLayout.LEGEND_TEXT, Anchor.START);
            x += sampleWidth + 5 + widths[i] + 18;
        }
    }
}
