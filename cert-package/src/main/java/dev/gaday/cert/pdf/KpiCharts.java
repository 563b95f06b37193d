package dev.gaday.cert.pdf;

import dev.gaday.cert.input.ReleaseFile;
import dev.gaday.common.model.kpi.KpiSnapshot;
import dev.gaday.common.model.kpi.KpiSummary;
import dev.gaday.common.model.kpi.OverallKpis;
import dev.gaday.common.verdict.CriterionResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.function.Function;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The KPI charts of the report, drawn from the snapshots: availability, error rate and P99
 * latency over the window, each with its certification threshold (from the KPI summary's
 * criteria) and the release file's incidents as vertical lines where they happened. The same
 * charts are drawn as vectors into the PDF and as PNG files for the Markdown report.
 */
public final class KpiCharts {
    public static final int WIDTH = 760;
    public static final int HEIGHT = 270;
    private static final Font BASE_FONT = loadFont();

    private final Map<String, XYChart> charts = new LinkedHashMap<>();

    private KpiCharts() {
    }

    public static KpiCharts of(List<KpiSnapshot> snapshots, KpiSummary summary, ReleaseFile release) {
        KpiCharts result = new KpiCharts();
        if (snapshots.isEmpty()) {
            return result;
        }
        List<Date> times = new ArrayList<>();
        for (KpiSnapshot snapshot : snapshots) {
            // A snapshot covers an interval: plot it at the middle, so a spike sits where it happened.
            Instant start = snapshot.window().start();
            times.add(Date.from(start.plus(java.time.Duration.between(start, snapshot.window().end()).dividedBy(2))));
        }
        result.add("availability", "Availability (%)", snapshots, times, OverallKpis::availabilityPercent,
                threshold(summary, "availab"), release);
        result.add("error_rate", "Error rate (%)", snapshots, times, OverallKpis::errorRatePercent,
                threshold(summary, "error"), release);
        result.add("p99_latency", "P99 latency (ms)", snapshots, times, OverallKpis::p99LatencyMs,
                threshold(summary, "p99"), release);
        return result;
    }

    public Map<String, XYChart> charts() {
        return java.util.Collections.unmodifiableMap(charts);
    }

    public List<String> names() {
        return List.copyOf(charts.keySet());
    }

    private void add(String name, String yTitle, List<KpiSnapshot> snapshots, List<Date> times,
            Function<OverallKpis, Double> metric, CriterionResult threshold, ReleaseFile release) {
        List<Double> values = new ArrayList<>();
        boolean any = false;
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (KpiSnapshot snapshot : snapshots) {
            Double value = metric.apply(snapshot.overall());
            boolean finite = value != null && Double.isFinite(value);
            values.add(finite ? value : null);
            if (finite) {
                any = true;
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        if (!any) {
            return;
        }
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).xAxisTitle("Time (UTC)").yAxisTitle(yTitle)
                .build();
        style(chart);
        XYSeries series = chart.addSeries(yTitle.replaceAll(" \\(.*", ""), times, values);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(new Color(0x1f, 0x5f, 0xa8));
        series.setLineStyle(new BasicStroke(1.6f));
        if (threshold != null) {
            double t = threshold.threshold();
            min = Math.min(min, t);
            max = Math.max(max, t);
            List<Double> line = new ArrayList<>();
            times.forEach(time -> line.add(t));
            XYSeries limit = chart.addSeries("Threshold " + dev.gaday.cert.report.ReportValues.threshold(threshold), times,
                    line);
            limit.setMarker(SeriesMarkers.NONE);
            limit.setLineColor(new Color(0xc0, 0x30, 0x30));
            limit.setLineStyle(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {6f, 4f}, 0f));
        }
        double pad = (max - min) * 0.08 + (max == min ? Math.max(Math.abs(max) * 0.01, 0.01) : 0);
        chart.getStyler().setYAxisMin(min - pad);
        chart.getStyler().setYAxisMax(max + pad);
        Instant first = snapshots.get(0).window().start();
        Instant last = snapshots.get(snapshots.size() - 1).window().end();
        for (ReleaseFile.Incident incident : release.incidents()) {
            Instant at = parse(incident.time());
            if (at == null || at.isBefore(first) || at.isAfter(last)) {
                continue;
            }
            AnnotationLine marker = new AnnotationLine(at.toEpochMilli(), true, false);
            chart.addAnnotation(marker);
            String label = incident.id() != null ? incident.id() : incident.severity() != null ? incident.severity()
                    : "incident";
            chart.addAnnotation(new AnnotationText(label, at.toEpochMilli(), max + pad * 0.4, false));
        }
        charts.put(name, chart);
    }

    private static void style(XYChart chart) {
        org.knowm.xchart.style.XYStyler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotGridLinesColor(new Color(0xdd, 0xdd, 0xdd));
        styler.setPlotBorderVisible(false);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setLegendFont(BASE_FONT.deriveFont(10f));
        styler.setChartTitleVisible(false);
        styler.setAntiAlias(true);
        styler.setLocale(Locale.ROOT);
        styler.setTimezone(TimeZone.getTimeZone("UTC"));
        chart.getStyler().setAxisTitleFont(BASE_FONT.deriveFont(10f));
        chart.getStyler().setAxisTickLabelsFont(BASE_FONT.deriveFont(9f));
        chart.getStyler().setAnnotationTextFont(BASE_FONT.deriveFont(Font.BOLD, 9f));
        chart.getStyler().setAnnotationLineColor(new Color(0xe0, 0x80, 0x00));
        chart.getStyler().setAnnotationLineStroke(new BasicStroke(1.4f));
        chart.getStyler().setAnnotationTextFontColor(new Color(0xb0, 0x60, 0x00));
        chart.getStyler().setDatePattern("MM-dd HH:mm");
        chart.getStyler().setDecimalPattern("#,##0.###");
    }

    /** Which criterion of the KPI summary is this chart's threshold: the first whose name matches. */
    private static CriterionResult threshold(KpiSummary summary, String nameFragment) {
        if (summary == null) {
            return null;
        }
        for (CriterionResult criterion : summary.certification().criteria()) {
            String text = (criterion.name() + " " + (criterion.source() == null ? "" : criterion.source()))
                    .toLowerCase(Locale.ROOT);
            if (text.contains(nameFragment) && !(nameFragment.equals("error") && text.contains("budget"))) {
                return criterion;
            }
        }
        return null;
    }

    private static Instant parse(String time) {
        if (time == null) {
            return null;
        }
        try {
            return Instant.parse(time.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The chart as a PNG, for the Markdown report. */
    public static byte[] png(XYChart chart) {
        int scale = 1;
        BufferedImage image = new BufferedImage(WIDTH * scale, HEIGHT * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(scale, scale);
            chart.paint(g, WIDTH, HEIGHT);
        } finally {
            g.dispose();
        }
        return PngEncoder.encode(image);
    }

    private static Font loadFont() {
        try (InputStream in = KpiCharts.class.getResourceAsStream(PdfReport.FONT_REGULAR)) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException | RuntimeException e) {
            return new Font(Font.SANS_SERIF, Font.PLAIN, 10);
        }
    }
}
