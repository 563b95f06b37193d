package dev.gaday.cert.chart;

import dev.gaday.cert.chart.ChartCanvas.Anchor;
import dev.gaday.cert.chart.ChartCanvas.Stroke;
import dev.gaday.cert.chart.ChartCanvas.TextStyle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One KPI chart laid out on a {@value #WIDTH} × {@value #HEIGHT} pixel canvas, once, as a list of
 * marks that any {@link ChartCanvas} replays: the value axis with nice ticks and gridlines over a
 * padded range that includes the threshold; the UTC time axis with ticks whose labels never
 * touch; the series (a null or NaN value breaks the line; an isolated value is a dot); the
 * threshold as a dashed red line; incidents as orange vertical lines labelled above the plot
 * (in up to two rows; a label that fits in neither is left out, its line stays); the legend below.
 */
public final class ChartLayout implements Figure {
    public static final int WIDTH = 760;
    public static final int HEIGHT = 270;

    static final int SERIES_RGB = 0x1f5fa8;
    static final int THRESHOLD_RGB = 0xc03030;
    static final int INCIDENT_RGB = 0xe08000;
    private static final int INCIDENT_TEXT_RGB = 0xb06000;
    private static final int GRID_RGB = 0xdddddd;
    private static final int AXIS_RGB = 0x888888;
    private static final int TEXT_RGB = 0x333333;
    private static final int BACKGROUND_RGB = 0xffffff;

    static final Stroke SERIES = Stroke.solid(SERIES_RGB, 1.6);
    static final Stroke THRESHOLD = new Stroke(THRESHOLD_RGB, 1.2, 6, 4);
    static final Stroke INCIDENT = Stroke.solid(INCIDENT_RGB, 1.4);
    private static final Stroke GRID = Stroke.solid(GRID_RGB, 1);
    private static final Stroke AXIS = Stroke.solid(AXIS_RGB, 1);

    static final TextStyle TICK_TEXT = new TextStyle(9, false, TEXT_RGB);
    static final TextStyle TITLE_TEXT = new TextStyle(10, false, TEXT_RGB);
    static final TextStyle LEGEND_TEXT = new TextStyle(10, false, TEXT_RGB);
    static final TextStyle INCIDENT_TEXT = new TextStyle(9, true, INCIDENT_TEXT_RGB);
    static final TextStyle PANEL_TITLE_TEXT = new TextStyle(10, true, TEXT_RGB);
    static final TextStyle PANEL_FAILING_TEXT = new TextStyle(10, true, THRESHOLD_RGB);
    /** A panel's title row above its plot. */
    private static final double PANEL_TITLE_ROW = 18;

    private static final int Y_TICK_TARGET = 5;
    private static final int PANEL_Y_TICK_TARGET = 4;
    private static final double TICK_LENGTH = 3;
    /** The least room between two time labels. */
    static final double LABEL_GAP = 12;

    private static final double INCIDENT_ROW = 12;
    private static final double LEGEND_SAMPLE = 22;
    private static final double EDGE = 2;

    private final KpiChart chart;
    private final double plotLeft;
    private final double plotTop;
    private final double plotRight;
    private final double plotBottom;
    private final long startMillis;
    private final long endMillis;
    private final double yMin;
    private final double yMax;
    private final NumberTicks yTicks;
    private final TimeTicks xTicks;
    private final List<Long> labelledXTicks = new ArrayList<>();
    private final List<KpiChart.Incident> labelledIncidents = new ArrayList<>();
    private final List<Mark> marks = new ArrayList<>();
    private final Panel panel;

    private ChartLayout(KpiChart chart) {
        this(chart, null);
    }

    /**
     * One panel of a small-multiples figure: the chart in the box (x, y, width, height) of the figure's
     * canvas, compact: its title above the plot in place of the value axis' title, no time axis title, no
     * legend (the figure has one), incidents as lines without labels.
     */
    record Panel(double x, double y, double width, double height, String title, boolean failing) {}

    private ChartLayout(KpiChart chart, Panel panel) {
        this.chart = chart;
        this.panel = panel;
        startMillis = chart.start().toEpochMilli();
        endMillis = chart.end().toEpochMilli();

        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (KpiChart.Point point : chart.points()) {
            if (point.finite()) {
                min = Math.min(min, point.value());
                max = Math.max(max, point.value());
            }
        }
        boolean noNegatives = min >= 0;
        if (chart.threshold() != null) {
            min = Math.min(min, chart.threshold().value());
            max = Math.max(max, chart.threshold().value());
        }
        double pad = max > min ? (max - min) * 0.08 : Math.max(Math.abs(max) * 0.01, 0.01);
        // Counts, rates and latencies are never negative: the axis need not show room below 0.
        yMin = noNegatives && min >= 0 ? Math.max(0, min - pad) : min - pad;
        yMax = max + pad;
        yTicks = NumberTicks.of(yMin, yMax, panel == null ? Y_TICK_TARGET : PANEL_Y_TICK_TARGET);

        double widestTickLabel = 0;
        for (double tick : yTicks.values()) {
            widestTickLabel = Math.max(widestTickLabel, TextWidths.width(yTicks.label(tick), TICK_TEXT.size(), false));
        }
        // The y title runs upwards: its glyphs reach ascent to the left of its baseline, descent to the right.
        double yTitleBaseline = 6 + TextWidths.ASCENT * TITLE_TEXT.size();
        double x0 = panel == null ? 0 : panel.x();
        double y0 = panel == null ? 0 : panel.y();
        double width = panel == null ? WIDTH : panel.width();
        double height = panel == null ? HEIGHT : panel.height();
        plotLeft = panel == null
                ? Math.ceil(
                        yTitleBaseline + TextWidths.DESCENT * TITLE_TEXT.size() + 6 + widestTickLabel + TICK_LENGTH + 3)
                : Math.ceil(x0 + 4 + widestTickLabel + TICK_LENGTH + 3);
        plotRight = x0 + width - (panel == null ? 18 : 10);
        plotBottom = y0 + height - (panel == null ? 52 : 18);
        double xTickBaseline = plotBottom + TICK_LENGTH + 10;
        double xTitleBaseline = HEIGHT - 24;
        double legendBaseline = HEIGHT - 8;

        List<KpiChart.Incident> incidents = new ArrayList<>(chart.incidents());
        incidents.sort(Comparator.comparing(KpiChart.Incident::at));
        int[] rows = new int[incidents.size()];
        double[] centres = new double[incidents.size()];
        double[] rowEnds = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        int rowsUsed = 0;
        for (int i = 0; i < incidents.size(); i++) {
            KpiChart.Incident incident = incidents.get(i);
            double w = TextWidths.width(incident.label(), INCIDENT_TEXT.size(), true);
            double centre = clamp(x(incident.at().toEpochMilli()), EDGE + w / 2, WIDTH - EDGE - w / 2);
            rows[i] = -1;
            // A panel is too small for incident labels: its lines show where, the figure's legend what.
            for (int row = 0; panel == null && row < rowEnds.length; row++) {
                if (centre - w / 2 >= rowEnds[row] + 4) {
                    rows[i] = row;
                    rowEnds[row] = centre + w / 2;
                    rowsUsed = Math.max(rowsUsed, row + 1);
                    break;
                }
            }
            centres[i] = centre;
        }
        plotTop = panel == null ? 10 + rowsUsed * INCIDENT_ROW : y0 + PANEL_TITLE_ROW;

        double labelWidth = TextWidths.width(TimeTicks.label(0), TICK_TEXT.size(), false);
        xTicks = TimeTicks.of(
                startMillis, endMillis, (plotRight - plotLeft) / (endMillis - startMillis), labelWidth + LABEL_GAP);

        if (panel == null) {
            marks.add(new RectMark(0, 0, WIDTH, HEIGHT, BACKGROUND_RGB));
        }
        for (double tick : yTicks.values()) {
            double y = crisp(y(tick));
            marks.add(new LineMark(plotLeft, y, plotRight, y, GRID));
            marks.add(new LineMark(plotLeft - TICK_LENGTH, y, plotLeft, y, AXIS));
            marks.add(new TextMark(
                    plotLeft - TICK_LENGTH - 3,
                    y(tick) + 0.36 * TICK_TEXT.size(),
                    yTicks.label(tick),
                    TICK_TEXT,
                    Anchor.END,
                    false));
        }
        for (long tick : xTicks.values()) {
            double x = crisp(x(tick));
            marks.add(new LineMark(x, plotTop, x, plotBottom, GRID));
            marks.add(new LineMark(x, plotBottom, x, plotBottom + TICK_LENGTH, AXIS));
            if (x(tick) - labelWidth / 2 >= x0 + EDGE && x(tick) + labelWidth / 2 <= x0 + width - EDGE) {
                labelledXTicks.add(tick);
                marks.add(new TextMark(x(tick), xTickBaseline, TimeTicks.label(tick), TICK_TEXT, Anchor.MIDDLE, false));
            }
        }
        marks.add(new LineMark(crisp(plotLeft), plotTop, crisp(plotLeft), plotBottom, AXIS));
        marks.add(new LineMark(plotLeft, crisp(plotBottom), plotRight, crisp(plotBottom), AXIS));
        if (panel == null) {
            marks.add(new TextMark(
                    yTitleBaseline, (plotTop + plotBottom) / 2, chart.yTitle(), TITLE_TEXT, Anchor.MIDDLE, true));
            marks.add(new TextMark(
                    (plotLeft + plotRight) / 2, xTitleBaseline, "Time (UTC)", TITLE_TEXT, Anchor.MIDDLE, false));
        } else {
            marks.add(new TextMark(
                    plotLeft,
                    y0 + PANEL_TITLE_ROW - 5,
                    panel.title(),
                    panel.failing() ? PANEL_FAILING_TEXT : PANEL_TITLE_TEXT,
                    Anchor.START,
                    false));
        }

        if (chart.threshold() != null) {
            double y = y(chart.threshold().value());
            marks.add(new LineMark(plotLeft, y, plotRight, y, THRESHOLD));
        }
        addSeries();
        for (int i = 0; i < incidents.size(); i++) {
            double x = x(incidents.get(i).at().toEpochMilli());
            marks.add(new LineMark(x, plotTop, x, plotBottom, INCIDENT));
            if (rows[i] >= 0) {
                labelledIncidents.add(incidents.get(i));
                marks.add(new TextMark(
                        centres[i],
                        plotTop - 4 - rows[i] * INCIDENT_ROW,
                        incidents.get(i).label(),
                        INCIDENT_TEXT,
                        Anchor.MIDDLE,
                        false));
            }
        }
        if (panel == null) {
            addLegend(legendBaseline, !incidents.isEmpty());
        }
    }

    public static ChartLayout of(KpiChart chart) {
        return new ChartLayout(chart);
    }

    /** The chart as one panel of a figure. */
    static ChartLayout panel(KpiChart chart, Panel panel) {
        return new ChartLayout(chart, panel);
    }

    private void addSeries() {
        List<KpiChart.Point> points = chart.points();
        int i = 0;
        while (i < points.size()) {
            if (!points.get(i).finite()) {
                i++;
                continue;
            }
            int end = i;
            while (end < points.size() && points.get(end).finite()) {
                end++;
            }
            if (end - i == 1) {
                // One value between gaps: no line to draw, so a dot shows it.
                double size = SERIES.width() * 2;
                KpiChart.Point point = points.get(i);
                marks.add(new RectMark(
                        x(point.at().toEpochMilli()) - size / 2, y(point.value()) - size / 2, size, size, SERIES_RGB));
            } else {
                double[] xs = new double[end - i];
                double[] ys = new double[end - i];
                for (int k = i; k < end; k++) {
                    xs[k - i] = x(points.get(k).at().toEpochMilli());
                    ys[k - i] = y(points.get(k).value());
                }
                marks.add(new PolylineMark(xs, ys, SERIES));
            }
            i = end;
        }
    }

    private void addLegend(double baseline, boolean incidents) {
        List<String> texts = new ArrayList<>();
        List<Stroke> strokes = new ArrayList<>();
        texts.add(chart.seriesLabel());
        strokes.add(SERIES);
        if (chart.threshold() != null) {
            texts.add(chart.threshold().label());
            strokes.add(THRESHOLD);
        }
        if (incidents) {
            texts.add("Incident");
            strokes.add(INCIDENT);
        }
        double total = 0;
        double[] widths = new double[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            widths[i] = TextWidths.width(texts.get(i), LEGEND_TEXT.size(), false);
            total += LEGEND_SAMPLE + 5 + widths[i] + (i > 0 ? 18 : 0);
        }
        double x = Math.max(EDGE, (plotLeft + plotRight) / 2 - total / 2);
        double sampleY = baseline - 0.35 * LEGEND_TEXT.size();
        for (int i = 0; i < texts.size(); i++) {
            marks.add(new LineMark(x, sampleY, x + LEGEND_SAMPLE, sampleY, strokes.get(i)));
            marks.add(new TextMark(x + LEGEND_SAMPLE + 5, baseline, texts.get(i), LEGEND_TEXT, Anchor.START, false));
            x += LEGEND_SAMPLE + 5 + widths[i] + 18;
        }
    }

    /** The x pixel of a time. */
    public double x(long epochMillis) {
        return plotLeft + (plotRight - plotLeft) * (double) (epochMillis - startMillis) / (endMillis - startMillis);
    }

    public double x(Instant time) {
        return x(time.toEpochMilli());
    }

    /** The y pixel of a value. */
    public double y(double value) {
        return plotBottom - (plotBottom - plotTop) * (value - yMin) / (yMax - yMin);
    }

    @Override
    public String name() {
        return chart.name();
    }

    @Override
    public String title() {
        return KpiChart.title(chart.name());
    }

    @Override
    public int height() {
        return HEIGHT;
    }

    /** Draws the chart: the same marks, in the same order, on any canvas. */
    @Override
    public void drawOn(ChartCanvas canvas) {
        for (Mark mark : marks) {
            mark.draw(canvas);
        }
    }

    public KpiChart chart() {
        return chart;
    }

    public double plotLeft() {
        return plotLeft;
    }

    public double plotTop() {
        return plotTop;
    }

    public double plotRight() {
        return plotRight;
    }

    public double plotBottom() {
        return plotBottom;
    }

    /** The value axis' range: the values and the threshold, padded. */
    public double yMin() {
        return yMin;
    }

    public double yMax() {
        return yMax;
    }

    public NumberTicks yTicks() {
        return yTicks;
    }

    public TimeTicks xTicks() {
        return xTicks;
    }

    /** The x ticks that have a label: those whose label fits on the canvas. */
    public List<Long> labelledXTicks() {
        return List.copyOf(labelledXTicks);
    }

    /** The incidents whose label found room above the plot. */
    public List<KpiChart.Incident> labelledIncidents() {
        return List.copyOf(labelledIncidents);
    }

    /** A 1-pixel line's coordinate on a pixel's middle, so that it is sharp in a raster rendering. */
    private static double crisp(double v) {
        return Math.floor(v) + 0.5;
    }

    private static double clamp(double v, double low, double high) {
        return Math.max(low, Math.min(high, v));
    }

    private interface Mark {
        void draw(ChartCanvas canvas);
    }

    private record LineMark(double x1, double y1, double x2, double y2, Stroke stroke) implements Mark {
        @Override
        public void draw(ChartCanvas canvas) {
            canvas.line(x1, y1, x2, y2, stroke);
        }
    }

    private record PolylineMark(double[] xs, double[] ys, Stroke stroke) implements Mark {
        @Override
        public void draw(ChartCanvas canvas) {
            canvas.polyline(xs.clone(), ys.clone(), stroke);
        }
    }

    private record TextMark(double x, double y, String text, TextStyle style, Anchor anchor, boolean vertical)
            implements Mark {
        @Override
        public void draw(ChartCanvas canvas) {
            canvas.text(x, y, text, style, anchor, vertical);
        }
    }

    private record RectMark(double x, double y, double width, double height, int rgb) implements Mark {
        @Override
        public void draw(ChartCanvas canvas) {
            canvas.rect(x, y, width, height, rgb);
        }
    }
}
