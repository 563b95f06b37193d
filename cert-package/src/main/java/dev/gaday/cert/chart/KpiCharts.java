package dev.gaday.cert.chart;

import dev.gaday.cert.certification.Thresholds;
import dev.gaday.cert.input.ReleaseFile;
import dev.gaday.common.model.kpi.KpiSnapshot;
import dev.gaday.common.model.kpi.KpiSummary;
import dev.gaday.common.model.kpi.OverallKpis;
import dev.gaday.common.model.kpi.ServiceKpis;
import dev.gaday.common.verdict.CriterionResult;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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
    /** At most this many charts of failing services. */
    static final int SERVICE_CHARTS = 6;

    private final Map<String, ChartLayout> charts = new LinkedHashMap<>();

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
            Instant at = parse(incident.time());
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
        result.add(
                new Series("error_rate", "Error rate (%)", "Error rate", OverallKpis::errorRatePercent, "error"),
                ordered,
                summary,
                start,
                end,
                incidents);
        result.add(
                new Series("p99_latency", "P99 latency (ms)", "P99 latency", OverallKpis::p99LatencyMs, "p99"),
                ordered,
                summary,
                start,
                end,
                incidents);
        result.addServiceCharts(ordered, summary, start, end, incidents);
        return result;
    }

    /** The laid-out charts by name (availability, error_rate, p99_latency), in that order. */
    public Map<String, ChartLayout> layouts() {
        return Collections.unmodifiableMap(charts);
    }

    public List<String> names() {
        return List.copyOf(charts.keySet());
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
        charts.put(
                series.name(),
                ChartLayout.of(new KpiChart(
                        series.name(), series.yTitle(), series.label(), start, end, points, threshold, incidents)));
    }

    /**
     * The culprits' charts: for each service whose own criterion failed ("service checkout availability"),
     * worst services first, that metric over the window from the snapshots, with the service's threshold; at
     * most {@link #SERVICE_CHARTS}. The fleet charts average the culprit away; these show it.
     */
    private void addServiceCharts(
            List<KpiSnapshot> snapshots,
            KpiSummary summary,
            Instant start,
            Instant end,
            List<KpiChart.Incident> incidents) {
        if (summary == null) {
            return;
        }
        record Failing(
                String service,
                CriterionResult criterion,
                String metric,
                String yTitle,
                String label,
                Function<ServiceKpis, Double> value) {}
        List<Failing> failing = new ArrayList<>();
        for (ServiceKpis service : summary.services()) {
            String prefix = "service " + service.name().toLowerCase(Locale.ROOT) + " ";
            for (CriterionResult r : summary.certification().criteria()) {
                String name = r.name().toLowerCase(Locale.ROOT);
                if (r.status() != dev.gaday.common.verdict.Status.FAIL || !name.startsWith(prefix)) {
                    continue;
                }
                String measure = name.substring(prefix.length());
                switch (measure) {
                    case "availability" -> failing.add(new Failing(
                            service.name(),
                            r,
                            "availability",
                            "Availability (%)",
                            "Availability",
                            ServiceKpis::availabilityPercent));
                    case "error rate" -> failing.add(new Failing(
                            service.name(),
                            r,
                            "error_rate",
                            "Error rate (%)",
                            "Error rate",
                            ServiceKpis::errorRatePercent));
                    case "p99 latency" -> failing.add(new Failing(
                            service.name(),
                            r,
                            "p99_latency",
                            "P99 latency (ms)",
                            "P99 latency (5-minute)",
                            ServiceKpis::p99LatencyMs));
                    default -> {}
                }
            }
        }
        failing.sort(Comparator.comparingDouble((Failing f) -> {
            ServiceKpis s = summary.services().stream()
                    .filter(x -> x.name().equals(f.service()))
                    .findFirst()
                    .orElseThrow();
            return s.availabilityPercent() == null ? 100 : s.availabilityPercent();
        }));
        int added = 0;
        for (Failing f : failing) {
            if (added == SERVICE_CHARTS) {
                break;
            }
            List<KpiChart.Point> points = new ArrayList<>(snapshots.size());
            boolean any = false;
            for (KpiSnapshot snapshot : snapshots) {
                Instant from = snapshot.window().start();
                Instant at = from.plus(
                        Duration.between(from, snapshot.window().end()).dividedBy(2));
                Double value = snapshot.services().stream()
                        .filter(s -> s.name().equals(f.service()))
                        .findFirst()
                        .map(f.value())
                        .orElse(null);
                KpiChart.Point point = new KpiChart.Point(at, value);
                any |= point.finite();
                points.add(point);
            }
            if (!any) {
                continue;
            }
            String name = KpiChart.SERVICE_PREFIX
                    + f.service().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_") + "__" + f.metric();
            if (charts.containsKey(name)) {
                continue;
            }
            KpiChart.Threshold threshold = Double.isFinite(f.criterion().threshold())
                    ? new KpiChart.Threshold(
                            f.criterion().threshold(), "Threshold " + Thresholds.describe(f.criterion()))
                    : null;
            charts.put(
                    name,
                    ChartLayout.of(new KpiChart(
                            name,
                            f.yTitle(),
                            f.service() + " " + f.label(),
                            start,
                            end,
                            points,
                            threshold,
                            incidents)));
            added++;
        }
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
}
