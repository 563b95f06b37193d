package dev.gaday.cert.chart;

import dev.gaday.cert.chart.ChartCanvas.Anchor;
import dev.gaday.cert.chart.ChartCanvas.Stroke;
import dev.gaday.cert.chart.ChartCanvas.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A figure of labelled rows against one value axis (horizontal, at the bottom): per row a bar from 0, or a dot
 * with its interval, short threshold marks, and a text on the right; reference lines across all rows (the
 * 100 % of a budget). The axis spans 0, every value, interval end, threshold and reference, padded, with nice
 * ticks and gridlines. Labels too wide for the left column are shortened with "…".
 */
public final class RowChart extends MarkedFigure {
    static final double ROW = 20;
    private static final double TOP = 10;
    private static final double MAX_LABEL = 250;
    private static final double MAX_RIGHT = 170;
    private static final int X_TICK_TARGET = 6;
    private static final int GRID_RGB = 0xdddddd;
    private static final int AXIS_RGB = 0x888888;
    private static final TextStyle LABEL_TEXT = new TextStyle(9.5, false, 0x333333);
    private static final TextStyle RIGHT_TEXT = new TextStyle(9, false, 0x555555);

    /**
     * One row.
     *
     * @param bar the bar's value (drawn from 0), or null for none
     * @param dot the dot's value, or null for none
     * @param low the interval's lower end around the dot, or null
     * @param high the interval's upper end, or null
     * @param thresholds values marked on this row only, as short dashed red lines
     */
    public record Row(
            String label,
            Double bar,
            Double dot,
            Double low,
            Double high,
            int rgb,
            List<Double> thresholds,
            String right) {
        public Row {
            Objects.requireNonNull(label, "label");
            thresholds = List.copyOf(thresholds);
            right = right == null ? "" : right;
        }
    }

    /** A line across every row at a value, drawn with its stroke and named in the legend. */
    public record Reference(double value, Stroke stroke, String label) {}

    /** A legend entry: a colour (square) or a stroke (line sample) and its text. */
    public record LegendEntry(String label, Object sample) {}

    private final List<Row> rows;
    private final int height;
    private final double plotLeft;
    private final double plotRight;
    private final double plotTop;
    private final double plotBottom;
    private final double min;
    private final double max;
    private final NumberTicks ticks;

    public RowChart(
            String name,
            String title,
            String axisTitle,
            List<Row> rows,
            List<Reference> references,
            List<LegendEntry> legend) {
        super(name, title);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("row chart " + name + ": no rows");
        }
        this.rows = List.copyOf(rows);
        double low = 0;
        double high = 0;
        double labelWidth = 0;
        double rightWidth = 0;
        for (Row row : rows) {
            for (Double v : new Double[] {row.bar(), row.dot(), row.low(), row.high()}) {
                if (v != null && Double.isFinite(v)) {
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
            for (double v : row.thresholds()) {
                low = Math.min(low, v);
                high = Math.max(high, v);
            }
            labelWidth = Math.max(labelWidth, TextWidths.width(row.label(), LABEL_TEXT.size(), false));
            rightWidth = Math.max(rightWidth, TextWidths.width(row.right(), RIGHT_TEXT.size(), false));
        }
        for (Reference reference : references) {
            low = Math.min(low, reference.value());
            high = Math.max(high, reference.value());
        }
        if (!(high > low)) {
            high = low + 1;
        }
        double pad = (high - low) * 0.05;
        min = low < 0 ? low - pad : 0;
        max = high + pad;
        ticks = NumberTicks.of(min, max, X_TICK_TARGET);

        plotLeft = Math.ceil(6 + Math.min(labelWidth, MAX_LABEL) + 8);
        plotRight = ChartLayout.WIDTH - 10 - (rightWidth == 0 ? 0 : Math.min(rightWidth, MAX_RIGHT) + 8);
        plotTop = TOP;
        plotBottom = TOP + rows.size() * ROW;
        height = (int) Math.ceil(plotBottom + 14 + 16 + 24);

        marks.rect(0, 0, ChartLayout.WIDTH, height, 0xffffff);
        for (double tick : ticks.values()) {
            double x = x(tick);
            marks.line(x, plotTop, x, plotBottom, Stroke.solid(GRID_RGB, 1));
            marks.line(x, plotBottom, x, plotBottom + 3, Stroke.solid(AXIS_RGB, 1));
            marks.text(x, plotBottom + 13, ticks.label(tick), ChartLayout.TICK_TEXT, Anchor.MIDDLE);
        }
        marks.line(plotLeft, plotBottom, plotRight, plotBottom, Stroke.solid(AXIS_RGB, 1));
        if (min < 0) {
            marks.line(x(0), plotTop, x(0), plotBottom, Stroke.solid(AXIS_RGB, 1.2));
        } else {
            marks.line(plotLeft, plotTop, plotLeft, plotBottom, Stroke.solid(AXIS_RGB, 1));
        }
        marks.text((plotLeft + plotRight) / 2, plotBottom + 30, axisTitle, ChartLayout.TITLE_TEXT, Anchor.MIDDLE);
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            double top = plotTop + i * ROW;
            double middle = top + ROW / 2;
            marks.text(6, middle + 3.5, shorten(row.label(), LABEL_TEXT, MAX_LABEL), LABEL_TEXT, Anchor.START);
            if (row.bar() != null && Double.isFinite(row.bar())) {
                double from = x(Math.min(0, row.bar()));
                double to = x(Math.max(0, row.bar()));
                marks.rect(from, top + 4, Math.max(to - from, 1), ROW - 8, row.rgb());
            }
            if (row.low() != null && row.high() != null) {
                marks.line(x(row.low()), middle, x(row.high()), middle, Stroke.solid(row.rgb(), 1.4));
                marks.line(x(row.low()), middle - 4, x(row.low()), middle + 4, Stroke.solid(row.rgb(), 1.4));
                marks.line(x(row.high()), middle - 4, x(row.high()), middle + 4, Stroke.solid(row.rgb(), 1.4));
            }
            if (row.dot() != null && Double.isFinite(row.dot())) {
                marks.rect(x(row.dot()) - 3.5, middle - 3.5, 7, 7, row.rgb());
            }
            for (double threshold : row.thresholds()) {
                marks.line(x(threshold), top + 2, x(threshold), top + ROW - 2, ChartLayout.THRESHOLD);
            }
            if (!row.right().isEmpty()) {
                marks.text(
                        plotRight + 8,
                        middle + 3.5,
                        shorten(row.right(), RIGHT_TEXT, MAX_RIGHT),
                        RIGHT_TEXT,
                        Anchor.START);
            }
        }
        for (Reference reference : references) {
            marks.line(x(reference.value()), plotTop, x(reference.value()), plotBottom, reference.stroke());
        }
        List<String> labels = new ArrayList<>();
        List<Object> samples = new ArrayList<>();
        for (LegendEntry entry : legend) {
            labels.add(entry.label());
            samples.add(entry.sample());
        }
        for (Reference reference : references) {
            labels.add(reference.label());
            samples.add(reference.stroke());
        }
        Marks.legend(marks, ChartLayout.WIDTH / 2.0, height - 8, labels, samples);
    }

    /** The text cut to the width with "…", whole when it fits. */
    static String shorten(String text, TextStyle style, double width) {
        if (TextWidths.width(text, style.size(), style.bold()) <= width) {
            return text;
        }
        int end = text.length();
        while (end > 1 && TextWidths.width(text.substring(0, end) + "…", style.size(), style.bold()) > width) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    /** The x pixel of a value. */
    public double x(double value) {
        return plotLeft + (plotRight - plotLeft) * (value - min) / (max - min);
    }

    /** The y pixel of row i's middle. */
    public double rowMiddle(int i) {
        return plotTop + i * ROW + ROW / 2;
    }

    public List<Row> rows() {
        return rows;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public double plotLeft() {
        return plotLeft;
    }

    public double plotRight() {
        return plotRight;
    }

    @Override
    public int height() {
        return height;
    }
}
