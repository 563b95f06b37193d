package dev.gaday.cert.report;

import dev.gaday.cert.input.InputFiles;
import dev.gaday.cert.input.InputKind;
import dev.gaday.cert.model.Gate;
import dev.gaday.common.model.kpi.DataGap;
import dev.gaday.common.model.kpi.KpiSummary;
import dev.gaday.common.model.kpi.KubernetesStatus;
import dev.gaday.common.model.kpi.OverallKpis;
import dev.gaday.common.model.kpi.ServiceKpis;
import dev.gaday.common.model.ws.WsHealthMetrics;
import dev.gaday.common.text.MarkdownText;
import dev.gaday.common.text.ReportFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The KPI summary's placeholders that take more than one field: per-service breakdowns, deployment
 * status, data gaps and key outcomes. Its scalars (availability, latencies, infrastructure) are bound
 * in toolkit-bindings.yaml.
 */
final class KpiValues {
    private static final Pattern PER_SERVICE_FIELD = Pattern.compile("services\\[([^\\]]+)]\\.(.+)");
    private static final String NO_KPI = "no input file " + InputFiles.KPI_SUMMARY;
    private static final List<String> SERVICE_NAMES = List.of(
            "INSERT_SERVICE_AVAILABILITY_BREAKDOWN",
            "INSERT_ERROR_RATE_BY_SERVICE",
            "INSERT_LATENCY_DISTRIBUTION",
            "INSERT_RESOURCE_UTILIZATION_BY_SERVICE",
            "INSERT_LATENCY_PERCENTILES_TABLE",
            "SERVICE_COUNT");

    private KpiValues() {}

    static void fill(ReportContext context, PlaceholderValues values) {
        KpiSummary summary = context.inputs().kpiSummary();
        keyOutcomes(context, values);
        if (summary == null) {
            SERVICE_NAMES.forEach(name -> values.absent(name, NO_KPI));
            values.absent("DEPLOYMENT_STATUS", NO_KPI);
            return;
        }
        deploymentStatus(context, summary.kubernetes(), values);
        services(summary.services(), values);
    }

    private static void deploymentStatus(ReportContext context, KubernetesStatus k8s, PlaceholderValues values) {
        if (context.inputs().release().deploymentStatus() != null) {
            values.text("DEPLOYMENT_STATUS", context.inputs().release().deploymentStatus(), null);
            return;
        }
        if (!k8s.available()) {
            values.absent(
                    "DEPLOYMENT_STATUS",
                    InputFiles.KPI_SUMMARY + ": kubernetes unavailable ("
                            + (k8s.unavailableReason() == null ? "no reason given" : k8s.unavailableReason())
                            + ") and no deploymentStatus in the release file");
            return;
        }
        List<KubernetesStatus.DeploymentRollout> deployments = k8s.deployments();
        long complete = deployments.stream()
                .filter(KubernetesStatus.DeploymentRollout::complete)
                .count();
        List<String> incomplete = deployments.stream()
                .filter(d -> !d.complete())
                .map(KubernetesStatus.DeploymentRollout::name)
                .toList();
        values.text(
                "DEPLOYMENT_STATUS",
                (incomplete.isEmpty() ? "Complete" : "Incomplete") + " (" + complete
                        + " of " + deployments.size() + " deployments rolled out"
                        + (incomplete.isEmpty() ? "" : "; not complete: " + String.join(", ", incomplete)) + ")",
                null);
    }

    private static void services(List<ServiceKpis> services, PlaceholderValues values) {
        if (services.isEmpty()) {
            SERVICE_NAMES.forEach(name -> values.absent(name, InputFiles.KPI_SUMMARY + ": services is empty"));
            return;
        }
        values.text("SERVICE_COUNT", ReportFormat.count(services.size()), null);
        List<String> availability = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<String> latency = new ArrayList<>();
        List<String> resources = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (ServiceKpis s : services) {
            String noData = s.noDataReason() == null ? "no data" : "no data: " + s.noDataReason();
            availability.add(s.name() + ": "
                    + (s.availabilityPercent() == null ? noData : ReportFormat.percent(s.availabilityPercent(), 3)));
            errors.add(s.name() + ": "
                    + (s.errorRatePercent() == null
                            ? noData
                            : ReportFormat.percent(s.errorRatePercent(), 3)
                                    + (s.errors() != null && s.requests() != null
                                            ? " (" + ReportFormat.count(s.errors()) + " of "
                                                    + ReportFormat.count(s.requests()) + " requests)"
                                            : "")));
            latency.add(s.name() + ": P50 " + ReportFormat.millis(s.p50LatencyMs(), 1) + " · P95 "
                    + ReportFormat.millis(s.p95LatencyMs(), 1) + " · P99 " + ReportFormat.millis(s.p99LatencyMs(), 1));
            resources.add(s.name() + ": CPU " + ReportFormat.percent(s.cpuPercent(), 2)
                    + (s.cpuCores() == null ? "" : " (" + ReportFormat.number(s.cpuCores(), 3) + " cores)")
                    + " · memory " + ReportFormat.withUnit(s.memoryMb(), 1, " MB")
                    + (s.memoryPercent() == null ? "" : " (" + ReportFormat.percent(s.memoryPercent(), 2) + ")"));
            rows.add(List.of(
                    s.name(),
                    ReportFormat.millis(s.p50LatencyMs(), 1),
                    ReportFormat.millis(s.p95LatencyMs(), 1),
                    ReportFormat.millis(s.p99LatencyMs(), 1),
                    ReportFormat.millis(s.p999LatencyMs(), 1)));
        }
        values.markdown("INSERT_SERVICE_AVAILABILITY_BREAKDOWN", MarkdownText.bullets(availability, "  "), null);
        values.markdown("INSERT_ERROR_RATE_BY_SERVICE", MarkdownText.bullets(errors, "  "), null);
        values.markdown("INSERT_LATENCY_DISTRIBUTION", MarkdownText.bullets(latency, "  "), null);
        values.markdown("INSERT_RESOURCE_UTILIZATION_BY_SERVICE", MarkdownText.bullets(resources, "  "), null);
        values.markdown("INSERT_LATENCY_PERCENTILES_TABLE", MarkdownText.rows(rows), null);
    }

    /**
     * Partial gate inputs first (they are why a run is INCONCLUSIVE), then the KPI summary's own gaps but those in
     * {@code filledElsewhere} (fields whose placeholders another source filled).
     */
    static void dataGaps(ReportContext context, PlaceholderValues values, Set<String> filledElsewhere) {
        List<String> items = new ArrayList<>(context.decision().dataGaps());
        items.addAll(context.consistencyWarnings());
        KpiSummary summary = context.inputs().kpiSummary();
        if (summary != null) {
            List<DataGap> gaps = summary.gaps().stream()
                    .filter(gap -> !filledElsewhere.contains(gap.field()))
                    .toList();
            items.addAll(gapLines(gaps, context.gaStart(), context.gaEnd()));
        }
        if (!items.isEmpty()) {
            values.markdown("INSERT_DATA_GAPS", MarkdownText.bullets(items, ""), null);
        } else if (summary != null) {
            values.text("INSERT_DATA_GAPS", "None: every KPI had data for the whole window.", null);
        } else {
            values.absent("INSERT_DATA_GAPS", NO_KPI);
        }
    }

    /**
     * One line per gap, but the same gap of several services (a per-service field with the same interval and
     * reason, such as a memory limit no query gives) is one line naming them all; intervals read as the report's
     * times, "over the whole window" when they span it.
     */
    static List<String> gapLines(List<DataGap> gaps, Instant windowStart, Instant windowEnd) {
        // Gaps alike but for the service, in order of first appearance: the field (services[*].x), interval, reason.
        Map<List<Object>, List<DataGap>> alike = new LinkedHashMap<>();
        for (DataGap gap : gaps) {
            Matcher perService = PER_SERVICE_FIELD.matcher(gap.field() == null ? "" : gap.field());
            String shape = perService.matches() ? "services[*]." + perService.group(2) : gap.field();
            alike.computeIfAbsent(Arrays.asList(shape, gap.from(), gap.to(), gap.reason()), k -> new ArrayList<>())
                    .add(gap);
        }
        List<String> lines = new ArrayList<>();
        for (List<DataGap> group : alike.values()) {
            DataGap gap = group.get(0);
            String field = gap.field() == null ? "?" : gap.field();
            Matcher perService = PER_SERVICE_FIELD.matcher(field);
            if (group.size() > 1 && perService.matches()) {
                List<String> services = group.stream()
                        .map(g -> PER_SERVICE_FIELD.matcher(g.field()).replaceFirst("$1"))
                        .toList();
                field = "services[" + String.join(", ", services) + "]." + perService.group(2);
            }
            String interval;
            if (gap.from() == null) {
                interval = "";
            } else if (gap.from().equals(windowStart) && Objects.equals(gap.to(), windowEnd)) {
                interval = " over the whole window";
            } else {
                interval = " from " + ReportFormat.timestamp(gap.from()) + " to " + ReportFormat.timestamp(gap.to());
            }
            lines.add(field + interval + ": " + gap.reason());
        }
        return lines;
    }

    private static void keyOutcomes(ReportContext context, PlaceholderValues values) {
        List<String> items = new ArrayList<>();
        items.add("Certification: " + context.decision().status().label());
        List<Gate> gates = new ArrayList<>(
                context.decision().gates().stream().filter(Gate::counted).toList());
        gates.sort(java.util.Comparator.comparingInt(g -> CertificationValues.rank(g.status())));
        for (Gate gate : gates) {
            items.add(gate.name() + ": " + gate.status() + (gate.note() == null ? "" : " (" + gate.note() + ")"));
        }
        KpiSummary summary = context.inputs().kpiSummary();
        if (summary != null) {
            OverallKpis o = summary.overall();
            items.add("Availability " + ReportFormat.percent(o.availabilityPercent(), 3) + ", error rate "
                    + ReportFormat.percent(o.errorRatePercent(), 3) + ", P99 latency (fleet, whole window) "
                    + ReportFormat.millis(o.p99LatencyMs(), 1));
        }
        WsHealthMetrics ws = context.inputs().wsHealth();
        if (ws != null) {
            items.add("WebSocket reconnects (ws-health's probe): " + ReportFormat.count(ws.successful()) + " of "
                    + ReportFormat.count(ws.totalTests()) + " succeeded ("
                    + ReportFormat.percent(ws.successRatePercent(), 3)
                    + ")");
        }
        if (context.inputs().files().get(InputKind.RELEASE.key()).isPresent()) {
            items.add("Incidents: " + context.inputs().release().incidents().size() + "; hotfixes: "
                    + context.inputs().release().hotfixes().size());
        }
        values.markdown("INSERT_KEY_OUTCOMES", MarkdownText.bullets(items, ""), null);
    }
}
