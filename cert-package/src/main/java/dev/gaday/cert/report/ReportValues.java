package dev.gaday.cert.report;

import dev.gaday.common.text.MarkdownText;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gaday.cert.chart.KpiChart;
import dev.gaday.cert.input.InputFiles;
import dev.gaday.cert.input.ReleaseFile;
import dev.gaday.cert.model.Gate;
import dev.gaday.common.json.Json;
import dev.gaday.common.model.kpi.DataGap;
import dev.gaday.common.model.kpi.Infrastructure;
import dev.gaday.common.model.kpi.KpiSummary;
import dev.gaday.common.model.kpi.KubernetesStatus;
import dev.gaday.common.model.kpi.Observability;
import dev.gaday.common.model.kpi.OverallKpis;
import dev.gaday.common.model.kpi.ServiceKpis;
import dev.gaday.common.model.ws.WsHealthMetrics;
import dev.gaday.common.verdict.CriterionResult;
import dev.gaday.common.text.ReportFormat;
import dev.gaday.common.verdict.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Computes the text of every placeholder the toolkit knows (docs/placeholders.md lists each one
 * with its source). Sources, weakest first: default bindings for inputs whose tool does not exist
 * yet, the tools' files, the release file's structured parts, the release file's {@code values:},
 * and last the user's {@code bindings:}.
 */
public final class ReportValues {
    static final String NOT_MEASURED = "not measured by the toolkit: give it in the release file (values.%s)"
            + " or bind it (bindings.%s)";
    private static final String NO_KPI = "no input file " + InputFiles.KPI_SUMMARY;
    private static final String NO_WS = "no input file " + InputFiles.WS_HEALTH;
    private static final String NO_RELEASE = "no release file (--release)";

    private final ReportContext context;
    private final PlaceholderValues values = new PlaceholderValues();

    private ReportValues(ReportContext context) {
        this.context = context;
    }

    /** @param placeholders the template's placeholders: each one without a source gets a reason */
    public static PlaceholderValues build(ReportContext context, Set<String> placeholders) {
        ReportValues report = new ReportValues(context);
        for (String name : placeholders) {
            report.values.absent(name, String.format(NOT_MEASURED, name, name));
        }
        Bindings.apply(Bindings.defaults(), context, report.values, false);
        report.general();
        report.kpis();
        report.webSocket();
        report.release();
        report.certification();
        report.releaseValues();
        Bindings.apply(context.inputs().release().bindings(), context, report.values, true);
        return report.values;
    }

    // ---- general ---------------------------------------------------------------------------

    private void general() {
        values.text("GENERATION_TIMESTAMP", context.generatedAt().toString(), "no generation time");
        values.text("CERTIFICATION_STATUS", context.decision().status().label(), null);
        values.text("FINAL_CERTIFICATION_STATUS", context.decision().status().label(), null);
        values.text("OVERALL_HEALTH_STATUS", switch (context.decision().overall()) {
            case PASS -> "Healthy";
            case WARN -> "Healthy, with warnings";
            case FAIL -> "Unhealthy";
            case NO_DATA -> "Unknown (insufficient data)";
        }, null);
        String noWindow = "no GA window: give --ga-start and --ga-end, or a " + InputFiles.KPI_SUMMARY;
        if (context.gaStart() != null && context.gaEnd() != null) {
            values.text("GA_START_TIME", context.gaStart().toString(), null);
            values.text("GA_END_TIME", context.gaEnd().toString(), null);
            double hours = Duration.between(context.gaStart(), context.gaEnd()).toSeconds() / 3600.0;
            values.text("GA_DURATION_HOURS", ReportFormat.plain(hours, 2), null);
        } else {
            for (String name : List.of("GA_START_TIME", "GA_END_TIME", "GA_DURATION_HOURS")) {
                values.absent(name, noWindow);
            }
        }
        ReleaseFile release = context.inputs().release();
        String noRelease = context.inputs().files().get("release").isPresent() ? null : NO_RELEASE;
        values.text("RELEASE_VERSION", release.version(), orElse(noRelease, "release file: version absent"));
        values.text("RELEASE_NAME", release.name() != null ? release.name() : release.version(),
                orElse(noRelease, "release file: name absent"));
        String runId = release.pipelineRunId();
        for (String variable : List.of("GITHUB_RUN_ID", "CI_PIPELINE_ID", "BUILD_ID")) {
            if (runId == null && context.environment().get(variable) != null) {
                runId = context.environment().get(variable);
            }
        }
        values.text("PIPELINE_RUN_ID", runId,
                "release file: pipelineRunId absent, and no GITHUB_RUN_ID, CI_PIPELINE_ID or BUILD_ID set");
        if (context.archiveName() != null) {
            values.text("ARTIFACT_LOCATION", release.artifactLocation() != null ? release.artifactLocation()
                    : context.archiveName(), null);
            values.text("ARTIFACT_SHA256", "in " + context.archiveName()
                    + ".sha256 beside the archive (an archive cannot contain its own hash)", null);
        } else {
            values.absent("ARTIFACT_LOCATION", "--certify-only: no archive is written");
            values.absent("ARTIFACT_SHA256", "--certify-only: no archive is written");
        }
        if (!context.chartNames().isEmpty()) {
            List<String> images = new ArrayList<>();
            for (String chart : context.chartNames()) {
                images.add("![" + MarkdownText.escape(chartTitle(chart)) + "](" + KpiChart.file(chart) + ")");
            }
            values.markdown("INSERT_KPI_CHARTS", String.join("\n\n", images), null);
        } else {
            values.absent("INSERT_KPI_CHARTS", "no KPI snapshots (snapshot_NNNN.json) to draw charts from");
        }
        if (!context.artifacts().isEmpty()) {
            values.markdown("INSERT_BENCHMARK_DATA", MarkdownText.bullets(context.artifacts().stream()
                    .map(path -> path + " (in this package)").toList(), ""), null);
        } else {
            values.absent("INSERT_BENCHMARK_DATA", "no artifacts included (--include-artifacts) and no links");
        }
        if (context.inputs().files().get(InputFiles.VALIDATION_HTML).isPresent()) {
            values.text("INSERT_DETAILED_TEST_RESULTS_LINK", InputFiles.VALIDATION_HTML + " (in this package)", null);
        } else {
            values.absent("INSERT_DETAILED_TEST_RESULTS_LINK", "no input file " + InputFiles.VALIDATION_HTML);
        }
    }

    public static String chartTitle(String chart) {
        return switch (chart) {
            case "availability" -> "Availability over the GA window";
            case "error_rate" -> "Error rate over the GA window";
            case "p99_latency" -> "P99 latency over the GA window";
            default -> chart;
        };
    }

    // ---- KPI summary -----------------------------------------------------------------------

    private static final List<String> KPI_SCALARS = List.of("OVERALL_AVAILABILITY", "OVERALL_ERROR_RATE",
            "P99_LATENCY_MS", "TOTAL_DOWNTIME_MINUTES", "MEAN_TIME_TO_RECOVERY", "TOTAL_REQUESTS", "TOTAL_ERRORS",
            "AVG_P50_LATENCY", "AVG_P95_LATENCY", "AVG_P99_LATENCY", "MAX_P99_LATENCY", "AVG_CPU_PERCENT",
            "PEAK_CPU_PERCENT", "AVG_MEMORY_PERCENT", "PEAK_MEMORY_PERCENT", "AVG_DB_LATENCY", "MAX_DB_LATENCY",
            "DB_POOL_USAGE", "REDIS_HIT_RATE", "REDIS_MEMORY_MB", "REDIS_CLIENTS", "TOTAL_NETWORK_IN_GB",
            "TOTAL_NETWORK_OUT_GB", "AVG_NETWORK_THROUGHPUT_MBPS", "PROMETHEUS_UPTIME", "TOTAL_METRICS_COLLECTED",
            "METRIC_COLLECTION_RATE", "METRIC_RETENTION_DAYS", "TOTAL_ALERTS", "CRITICAL_ALERTS", "WARNING_ALERTS",
            "PEAK_RPS", "AVG_RPS", "TOTAL_REQUESTS_24H", "DEPLOYMENT_STATUS", "INSERT_SERVICE_AVAILABILITY_BREAKDOWN",
            "INSERT_ERROR_RATE_BY_SERVICE", "INSERT_LATENCY_DISTRIBUTION", "INSERT_RESOURCE_UTILIZATION_BY_SERVICE",
            "INSERT_LATENCY_PERCENTILES_TABLE", "INSERT_KEY_OUTCOMES", "SERVICE_COUNT", "INSERT_DATA_GAPS");

    private void kpis() {
        KpiSummary summary = context.inputs().kpiSummary();
        if (summary == null) {
            KPI_SCALARS.forEach(name -> values.absent(name, NO_KPI));
            keyOutcomes(null);
            return;
        }
        OverallKpis o = summary.overall();
        percent("OVERALL_AVAILABILITY", o.availabilityPercent(), "overall.availabilityPercent");
        percent("OVERALL_ERROR_RATE", o.errorRatePercent(), "overall.errorRatePercent");
        millis("P99_LATENCY_MS", o.p99LatencyMs(), "overall.p99LatencyMs");
        number("TOTAL_DOWNTIME_MINUTES", o.totalDowntimeMinutes(), 2, "overall.totalDowntimeMinutes");
        number("MEAN_TIME_TO_RECOVERY", o.meanTimeToRecoveryMinutes(), 2, "overall.meanTimeToRecoveryMinutes");
        count("TOTAL_REQUESTS", o.totalRequests(), "overall.totalRequests");
        count("TOTAL_REQUESTS_24H", o.totalRequests(), "overall.totalRequests");
        count("TOTAL_ERRORS", o.totalErrors(), "overall.totalErrors");
        millis("AVG_P50_LATENCY", o.avgP50LatencyMs(), "overall.avgP50LatencyMs");
        millis("AVG_P95_LATENCY", o.avgP95LatencyMs(), "overall.avgP95LatencyMs");
        millis("AVG_P99_LATENCY", o.avgP99LatencyMs(), "overall.avgP99LatencyMs");
        millis("MAX_P99_LATENCY", o.maxP99LatencyMs(), "overall.maxP99LatencyMs");
        number("PEAK_RPS", o.peakRps(), 2, "overall.peakRps");
        number("AVG_RPS", o.avgRps(), 2, "overall.avgRps");

        Infrastructure infra = summary.infrastructure();
        Infrastructure.Cluster cluster = infra.cluster();
        percent("AVG_CPU_PERCENT", cluster == null ? null : cluster.cpuPercent(), "infrastructure.cluster.cpuPercent");
        percent("PEAK_CPU_PERCENT", cluster == null ? null : cluster.peakCpuPercent(),
                "infrastructure.cluster.peakCpuPercent");
        percent("AVG_MEMORY_PERCENT", cluster == null ? null : cluster.memoryPercent(),
                "infrastructure.cluster.memoryPercent");
        percent("PEAK_MEMORY_PERCENT", cluster == null ? null : cluster.peakMemoryPercent(),
                "infrastructure.cluster.peakMemoryPercent");
        Infrastructure.Postgres pg = infra.postgres();
        millis("AVG_DB_LATENCY", pg == null ? null : pg.p95LatencyMs(), "infrastructure.postgres.p95LatencyMs");
        millis("MAX_DB_LATENCY", pg == null ? null : pg.maxP95LatencyMs(), "infrastructure.postgres.maxP95LatencyMs");
        percent("DB_POOL_USAGE", pg == null ? null : pg.connectionPoolUsagePercent(),
                "infrastructure.postgres.connectionPoolUsagePercent");
        Infrastructure.Redis redis = infra.redis();
        percent("REDIS_HIT_RATE", redis == null ? null : redis.hitRatePercent(), "infrastructure.redis.hitRatePercent");
        number("REDIS_MEMORY_MB", redis == null ? null : redis.memoryMb(), 1, "infrastructure.redis.memoryMb");
        count("REDIS_CLIENTS", redis == null ? null : redis.connectedClients(), "infrastructure.redis.connectedClients");
        Infrastructure.Network net = infra.network();
        number("TOTAL_NETWORK_IN_GB", net == null || net.bytesIn() == null ? null : net.bytesIn() / 1e9, 3,
                "infrastructure.network.bytesIn");
        number("TOTAL_NETWORK_OUT_GB", net == null || net.bytesOut() == null ? null : net.bytesOut() / 1e9, 3,
                "infrastructure.network.bytesOut");
        number("AVG_NETWORK_THROUGHPUT_MBPS", net == null ? null : net.avgThroughputMbps(), 2,
                "infrastructure.network.avgThroughputMbps");

        Observability obs = summary.observability();
        percent("PROMETHEUS_UPTIME", obs.prometheusUptimePercent(), "observability.prometheusUptimePercent");
        count("TOTAL_METRICS_COLLECTED", obs.activeSeries(), "observability.activeSeries");
        number("METRIC_COLLECTION_RATE", obs.samplesPerSecond(), 1, "observability.samplesPerSecond");
        number("METRIC_RETENTION_DAYS", obs.retentionDays(), 1, "observability.retentionDays");
        count("TOTAL_ALERTS", obs.alertsFired() == null ? null : obs.alertsFired().doubleValue(),
                "observability.alertsFired");
        count("CRITICAL_ALERTS", obs.criticalAlerts() == null ? null : obs.criticalAlerts().doubleValue(),
                "observability.criticalAlerts");
        count("WARNING_ALERTS", obs.warningAlerts() == null ? null : obs.warningAlerts().doubleValue(),
                "observability.warningAlerts");

        deploymentStatus(summary.kubernetes());
        services(summary.services());
        gaps(summary.gaps());
        keyOutcomes(summary);
    }

    private void deploymentStatus(KubernetesStatus k8s) {
        if (context.inputs().release().deploymentStatus() != null) {
            values.text("DEPLOYMENT_STATUS", context.inputs().release().deploymentStatus(), null);
            return;
        }
        if (!k8s.available()) {
            values.absent("DEPLOYMENT_STATUS", "ga_kpi_summary.json: kubernetes unavailable ("
                    + (k8s.unavailableReason() == null ? "no reason given" : k8s.unavailableReason())
                    + ") and no deploymentStatus in the release file");
            return;
        }
        List<KubernetesStatus.DeploymentRollout> deployments = k8s.deployments();
        long complete = deployments.stream().filter(KubernetesStatus.DeploymentRollout::complete).count();
        List<String> incomplete = deployments.stream().filter(d -> !d.complete())
                .map(KubernetesStatus.DeploymentRollout::name).toList();
        String text = (incomplete.isEmpty() ? "Complete" : "Incomplete") + " (" + complete + " of "
                + deployments.size() + " deployments rolled out" + (incomplete.isEmpty() ? ""
                : "; not complete: " + String.join(", ", incomplete)) + ")";
        values.text("DEPLOYMENT_STATUS", text, null);
    }

    private void services(List<ServiceKpis> services) {
        if (services.isEmpty()) {
            for (String name : List.of("INSERT_SERVICE_AVAILABILITY_BREAKDOWN", "INSERT_ERROR_RATE_BY_SERVICE",
                    "INSERT_LATENCY_DISTRIBUTION", "INSERT_RESOURCE_UTILIZATION_BY_SERVICE",
                    "INSERT_LATENCY_PERCENTILES_TABLE", "SERVICE_COUNT")) {
                values.absent(name, "ga_kpi_summary.json: services is empty");
            }
            return;
        }
        values.text("SERVICE_COUNT", Integer.toString(services.size()), null);
        List<String> availability = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<String> latency = new ArrayList<>();
        List<String> resources = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (ServiceKpis s : services) {
            String noData = s.noDataReason() == null ? "no data" : "no data: " + s.noDataReason();
            availability.add(s.name() + ": " + (s.availabilityPercent() == null ? noData
                    : ReportFormat.plain(s.availabilityPercent(), 3) + "%"));
            errors.add(s.name() + ": " + (s.errorRatePercent() == null ? noData
                    : ReportFormat.plain(s.errorRatePercent(), 3) + "%" + (s.errors() != null && s.requests() != null
                    ? " (" + roundCount(s.errors()) + " of " + roundCount(s.requests()) + " requests)" : "")));
            latency.add(s.name() + ": P50 " + ms(s.p50LatencyMs()) + " · P95 " + ms(s.p95LatencyMs()) + " · P99 "
                    + ms(s.p99LatencyMs()));
            resources.add(s.name() + ": CPU " + (s.cpuPercent() == null ? "n/a" : ReportFormat.plain(s.cpuPercent(), 2)
                    + "%") + (s.cpuCores() == null ? "" : " (" + ReportFormat.plain(s.cpuCores(), 3) + " cores)")
                    + " · memory " + (s.memoryMb() == null ? "n/a" : ReportFormat.plain(s.memoryMb(), 1) + " MB")
                    + (s.memoryPercent() == null ? "" : " (" + ReportFormat.plain(s.memoryPercent(), 2) + "%)"));
            rows.add(List.of(s.name(), ms(s.p50LatencyMs()), ms(s.p95LatencyMs()), ms(s.p99LatencyMs()),
                    ms(s.p999LatencyMs())));
        }
        values.markdown("INSERT_SERVICE_AVAILABILITY_BREAKDOWN", MarkdownText.bullets(availability, "  "), null);
        values.markdown("INSERT_ERROR_RATE_BY_SERVICE", MarkdownText.bullets(errors, "  "), null);
        values.markdown("INSERT_LATENCY_DISTRIBUTION", MarkdownText.bullets(latency, "  "), null);
        values.markdown("INSERT_RESOURCE_UTILIZATION_BY_SERVICE", MarkdownText.bullets(resources, "  "), null);
        values.markdown("INSERT_LATENCY_PERCENTILES_TABLE", MarkdownText.rows(rows), null);
    }

    private void gaps(List<DataGap> gaps) {
        if (gaps.isEmpty()) {
            values.text("INSERT_DATA_GAPS", "None: every KPI had data for the whole window.", null);
            return;
        }
        List<String> items = new ArrayList<>();
        for (DataGap gap : gaps) {
            items.add((gap.field() == null ? "?" : gap.field()) + (gap.from() == null ? "" : " from " + gap.from()
                    + " to " + gap.to()) + ": " + gap.reason());
        }
        values.markdown("INSERT_DATA_GAPS", MarkdownText.bullets(items, ""), null);
    }

    private void keyOutcomes(KpiSummary summary) {
        List<String> items = new ArrayList<>();
        items.add("Certification: " + context.decision().status().label());
        for (Gate gate : context.decision().gates()) {
            items.add(gate.name() + ": " + gate.status() + (gate.note() == null ? "" : " (" + gate.note() + ")"));
        }
        if (summary != null) {
            OverallKpis o = summary.overall();
            items.add("Availability " + pct(o.availabilityPercent()) + ", error rate " + pct(o.errorRatePercent())
                    + ", P99 latency " + ms(o.p99LatencyMs()));
        }
        WsHealthMetrics ws = context.inputs().wsHealth();
        if (ws != null) {
            items.add("WebSocket reconnects: " + ws.successful() + " of " + ws.totalTests() + " succeeded ("
                    + pct(ws.successRatePercent()) + ")");
        }
        if (context.inputs().files().get("release").isPresent()) {
            items.add("Incidents: " + context.inputs().release().incidents().size() + "; hotfixes: "
                    + context.inputs().release().hotfixes().size());
        }
        values.markdown("INSERT_KEY_OUTCOMES", MarkdownText.bullets(items, ""), null);
    }

    // ---- WebSocket health ------------------------------------------------------------------

    private static final List<String> WS_NAMES = List.of("WS_TEST_DURATION", "WS_TOTAL_TESTS", "WS_SUCCESS_RATE",
            "WS_AVG_LATENCY", "WS_P99_LATENCY", "WS_MAX_DOWNTIME", "WS_VALIDATION_STATUS", "INSERT_WS_COMPLIANCE_NOTES",
            "INSERT_TARS_1001_VALIDATION", "INSERT_WS_VALIDATION_SUMMARY", "WS_CONNECTION_SUCCESS", "WS_ENDPOINT");

    private void webSocket() {
        WsHealthMetrics ws = context.inputs().wsHealth();
        if (ws == null) {
            WS_NAMES.forEach(name -> values.absent(name, NO_WS));
            return;
        }
        values.text("WS_ENDPOINT", ws.endpoint(), null);
        values.text("WS_TEST_DURATION", ReportFormat.plain(ws.testDurationSeconds(), 1), null);
        values.text("WS_TOTAL_TESTS", Integer.toString(ws.totalTests()), null);
        wsNumber("WS_SUCCESS_RATE", ws.successRatePercent(), 3, "successRatePercent");
        wsNumber("WS_CONNECTION_SUCCESS", ws.successRatePercent(), 3, "successRatePercent");
        WsHealthMetrics.Latency latency = ws.latencyMs() == null ? WsHealthMetrics.Latency.none() : ws.latencyMs();
        wsNumber("WS_AVG_LATENCY", latency.avg(), 1, "latencyMs.avg");
        wsNumber("WS_P99_LATENCY", latency.p99(), 1, "latencyMs.p99");
        wsNumber("WS_MAX_DOWNTIME", ws.maxDowntimeSeconds(), 3, "maxDowntimeSeconds");
        values.text("WS_VALIDATION_STATUS", symbol(ws.compliance().status()) + " " + ws.compliance().status(), null);
        List<String> notes = new ArrayList<>();
        for (CriterionResult r : ws.compliance().requirements()) {
            notes.add(describe(r));
        }
        values.markdown("INSERT_WS_COMPLIANCE_NOTES", notes.isEmpty() ? null : MarkdownText.bullets(notes, ""),
                "ws_health_metrics.json: compliance.requirements is empty");
        String summary = "Forced-disconnect reconnect validation against " + ws.endpoint() + " from "
                + ws.startedAt() + " to " + ws.finishedAt() + ": " + ws.connections() + " connections, "
                + ws.totalTests() + " reconnect tests, " + ws.successful() + " succeeded, " + ws.failed()
                + " failed" + (ws.serverInitiatedDrops() == null ? "" : "; " + ws.serverInitiatedDrops().count()
                + " server-initiated drops, " + ws.serverInitiatedDrops().recovered() + " recovered")
                + ". Compliance: " + ws.compliance().status() + ".";
        values.text("INSERT_TARS_1001_VALIDATION", summary, null);
        values.text("INSERT_WS_VALIDATION_SUMMARY", summary, null);
    }

    private void wsNumber(String name, Double value, int digits, String field) {
        values.text(name, value == null || !Double.isFinite(value) ? null : ReportFormat.plain(value, digits),
                InputFiles.WS_HEALTH + ": " + field + " absent");
    }

    // ---- release file ----------------------------------------------------------------------

    private void release() {
        boolean given = context.inputs().files().get("release").isPresent();
        ReleaseFile release = context.inputs().release();
        Function<String, String> reason = what -> given ? "release file: " + what : NO_RELEASE;
        if (given) {
            values.text("INCIDENT_COUNT", Integer.toString(release.incidents().size()), null);
            values.text("HOTFIX_COUNT", Integer.toString(release.hotfixes().size()), null);
            int[] severities = new int[5];
            release.incidents().forEach(i -> severities[i.severityLevel()]++);
            for (int level = 1; level <= 4; level++) {
                values.text("SEV" + level + "_COUNT", Integer.toString(severities[level]), null);
            }
        } else {
            for (String name : List.of("INCIDENT_COUNT", "HOTFIX_COUNT", "SEV1_COUNT", "SEV2_COUNT", "SEV3_COUNT",
                    "SEV4_COUNT")) {
                values.absent(name, NO_RELEASE);
            }
        }
        timeline("pre", "INSERT_PRE_GA_TIMELINE", reason);
        timeline("ga", "INSERT_GA_TIMELINE_ROWS", reason);
        timeline("post", "INSERT_POST_GA_TIMELINE", reason);

        List<String> details = new ArrayList<>();
        List<List<String>> incidentRows = new ArrayList<>();
        List<String> rootCauses = new ArrayList<>();
        List<String> remediations = new ArrayList<>();
        for (ReleaseFile.Incident i : release.incidents()) {
            String label = join(" · ", i.severity(), i.id(), i.title());
            details.add(label + (i.time() == null ? "" : " at " + i.time()) + (i.status() == null ? ""
                    : " (" + i.status() + ")") + (i.details() == null ? "" : ": " + i.details()));
            incidentRows.add(List.of(nz(i.time()), nz(i.severity()), i.title(), nz(i.status()),
                    i.mttrMinutes() == null ? "" : ReportFormat.plain(i.mttrMinutes(), 1) + " min"));
            if (i.rootCause() != null) {
                rootCauses.add(label + ": " + i.rootCause());
            }
            if (i.remediation() != null) {
                remediations.add(label + ": " + i.remediation());
            }
        }
        String noIncidents = given ? "None: no incidents in the release file." : null;
        values.markdown("INSERT_INCIDENT_DETAILS", details.isEmpty() ? escapeOrNull(noIncidents)
                : MarkdownText.bullets(details, ""), reason.apply("no incidents"));
        values.markdown("INSERT_INCIDENT_TIMELINE", incidentRows.isEmpty() ? null : MarkdownText.rows(incidentRows),
                reason.apply("no incidents"));
        values.markdown("INSERT_ROOT_CAUSE_ANALYSIS", rootCauses.isEmpty() ? escapeOrNull(details.isEmpty()
                ? noIncidents : null) : MarkdownText.bullets(rootCauses, ""), reason.apply("no incidents[].rootCause"));
        values.markdown("INSERT_REMEDIATION_ACTIONS", remediations.isEmpty() ? escapeOrNull(details.isEmpty()
                ? noIncidents : null) : MarkdownText.bullets(remediations, ""),
                reason.apply("no incidents[].remediation"));
        List<String> hotfixes = release.hotfixes().stream().map(h -> join(": ", h.id(), h.title())
                + (h.status() == null ? "" : " (" + h.status() + ")") + (h.notes() == null ? "" : " — " + h.notes()))
                .toList();
        values.markdown("INSERT_HOTFIXES", hotfixes.isEmpty() ? null : MarkdownText.bullets(hotfixes, ""),
                reason.apply("no hotfixes"));

        for (Map.Entry<String, String> horizon : Map.of("immediate", "INSERT_IMMEDIATE_ACTIONS", "short-term",
                "INSERT_SHORT_TERM_ACTIONS", "long-term", "INSERT_LONG_TERM_ACTIONS").entrySet()) {
            List<String> items = release.actionItems().stream().filter(a -> a.horizon().equals(horizon.getKey()))
                    .map(a -> a.title() + (a.owner() == null ? "" : " — owner: " + a.owner())
                            + (a.due() == null ? "" : ", due " + a.due())).toList();
            values.markdown(horizon.getValue(), items.isEmpty() ? null : MarkdownText.bullets(items, ""),
                    reason.apply("no actionItems with horizon " + horizon.getKey()));
        }
        ReleaseFile.Lessons lessons = release.lessons();
        list("INSERT_WHAT_WENT_WELL", lessons == null ? null : lessons.wentWell(), reason.apply("lessons.wentWell absent"));
        list("INSERT_WHAT_COULD_BE_IMPROVED", lessons == null ? null : lessons.toImprove(),
                reason.apply("lessons.toImprove absent"));
        list("INSERT_PROCESS_IMPROVEMENTS", lessons == null ? null : lessons.processImprovements(),
                reason.apply("lessons.processImprovements absent"));

        ReleaseFile.Rollback rollback = release.rollback();
        if (rollback != null && rollback.plan() != null && !rollback.plan().isEmpty()) {
            StringBuilder plan = new StringBuilder();
            for (int step = 0; step < rollback.plan().size(); step++) {
                plan.append(step == 0 ? "" : "\n").append(step + 1).append(". ")
                        .append(MarkdownText.escape(rollback.plan().get(step)));
            }
            values.markdown("INSERT_ROLLBACK_PLAN", plan.toString(), null);
        } else {
            values.absent("INSERT_ROLLBACK_PLAN", reason.apply("rollback.plan absent"));
        }
        values.text("ROLLBACK_TEST_STATUS", rollback == null ? null : rollback.testStatus(),
                reason.apply("rollback.testStatus absent"));
        values.text("ROLLBACK_TIME_ESTIMATE", rollback == null || rollback.timeEstimateMinutes() == null ? null
                : ReportFormat.plain(rollback.timeEstimateMinutes(), 1), reason.apply("rollback.timeEstimateMinutes absent"));
        values.text("DATA_MIGRATION_REVERSIBLE", rollback == null || rollback.dataMigrationReversible() == null ? null
                : rollback.dataMigrationReversible() ? "Yes" : "No", reason.apply("rollback.dataMigrationReversible absent"));

        for (String role : List.of("ENG_LEAD", "RELEASE_MANAGER", "QA_LEAD", "DEVOPS_LEAD", "SRE_LEAD", "PM", "VP_ENG")) {
            values.absent(role + "_NAME", reason.apply("signOff." + role + " absent"));
            values.absent(role + "_SIGNATURE", reason.apply("signOff." + role + " absent"));
            values.absent(role + "_DATE", reason.apply("signOff." + role + " absent"));
        }
        for (Map.Entry<String, ReleaseFile.SignOff> entry : release.signOff().entrySet()) {
            String role = entry.getKey().toUpperCase(java.util.Locale.ROOT);
            ReleaseFile.SignOff s = entry.getValue();
            values.text(role + "_NAME", s == null ? null : s.name(), reason.apply("signOff." + role + ".name absent"));
            values.text(role + "_SIGNATURE", s == null ? null : s.signature(),
                    reason.apply("signOff." + role + ".signature absent"));
            values.text(role + "_DATE", s == null ? null : s.date(), reason.apply("signOff." + role + ".date absent"));
        }
        for (Map.Entry<String, List<ReleaseFile.Link>> entry : release.links().entrySet()) {
            List<String> links = entry.getValue().stream().map(l -> MarkdownText.link(l.title(), l.url())).toList();
            values.markdown(entry.getKey(), links.isEmpty() ? null : MarkdownText.bulletsOfMarkdown(links, ""),
                    reason.apply("links." + entry.getKey() + " is empty"));
        }
    }

    private void timeline(String phase, String name, Function<String, String> reason) {
        List<ReleaseFile.TimelineEvent> events = context.inputs().release().timeline().stream()
                .filter(e -> e.phase().equals(phase)).toList();
        if (events.isEmpty()) {
            values.absent(name, reason.apply("no timeline events with phase " + phase));
            return;
        }
        if (context.tableRows().contains(name)) {
            values.markdown(name, MarkdownText.rows(events.stream().map(e -> List.of(nz(e.time()), e.event(),
                    nz(e.status()), nz(e.notes()))).toList()), null);
        } else {
            values.markdown(name, MarkdownText.bullets(events.stream().map(e -> join(" — ", e.time(), e.event())
                    + (e.status() == null ? "" : " (" + e.status() + ")") + (e.notes() == null ? "" : ": " + e.notes()))
                    .toList(), ""), null);
        }
    }

    private void list(String name, List<String> items, String reasonIfEmpty) {
        values.markdown(name, items == null || items.isEmpty() ? null : MarkdownText.bullets(items, ""), reasonIfEmpty);
    }

    // ---- certification ---------------------------------------------------------------------

    private void certification() {
        List<List<String>> rows = new ArrayList<>();
        KpiSummary summary = context.inputs().kpiSummary();
        if (summary != null) {
            for (CriterionResult r : summary.certification().criteria()) {
                rows.add(criterionRow(r, ""));
            }
        }
        WsHealthMetrics ws = context.inputs().wsHealth();
        if (ws != null) {
            for (CriterionResult r : ws.compliance().requirements()) {
                rows.add(criterionRow(r, "WebSocket: "));
            }
        }
        for (Gate gate : context.decision().gates()) {
            if (gate.note() != null && gate.note().equals("no input file")) {
                rows.add(List.of(gate.name(), gate.source() + " present", "no input file",
                        symbol(Status.NO_DATA) + " NO_DATA"));
            }
        }
        values.markdown("INSERT_CERTIFICATION_CRITERIA", rows.isEmpty() ? null : MarkdownText.rows(rows),
                "no criteria in the inputs");

        StringBuilder justification = new StringBuilder();
        justification.append(MarkdownText.escape("The package is " + context.decision().status().label() + ": "
                + switch (context.decision().status()) {
                    case CERTIFIED -> "every gate passed (warnings do not block).";
                    case NOT_CERTIFIED -> "at least one gate failed.";
                    case INCONCLUSIVE -> "no gate failed, but at least one had no data.";
                }));
        List<String> gates = new ArrayList<>();
        for (Gate gate : context.decision().gates()) {
            String failing = "";
            List<CriterionResult> criteria = gate.source().startsWith(InputFiles.KPI_SUMMARY) && summary != null
                    ? summary.certification().criteria()
                    : gate.source().startsWith(InputFiles.WS_HEALTH) && ws != null ? ws.compliance().requirements()
                    : List.of();
            List<String> notPassed = criteria.stream().filter(r -> r.status() == Status.FAIL
                    || r.status() == Status.NO_DATA).map(r -> r.name() + " " + r.status()).toList();
            if (!notPassed.isEmpty()) {
                failing = "; not passed: " + String.join(", ", notPassed);
            }
            gates.add(symbol(gate.status()) + " " + gate.name() + ": " + gate.status() + " (" + gate.source()
                    + (gate.note() == null ? "" : "; " + gate.note()) + ")" + failing);
        }
        justification.append("\n\n").append(MarkdownText.bullets(gates, ""));
        values.markdown("INSERT_CERTIFICATION_JUSTIFICATION", justification.toString(), null);
    }

    private static List<String> criterionRow(CriterionResult r, String prefix) {
        String actual = r.value() == null ? "no data" + (r.reason() == null ? "" : ": " + r.reason())
                : ReportFormat.plain(r.value(), 3) + r.unit();
        return List.of(prefix + r.name() + (r.warningOnly() ? " (warning only)" : ""), threshold(r), actual,
                symbol(r.status()) + " " + r.status());
    }

    static String describe(CriterionResult r) {
        return symbol(r.status()) + " " + r.name() + ": " + (r.value() == null ? "no data" : ReportFormat.plain(r.value(), 3)
                + r.unit()) + " (target " + threshold(r) + ")" + (r.warningOnly() ? ", warning only" : "")
                + " — " + r.status() + (r.reason() == null ? "" : ": " + r.reason());
    }

    /** "≥ 99.9%": the threshold with the mathematical signs people read. */
    public static String threshold(CriterionResult r) {
        return r.describeThreshold().replace(">=", "\u2265").replace("<=", "\u2264");
    }

    public static String symbol(Status status) {
        return switch (status) {
            case PASS -> "\u2714";
            case WARN, NO_DATA -> "\u26a0";
            case FAIL -> "\u2718";
        };
    }

    // ---- release values --------------------------------------------------------------------

    private void releaseValues() {
        for (Map.Entry<String, JsonNode> entry : context.inputs().release().values().entrySet()) {
            String name = entry.getKey();
            values.markdown(name, NodeMarkdown.render(entry.getValue(), name.startsWith("INSERT_"),
                    context.tableRows().contains(name)), "release file: values." + name + " is empty");
        }
    }

    // ---- helpers ---------------------------------------------------------------------------

    private String kpiReason(String field) {
        KpiSummary summary = context.inputs().kpiSummary();
        String reason = InputFiles.KPI_SUMMARY + ": " + field + " absent";
        for (DataGap gap : summary.gaps()) {
            if (gap.field() != null && (gap.field().equals(field) || field.endsWith("." + gap.field()))) {
                return reason + " (" + gap.reason() + ")";
            }
        }
        return reason;
    }

    private void percent(String name, Double value, String field) {
        number(name, value, 3, field);
    }

    private void millis(String name, Double value, String field) {
        number(name, value, 1, field);
    }

    private void number(String name, Double value, int digits, String field) {
        if (value == null || !Double.isFinite(value)) {
            values.absent(name, kpiReason(field));
        } else {
            values.text(name, ReportFormat.plain(value, digits), null);
        }
    }

    private void count(String name, Double value, String field) {
        if (value == null || !Double.isFinite(value)) {
            values.absent(name, kpiReason(field));
        } else {
            values.text(name, roundCount(value), null);
        }
    }

    static String roundCount(double value) {
        return ReportFormat.plain(Math.rint(value), 0);
    }

    private static String pct(Double value) {
        return value == null ? "n/a" : ReportFormat.plain(value, 3) + "%";
    }

    private static String ms(Double value) {
        return value == null ? "n/a" : ReportFormat.plain(value, 1) + " ms";
    }

    private static String nz(String text) {
        return text == null ? "" : text;
    }

    private static String orElse(String first, String second) {
        return first != null ? first : second;
    }

    private static String escapeOrNull(String text) {
        return text == null ? null : MarkdownText.escape(text);
    }

    private static String join(String separator, String... parts) {
        List<String> present = new ArrayList<>();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                present.add(part);
            }
        }
        return String.join(separator, present);
    }

    /** Reads a bundled YAML map of placeholder to binding. */
    static Map<String, String> readBindingsResource(String resource) {
        try (InputStream in = ReportValues.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            Map<String, String> map = new LinkedHashMap<>();
            Json.yaml().readTree(in).fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
