package dev.gaday.cert.chart;

import dev.gaday.cert.chart.ChartCanvas.Anchor;
import dev.gaday.cert.chart.ChartCanvas.Stroke;
import dev.gaday.cert.chart.ChartCanvas.TextStyle;
import dev.gaday.common.cli.DurationConverter;
import dev.gaday.common.model.slo.SloAlert;
import dev.gaday.common.model.slo.SloBurnRateSeries;
import dev.gaday.common.model.slo.SloResult;
import dev.gaday.common.model.slo.SloStatus;
import dev.gaday.common.text.ReportFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The SLO burn rate over time, from the {@code burnRateSeries} slo-monitor writes: small multiples, one panel per
 * SLO (the {@value #MAX_PANELS} whose alerts fired, then the highest peaks; two to a row), each with the burn
 * rate of every alert's long window as a line, that alert's threshold (its factor) as a dashed line in the same
 * colour, the times its page and ticket alerts fired shaded, and the incidents and deploys as vertical lines.
 *
 * <p>The value axis is logarithmic, from {@value #FLOOR}× to a little above the peak or the highest threshold:
 * burn rates span decades (a day at 0.2× and an incident at 80×), and on a linear axis the 1× line, where the
 * budget lasts exactly the SLO period, would sit on the floor under an incident's peak. Lower values (0 when
 * nothing failed) are drawn on the bottom edge; a window without traffic is a gap.
 */
public final class BurnRateChart extends MarkedFigure {
    public static final String NAME = "slo_burn_rate";
    static final int MAX_PANELS = 6;
    static final int COLUMNS = 2;
    static final double PANEL_HEIGHT = 180;
    /** The axis' lower end: burn rates below a tenth of the sustainable rate do not matter to an alert. */
    static final double FLOOR = 0.1;

    static final int[] WINDOW_RGB = {0xc03030, 0x7b3fa0, 0xe08000, 0x1f5fa8, 0x2e8b57, 0x8b5a2b};
    static final int PAGE_FILL_RGB = 0xf6d0d0;
    static final int TICKET_FILL_RGB = 0xfbe8bf;
    private static final int GRID_RGB = 0xdddddd;
    private static final int AXIS_RGB = 0x888888;
    private static final Stroke GRID = Stroke.solid(GRID_RGB, 1);
    private static final Stroke AXIS = Stroke.solid(AXIS_RGB, 1);
    private static final Stroke THRESHOLD_SAMPLE = new Stroke(0x555555, 1.2, 6, 4);
    private static final TextStyle FACTOR_TEXT = new TextStyle(8, true, 0x333333);
    private static final double LEGEND_ROW = 18;
    private static final double TITLE_ROW = 18;

    /** An alert's threshold as drawn: on its long window's line colour. */
    public record Threshold(String window, String severity, double factor, int rgb) {}

    /**
     * One SLO's panel: its plot box, its value axis' range, its peak burn rate and the thresholds drawn.
     */
    public record Panel(
            String slo,
            String title,
            double left,
            double right,
            double top,
            double bottom,
            double yMin,
            double yMax,
            double peak,
            List<Threshold> thresholds,
            long startMillis,
            long endMillis) {
        public Panel {
            thresholds = List.copyOf(thresholds);
        }

        /** The y pixel of a burn rate (values below the axis' floor on the bottom edge). */
        public double y(double burnRate) {
            double v = Math.max(burnRate, yMin);
            return bottom - (bottom - top) * Math.log10(v / yMin) / Math.log10(yMax / yMin);
        }

        public double x(Instant time) {
            return left + (right - left) * (double) (time.toEpochMilli() - startMillis) / (endMillis - startMillis);
        }
    }

    private final List<Panel> panels;
    private final int height;

    private BurnRateChart(String title, List<Panel> panels, int height, Marks marks) {
        super(NAME, title, marks);
        this.panels = List.copyOf(panels);
        this.height = height;
    }

    /**
     * The figure, or null when no SLO of the file carries a burn-rate series with a value (files from before the
     * series, or no traffic anywhere).
     */
    public static BurnRateChart of(SloStatus status, List<KpiChart.Incident> events) {
        List<SloResult> candidates = new ArrayList<>();
        for (SloResult slo : status.slos()) {
            if (hasValue(slo)) {
                candidates.add(slo);
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        candidates.sort(Comparator.comparing((SloResult s) -> !fired(s))
                .thenComparingDouble(s -> -peak(s))
                .thenComparing(SloResult::name));
        List<SloResult> shown = candidates.subList(0, Math.min(MAX_PANELS, candidates.size()));

        // One colour per long window over all panels, shortest first, so that the legend holds for every panel.
        TreeMap<Duration, String> windows = new TreeMap<>();
        for (SloResult slo : shown) {
            for (SloBurnRateSeries.Window w : slo.burnRateSeries().windows()) {
                windows.put(DurationConverter.parse(w.window()), w.window());
            }
        }
        Map<String, Integer> colours = new LinkedHashMap<>();
        for (String window : windows.values()) {
            colours.put(window, WINDOW_RGB[Math.min(colours.size(), WINDOW_RGB.length - 1)]);
        }

        Instant start = status.window().start();
        Instant end = status.window().end();
        int rows = (shown.size() + COLUMNS - 1) / COLUMNS;
        int height = (int) Math.ceil(rows * PANEL_HEIGHT + 2 * LEGEND_ROW + 8);
        Marks marks = new Marks();
        marks.rect(0, 0, ChartLayout.WIDTH, height, 0xffffff);
        List<Panel> panels = new ArrayList<>();
        boolean page = false;
        boolean ticket = false;
        boolean incidents = false;
        double panelWidth = (double) ChartLayout.WIDTH / COLUMNS;
        for (int i = 0; i < shown.size(); i++) {
            SloResult slo = shown.get(i);
            double x0 = (i % COLUMNS) * panelWidth;
            double y0 = (i / COLUMNS) * PANEL_HEIGHT;
            Panel panel = panel(slo, x0, y0, panelWidth, colours, start, end);
            panels.add(panel);
            boolean[] shaded = draw(marks, panel, slo, colours, start, end, events);
            page |= shaded[0];
            ticket |= shaded[1];
            incidents |= shaded[2];
        }

        Map<String, List<String>> rules = new LinkedHashMap<>();
        for (String window : colours.keySet()) {
            Set<String> described = new LinkedHashSet<>();
            for (SloResult slo : shown) {
                for (SloAlert alert : sortedAlerts(slo)) {
                    if (alert.longWindow().equals(window)) {
                        described.add(alert.severity() + " > " + factor(alert.factor()));
                    }
                }
            }
            rules.put(window, List.copyOf(described));
        }
        List<String> labels = new ArrayList<>();
        List<Object> samples = new ArrayList<>();
        colours.forEach((window, rgb) -> {
            List<String> described = rules.get(window);
            labels.add(window + (described.isEmpty() ? "" : " (" + String.join(", ", described) + ")"));
            samples.add(stroke(rgb));
        });
        Marks.legend(marks, ChartLayout.WIDTH / 2.0, height - 8 - LEGEND_ROW, labels, samples);
        labels.clear();
        samples.clear();
        labels.add("Threshold (the alert's factor, its window's colour)");
        samples.add(THRESHOLD_SAMPLE);
        if (page) {
            labels.add("Page alert firing");
            samples.add(PAGE_FILL_RGB);
        }
        if (ticket) {
            labels.add("Ticket alert firing");
            samples.add(TICKET_FILL_RGB);
        }
        if (incidents) {
            labels.add("Incident or deploy");
            samples.add(ChartLayout.INCIDENT);
        }
        Marks.legend(marks, ChartLayout.WIDTH / 2.0, height - 8, labels, samples);

        long withSeries = candidates.size();
        long step = shown.get(0).burnRateSeries().stepSeconds();
        String which = withSeries <= MAX_PANELS
                ? (withSeries == 1 ? "the one SLO" : "all " + withSeries + " SLOs") + " with a burn-rate series"
                : "the " + MAX_PANELS + " of " + withSeries
                        + " SLOs whose alerts fired or whose burn rate peaked highest";
        String caption = "Burn rate over the SLO window (" + which + ", a point every "
                + ReportFormat.duration(Duration.ofSeconds(step)) + "): one line per alert's long window, the alert's "
                + "threshold dashed in the same colour, firing alerts shaded; 1× spends the budget exactly over the SLO"
                + " period. Log axis from " + factor(FLOOR) + ", so that the 1× line and the peak both show; lower "
                + "burn rates (0 included) lie on the bottom edge, a gap is a window without traffic";
        return new BurnRateChart(caption, panels, height, marks);
    }

    private static Panel panel(
            SloResult slo,
            double x0,
            double y0,
            double width,
            Map<String, Integer> colours,
            Instant start,
            Instant end) {
        double peak = peak(slo);
        List<Threshold> thresholds = new ArrayList<>();
        double top = Math.max(Math.max(peak, 1), 0);
        for (SloAlert alert : sortedAlerts(slo)) {
            Integer rgb = colours.get(alert.longWindow());
            if (rgb != null) {
                thresholds.add(new Threshold(alert.longWindow(), alert.severity(), alert.factor(), rgb));
                top = Math.max(top, alert.factor());
            }
        }
        double yMax = niceAbove(top * 1.15);
        double widest = 0;
        for (double tick = FLOOR; tick <= yMax * 1.0001; tick *= 10) {
            widest = Math.max(widest, TextWidths.width(factor(tick), ChartLayout.TICK_TEXT.size(), false));
        }
        // At least 32 px: room for the value labels, and for half of the first time label (x0 + 2 onwards).
        double left = Math.ceil(x0 + Math.max(4 + widest + 6, 32));
        double right = x0 + width - 12;
        String title = slo.name() + " · peak " + factor(peak) + (slo.state().equals("OK") ? "" : " · " + slo.state());
        return new Panel(
                slo.name(),
                title,
                left,
                right,
                y0 + TITLE_ROW,
                y0 + PANEL_HEIGHT - 18,
                FLOOR,
                yMax,
                peak,
                thresholds,
                start.toEpochMilli(),
                end.toEpochMilli());
    }

    /** Draws one panel; says whether it shaded a page firing, a ticket firing, and marked an incident. */
    private static boolean[] draw(
            Marks marks,
            Panel p,
            SloResult slo,
            Map<String, Integer> colours,
            Instant start,
            Instant end,
            List<KpiChart.Incident> events) {
        boolean[] shaded = new boolean[3];
        // Firing spans first, under everything: tickets, then pages over them.
        for (String severity : List.of("ticket", "page")) {
            for (SloAlert alert : slo.alerts()) {
                if (!alert.severity().equals(severity)) {
                    continue;
                }
                for (int k = 0; k < alert.firedAt().size(); k++) {
                    Instant from = clamp(alert.firedAt().get(k), start, end);
                    Instant to = k < alert.resolvedAt().size()
                            ? clamp(alert.resolvedAt().get(k), start, end)
                            : end;
                    double x1 = p.x(from);
                    double x2 = Math.max(p.x(to), x1 + 1);
                    marks.rect(
                            x1,
                            p.top(),
                            x2 - x1,
                            p.bottom() - p.top(),
                            severity.equals("page") ? PAGE_FILL_RGB : TICKET_FILL_RGB);
                    shaded[severity.equals("page") ? 0 : 1] = true;
                }
            }
        }
        for (double tick = FLOOR; tick <= p.yMax() * 1.0001; tick *= 10) {
            double y = Math.floor(p.y(tick)) + 0.5;
            marks.line(p.left(), y, p.right(), y, GRID);
            marks.line(p.left() - 3, y, p.left(), y, AXIS);
            marks.text(p.left() - 5, p.y(tick) + 3.2, factor(tick), ChartLayout.TICK_TEXT, Anchor.END);
        }
        long startMillis = start.toEpochMilli();
        long endMillis = end.toEpochMilli();
        double labelWidth = TextWidths.width(TimeTicks.label(0), ChartLayout.TICK_TEXT.size(), false);
        TimeTicks ticks = TimeTicks.of(
                startMillis,
                endMillis,
                (p.right() - p.left()) / (endMillis - startMillis),
                labelWidth + ChartLayout.LABEL_GAP);
        for (long tick : ticks.values()) {
            double x = Math.floor(p.x(Instant.ofEpochMilli(tick))) + 0.5;
            marks.line(x, p.top(), x, p.bottom(), GRID);
            marks.line(x, p.bottom(), x, p.bottom() + 3, AXIS);
            double centre = p.x(Instant.ofEpochMilli(tick));
            // A label may reach into the value axis' margin (at least 30 px wide), not past the panel.
            if (centre - labelWidth / 2 >= p.left() - 30 && centre + labelWidth / 2 <= p.right() + 10) {
                marks.text(centre, p.bottom() + 13, TimeTicks.label(tick), ChartLayout.TICK_TEXT, Anchor.MIDDLE);
            }
        }
        marks.line(p.left(), p.top(), p.left(), p.bottom(), AXIS);
        marks.line(p.left(), p.bottom(), p.right(), p.bottom(), AXIS);
        boolean failing = slo.state().equals("PAGE") || slo.state().equals("BUDGET_EXHAUSTED");
        marks.text(
                p.left(),
                p.top() - 5,
                RowChart.shorten(
                        p.title(),
                        failing ? ChartLayout.PANEL_FAILING_TEXT : ChartLayout.PANEL_TITLE_TEXT,
                        p.right() - p.left()),
                failing ? ChartLayout.PANEL_FAILING_TEXT : ChartLayout.PANEL_TITLE_TEXT,
                Anchor.START);

        SloBurnRateSeries series = slo.burnRateSeries();
        // Longest window first, so that the fast and jumpy short windows are drawn over the smooth long ones.
        List<SloBurnRateSeries.Window> windows = new ArrayList<>(series.windows());
        windows.sort(Comparator.comparing((SloBurnRateSeries.Window w) -> DurationConverter.parse(w.window()))
                .reversed());
        for (SloBurnRateSeries.Window window : windows) {
            Integer rgb = colours.get(window.window());
            if (rgb != null) {
                drawSeries(marks, p, series, window.burnRates(), stroke(rgb), start, end);
            }
        }
        double lastLabelY = Double.NaN;
        List<Threshold> byFactor = new ArrayList<>(p.thresholds());
        byFactor.sort(Comparator.comparingDouble(Threshold::factor).reversed());
        for (Threshold threshold : byFactor) {
            double y = p.y(threshold.factor());
            marks.line(p.left(), y, p.right(), y, new Stroke(threshold.rgb(), 1.2, 6, 4));
            // The factor at the line's right end, unless it would sit on the previous one's.
            if (Double.isNaN(lastLabelY) || y - lastLabelY >= 9) {
                marks.text(
                        p.right() - 2,
                        y - 2,
                        factor(threshold.factor()),
                        new TextStyle(FACTOR_TEXT.size(), true, threshold.rgb()),
                        Anchor.END);
                lastLabelY = y;
            }
        }
        for (KpiChart.Incident incident : events) {
            if (!incident.at().isBefore(start) && !incident.at().isAfter(end)) {
                double x = p.x(incident.at());
                marks.line(x, p.top(), x, p.bottom(), ChartLayout.INCIDENT);
                shaded[2] = true;
            }
        }
        return shaded;
    }

    /** A window's line: broken at nulls (no traffic), an isolated value a dot; only points inside the axis. */
    private static void drawSeries(
            Marks marks,
            Panel p,
            SloBurnRateSeries series,
            List<Double> values,
            Stroke stroke,
            Instant start,
            Instant end) {
        List<double[]> run = new ArrayList<>();
        for (int i = 0; i <= values.size(); i++) {
            Double v = i < values.size() ? values.get(i) : null;
            Instant at = i < values.size() ? series.at(i) : null;
            boolean inside = at != null && !at.isBefore(start) && !at.isAfter(end);
            if (v != null && inside) {
                run.add(new double[] {p.x(at), p.y(v)});
                continue;
            }
            if (run.size() == 1) {
                double size = stroke.width() * 2;
                marks.rect(run.get(0)[0] - size / 2, run.get(0)[1] - size / 2, size, size, stroke.rgb());
            } else if (run.size() > 1) {
                double[] xs = new double[run.size()];
                double[] ys = new double[run.size()];
                for (int k = 0; k < run.size(); k++) {
                    xs[k] = run.get(k)[0];
                    ys[k] = run.get(k)[1];
                }
                marks.polyline(xs, ys, stroke);
            }
            run.clear();
        }
    }

    /** A window's line: the shortest window, the jumpiest, thinner, so that the smoother ones show through it. */
    private static Stroke stroke(int rgb) {
        return Stroke.solid(rgb, rgb == WINDOW_RGB[0] ? 0.9 : 1.5);
    }

    /** The smallest of 1, 2, 5 × 10^n at least {@code value}. */
    static double niceAbove(double value) {
        double decade = Math.pow(10, Math.floor(Math.log10(value)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * decade >= value * (1 - 1e-12)) {
                return m * decade;
            }
        }
        return 10 * decade;
    }

    /** A burn rate as a factor: "14.4×", "1×", "0.1×", "1,000×". */
    static String factor(double value) {
        return ReportFormat.number(value, value < 10 ? 2 : 1) + "×";
    }

    /** The highest burn rate in the SLO's series (0 when none). */
    /**
     * The highest burn rate slo-monitor saw: its alerts' peaks (evaluated at every rule-evaluation step, the figure
     * the report's violations quote) or the plotted series' (sampled more coarsely), whichever is higher, so that
     * the panel's title and the text give one number.
     */
    static double peak(SloResult slo) {
        double peak = 0;
        for (SloAlert alert : slo.alerts()) {
            peak = Math.max(peak, alert.peakBurnRate());
        }
        if (slo.burnRateSeries() == null) {
            return peak;
        }
        for (SloBurnRateSeries.Window w : slo.burnRateSeries().windows()) {
            for (Double v : w.burnRates()) {
                if (v != null && v > peak) {
                    peak = v;
                }
            }
        }
        return peak;
    }

    private static boolean hasValue(SloResult slo) {
        return slo.burnRateSeries() != null
                && slo.burnRateSeries().windows().stream()
                        .anyMatch(w -> w.burnRates().stream().anyMatch(v -> v != null));
    }

    /** Whether any of the SLO's alerts fired in the window. */
    static boolean fired(SloResult slo) {
        return slo.alerts().stream().anyMatch(a -> !a.firedAt().isEmpty());
    }

    private static List<SloAlert> sortedAlerts(SloResult slo) {
        List<SloAlert> alerts = new ArrayList<>(slo.alerts());
        alerts.sort(Comparator.comparing((SloAlert a) -> !a.severity().equals("page"))
                .thenComparingDouble(a -> -a.factor()));
        return alerts;
    }

    private static Instant clamp(Instant t, Instant start, Instant end) {
        return t.isBefore(start) ? start : t.isAfter(end) ? end : t;
    }

    /** The SLOs drawn, in panel order. */
    public List<String> slos() {
        return panels.stream().map(Panel::slo).toList();
    }

    public List<Panel> panels() {
        return panels;
    }

    @Override
    public int height() {
        return height;
    }
}
