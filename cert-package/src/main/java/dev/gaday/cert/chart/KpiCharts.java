package dev.gaday.cert.chart;

import dev.gaday.cert.certification.Thresholds;
import dev.gaday.cert.input.ReleaseFile;
import dev.gaday.common.model.kpi.KpiSnapshot;
import dev.gaday.common.model.kpi.KpiSummary;
import dev.gaday.common.model.kpi.OverallKpis;
import dev.gaday.common.model.kpi.ServiceKpis;
import dev.gaday.common.text.ReportFormat;
import dev.gaday.common.verdict.CriterionResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The KPI charts of the report, from the snapshots: availability, error rate and P99 latency over
 * the window, each with its certification threshold (the KPI summary's matching criterion) and
 * the release file's incidents inside the window as vertical lines where they happened. Laid out
 * once; the same layouts are drawn into the PDF and written as SVG for the Markdown report. A
 * chart whose metric has no value in any snapshot is left out.
 */
public final class KpiCharts {
    /** At most this many services in a small-multiples figure: the worst. */
    static final int SERVICE_PANELS = 6;
    /** A small-multiples figure is named services_METRIC. */
    public static final String SERVICES_PREFIX = "services_";

    private final Map<String, ChartLayout> charts = new LinkedHashMap<>();
    /** Every figure, in the report's order: each fleet chart followed by its services' small multiples. */
    private final Map<String, Figure> figures = new LinkedHashMap<>();

    /** A metric of the small multiples: how a service's value is read, which way is worse, how it is shown. */
    enum ServiceMetric {
        AVAILABILITY(
                "availability",
                "Availability (%)",
                "Availability",
                "availability",
                "availab",
                ServiceKpis::availabilityPercent,
                false,
                v -> ReportFormat.percent(v, 3)),
        ERROR_RATE(
                "error_rate",
                "Error rate (%)",
                "Error rate",
                "error rate",
                "error",
                ServiceKpis::errorRatePercent,
                true,
                v -> ReportFormat.percent(v, 3)),
        P99_LATENCY(
                "p99_latency",
                "P99 latency (ms)",
                "P99 latency",
                "p99 latency",
                "p99",
                ServiceKpis::p99LatencyMs,
                true,
                v -> ReportFormat.millis(v, 1));

        private final String name;
        private final String yTitle;
        private final String label;
        private final String measure;
        private final String criterionName;
        private final Function<ServiceKpis, Double> value;
        private final boolean highIsBad;
        private final Function<Double, String> format;

        ServiceMetric(
                String name,
                String yTitle,
                String label,
                String measure,
                String criterionName,
                Function<ServiceKpis, Double> value,
                boolean highIsBad,
                Function<Double, String> format) {
            this.name = name;
            this.yTitle = yTitle;
            this.label = label;
            this.measure = measure;
            this.criterionName = criterionName;
            this.value = value;
            this.highIsBad = highIsBad;
            this.format = format;
        }

        String metricName() {
            return name;
        }

        String yTitle() {
            return yTitle;
        }

        String label() {
            return label;
        }

        String measure() {
            return measure;
        }

        String criterionName() {
            return criterionName;
        }

        Function<ServiceKpis, Double> value() {
            return value;
        }

        boolean highIsBad() {
            return highIsBad;
        }

        Function<Double, String> format() {
            return format;
        }
    }

    private KpiCharts() {}

    public static KpiCharts of(List<KpiSnapshot> snapshots, KpiSummary summary, ReleaseFile release) {
        return of(snapshots, summary, release, List.of());
    }

    /**
     * @param events further moments marked on the time axis like incidents: SLO alerts that fired, the
     *     deploy a drift analysis compared around; those outside the snapshots' span are left out
     */
    public static KpiCharts of(
            List<KpiSnapshot> snapshots, KpiSummary summary, ReleaseFile release, List<KpiChart.Incident> events) {
        KpiCharts result = new KpiCharts();
        if (snapshots.isEmpty()) {
            return result;
        }
        // The snapshots in time order (their file numbers need not be), and the span they cover.
        List<KpiSnapshot> ordered = new ArrayList<>(snapshots);
        ordered.sort(
                Comparator.comparing((KpiSnapshot snapshot) -> snapshot.window().start()));
        Instant start = ordered.get(0).window().start();
        Instant end = start;
        for (KpiSnapshot snapshot : ordered) {
            end = snapshot.window().end().isAfter(end) ? snapshot.window().end() : end;
        }
        if (!end.isAfter(start)) {
            return result;
        }
        List<KpiChart.Incident> incidents = new ArrayList<>();
        for (ReleaseFile.Incident incident : release.incidents()) {
            Instant at = incident.instant();
            if (at != null && !at.isBefore(start) && !at.isAfter(end)) {
                incidents.add(new KpiChart.Incident(
                        at,
                        incident.id() != null
                                ? incident.id()
                                : incident.severity() != null ? incident.severity() : "incident"));
            }
        }
        for (KpiChart.Incident event : events) {
            if (!event.at().isBefore(start) && !event.at().isAfter(end)) {
                incidents.add(event);
            }
        }
        result.add(
                new Series(
                        "availability",
                        "Availability (%)",
                        "Availability",
                        OverallKpis::availabilityPercent,
                        "availab"),
                ordered,
                summary,
                start,
                end,
                incidents);
        result.addServicePanels(ServiceMetric.AVAILABILITY, ordered, summary, start, end, incidents);
        result.add(
                new Series("error_rate", "Error rate (%)", "Error rate", OverallKpis::errorRatePercent, "error"),
                ordered,
                summary,
                start,
                end,
                incidents);
        result.addServicePanels(ServiceMetric.ERROR_RATE, ordered, summary, start, end, incidents);
        result.add(
                new Series("p99_latency", "P99 latency (ms)", "P99 latency", OverallKpis::p99LatencyMs, "p99"),
                ordered,
                summary,
                start,
                end,
                incidents);
        result.addServicePanels(ServiceMetric.P99_LATENCY, ordered, summary, start, end, incidents);
        return result;
    }

    /**
     * Every figure by name, in the report's order: each fleet chart (availability, error_rate, p99_latency)
     * followed by the small multiples of its worst services (services_availability, ...).
     */
    public Map<String, Figure> figures() {
        return Collections.unmodifiableMap(figures);
    }

    /** The laid-out fleet charts by name (availability, error_rate, p99_latency), in that order. */
    public Map<String, ChartLayout> layouts() {
        return Collections.unmodifiableMap(charts);
    }

    public List<String> names() {
        return List.copyOf(figures.keySet());
    }

    private record Series(
            String name, String yTitle, String label, Function<OverallKpis, Double> metric, String criterionName) {}

    private void add(
            Series series,
            List<KpiSnapshot> snapshots,
            KpiSummary summary,
            Instant start,
            Instant end,
            List<KpiChart.Incident> incidents) {
        List<KpiChart.Point> points = new ArrayList<>(snapshots.size());
        boolean any = false;
        for (KpiSnapshot snapshot : snapshots) {
            // A snapshot covers an interval: plot it at the middle, so a spike sits where it happened.
            Instant from = snapshot.window().start();
            Instant at =
                    from.plus(Duration.between(from, snapshot.window().end()).dividedBy(2));
            Double value = series.metric().apply(snapshot.overall());
            KpiChart.Point point = new KpiChart.Point(at, value);
            any |= point.finite();
            points.add(point);
        }
        if (!any) {
            return;
        }
        CriterionResult criterion = threshold(summary, series.criterionName());
        KpiChart.Threshold threshold = criterion != null && Double.isFinite(criterion.threshold())
                ? new KpiChart.Threshold(criterion.threshold(), "Threshold " + Thresholds.describe(criterion))
                : null;
        ChartLayout layout = ChartLayout.of(
                new KpiChart(series.name(), series.yTitle(), series.label(), start, end, points, threshold, incidents));
        charts.put(series.name(), layout);
        figures.put(series.name(), layout);
    }

    /**
     * Small multiples of one metric: the {@link #SERVICE_PANELS} worst services over the window (by the KPI
     * summary's whole-window value; without a summary, by the snapshots' mean), a panel each, each with its own
     * threshold (the service's criterion, else the fleet's). The fleet charts average the culprit away; these
     * show it beside its peers.
     */
    private void addServicePanels(
            ServiceMetric metric,
            List<KpiSnapshot> snapshots,
            KpiSummary summary,
            Instant start,
            Instant end,
            List<KpiChart.Incident> incidents) {
        Map<String, Double> overall = new LinkedHashMap<>();
        if (summary != null) {
            for (ServiceKpis service : summary.services()) {
                Double value = metric.value().apply(service);
                if (value != null && Double.isFinite(value)) {
                    overall.put(service.name(), value);
                }
            }
        } else {
            Map<String, double[]> sums = new LinkedHashMap<>();
            for (KpiSnapshot snapshot : snapshots) {
                for (ServiceKpis service : snapshot.services()) {
                    Double value = metric.value().apply(service);
                    if (value != null && Double.isFinite(value)) {
                        double[] sum = sums.computeIfAbsent(service.name(), k -> new double[2]);
                        sum[0] += value;
                        sum[1]++;
                    }
                }
            }
            sums.forEach((service, sum) -> overall.put(service, sum[0] / sum[1]));
        }
        // Only services the snapshots have values of can be drawn, so only they are ranked and counted.
        java.util.Set<String> drawable = new java.util.HashSet<>();
        for (KpiSnapshot snapshot : snapshots) {
            for (ServiceKpis service : snapshot.services()) {
                Double value = metric.value().apply(service);
                if (value != null && Double.isFinite(value)) {
                    drawable.add(service.name());
                }
            }
        }
        overall.keySet().retainAll(drawable);
        List<String> worst = new ArrayList<>(overall.keySet());
        worst.sort(Comparator.comparingDouble(
                        (String service) -> metric.highIsBad() ? -overall.get(service) : overall.get(service))
                .thenComparing(Comparator.naturalOrder()));
        CriterionResult fleet = threshold(summary, metric.criterionName());
        List<ServicePanels.Service> panels = new ArrayList<>();
        for (String service : worst) {
            if (panels.size() == SERVICE_PANELS) {
                break;
            }
            List<KpiChart.Point> points = new ArrayList<>(snapshots.size());
            boolean any = false;
            for (KpiSnapshot snapshot : snapshots) {
                Instant from = snapshot.window().start();
                Instant at = from.plus(
                        Duration.between(from, snapshot.window().end()).dividedBy(2));
                Double value = snapshot.services().stream()
                        .filter(s -> s.name().equals(service))
                        .findFirst()
                        .map(metric.value())
                        .orElse(null);
                KpiChart.Point point = new KpiChart.Point(at, value);
                any |= point.finite();
                points.add(point);
            }
            if (!any) {
                continue;
            }
            CriterionResult own = serviceCriterion(summary, service, metric.measure());
            CriterionResult criterion = own != null ? own : fleet;
            KpiChart.Threshold threshold = criterion != null && Double.isFinite(criterion.threshold())
                    ? new KpiChart.Threshold(criterion.threshold(), "Threshold " + Thresholds.describe(criterion))
                    : null;
            double value = overall.get(service);
            boolean failing = criterion != null && !criterion.comparator().holds(value, criterion.threshold());
            String chartName =
                    metric.metricName() + "_" + service.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
            panels.add(new ServicePanels.Service(
                    new KpiChart(chartName, metric.yTitle(), metric.label(), start, end, points, threshold, incidents),
                    service + "  " + metric.format().apply(value) + (failing ? "  \u2718" : ""),
                    failing));
        }
        if (panels.isEmpty()) {
            return;
        }
        String name = SERVICES_PREFIX + metric.metricName();
        figures.put(
                name,
                ServicePanels.of(
                        name,
                        metric.label() + " of the "
                                + (panels.size() == 1 ? "worst service" : panels.size() + " worst services") + " (of "
                                + overall.size() + "), per 5-minute snapshot; "
                                + "each panel's axis fits its values and threshold; the whole window's value "
                                + "beside the name",
                        panels,
                        metric.label() + " (per snapshot)"));
    }

    /** The KPI summary's criterion of one service ("service checkout availability"), or null. */
    private static CriterionResult serviceCriterion(KpiSummary summary, String service, String measure) {
        if (summary == null) {
            return null;
        }
        String wanted = "service " + service.toLowerCase(Locale.ROOT) + " " + measure;
        for (CriterionResult r : summary.certification().criteria()) {
            if (r.name().toLowerCase(Locale.ROOT).strip().equals(wanted)) {
                return r;
            }
        }
        return null;
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
}
