package dev.gaday.kpi.report;

import dev.gaday.common.model.kpi.DataGap;
import dev.gaday.common.model.kpi.Infrastructure;
import dev.gaday.common.model.kpi.KpiSummary;
import dev.gaday.common.model.kpi.KubernetesStatus;
import dev.gaday.common.model.kpi.OverallKpis;
import dev.gaday.common.model.kpi.ServiceKpis;
import dev.gaday.common.text.MarkdownText;
import dev.gaday.common.text.ReportFormat;
import dev.gaday.common.verdict.CriterionResult;
import dev.gaday.common.verdict.Status;
import dev.gaday.common.verdict.StatusMarks;

/** {@code ga_kpi_summary.md}: the summary for people; the JSON stays the reference. */
public final class MarkdownReport {
    private MarkdownReport() {}

    public static String render(KpiSummary s) {
        StringBuilder md = new StringBuilder();
        md.append("# GA Day KPI Summary\n\n");
        md.append("- **Window:** ")
                .append(ReportFormat.timestamp(s.window().start()))
                .append(" to ")
                .append(ReportFormat.timestamp(s.window().end()))
                .append(" (snapshot interval ")
                .append(s.window().intervalSeconds())
                .append(" s)\n");
        md.append("- **Certification:** ")
                .append(mark(s.certification().status()))
                .append("**")
                .append(s.certification().status())
                .append("**")
                .append(s.partial() ? " (partial: the run was stopped before the window ended)" : "")
                .append('\n');
        md.append("- **Generated:** ")
                .append(ReportFormat.timestamp(s.generatedAt()))
                .append(" by kpi-collector ")
                .append(s.toolVersion())
                .append("\n\n");

        md.append(
                "## Certification criteria\n\n| Criterion | Value | Threshold | Status | Note |\n|---|---|---|---|---|\n");
        for (CriterionResult c : s.certification().criteria()) {
            md.append("| ")
                    .append(cell(c.name()))
                    .append(" | ")
                    .append(num(c.value(), ReportFormat.unitSuffix(c.unit())))
                    .append(" | ")
                    .append(cell(c.describeThreshold()))
                    .append(" | ")
                    .append(mark(c.status()))
                    .append(c.status())
                    .append(" | ")
                    .append(cell(c.reason() == null ? "" : c.reason()))
                    .append(" |\n");
        }

        OverallKpis o = s.overall();
        md.append("\n## Overall\n\n| KPI | Value |\n|---|---|\n");
        row(md, "Availability", o.availabilityPercent(), "%");
        row(md, "Uptime", o.uptimePercent(), "%");
        row(md, "Error rate", o.errorRatePercent(), "%");
        row(md, "Requests", o.totalRequests(), "");
        row(md, "Errors", o.totalErrors(), "");
        row(md, "p50 latency", o.p50LatencyMs(), " ms");
        row(md, "p95 latency", o.p95LatencyMs(), " ms");
        row(md, "p99 latency", o.p99LatencyMs(), " ms");
        row(md, "Max service p99 latency", o.maxP99LatencyMs(), " ms");
        row(md, "Average RPS", o.avgRps(), "");
        row(md, "Peak RPS (per snapshot)", o.peakRps(), "");
        row(md, "Degraded time", o.totalDowntimeMinutes(), " min");
        row(md, "Mean time to recovery", o.meanTimeToRecoveryMinutes(), " min");

        md.append(
                "\n## Services\n\n| Service | Availability | Error rate | Requests | Errors | p50 | p95 | p99 | Uptime"
                        + " | CPU cores | Memory | Note |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (ServiceKpis v : s.services()) {
            md.append("| ")
                    .append(cell(v.name()))
                    .append(" | ")
                    .append(num(v.availabilityPercent(), "%"))
                    .append(" | ")
                    .append(num(v.errorRatePercent(), "%"))
                    .append(" | ")
                    .append(num(v.requests(), ""))
                    .append(" | ")
                    .append(num(v.errors(), ""))
                    .append(" | ")
                    .append(num(v.p50LatencyMs(), " ms"))
                    .append(" | ")
                    .append(num(v.p95LatencyMs(), " ms"))
                    .append(" | ")
                    .append(num(v.p99LatencyMs(), " ms"))
                    .append(" | ")
                    .append(num(v.uptimePercent(), "%"))
                    .append(" | ")
                    .append(num(v.cpuCores(), ""))
                    .append(" | ")
                    .append(num(v.memoryMb(), " MB"))
                    .append(" | ")
                    .append(cell(v.noDataReason() == null ? "" : v.noDataReason()))
                    .append(" |\n");
        }

        Infrastructure i = s.infrastructure();
        md.append("\n## Infrastructure\n\n| KPI | Value |\n|---|---|\n");
        if (i.postgres() != null) {
            row(md, "PostgreSQL p50 latency", i.postgres().p50LatencyMs(), " ms");
            row(md, "PostgreSQL p95 latency", i.postgres().p95LatencyMs(), " ms");
            row(md, "PostgreSQL p99 latency", i.postgres().p99LatencyMs(), " ms");
            row(md, "PostgreSQL connection pool usage", i.postgres().connectionPoolUsagePercent(), "%");
        }
        if (i.redis() != null) {
            row(md, "Redis hit rate", i.redis().hitRatePercent(), "%");
            row(md, "Redis memory", i.redis().memoryMb(), " MB");
            row(md, "Redis connected clients", i.redis().connectedClients(), "");
        }
        if (i.cluster() != null) {
            row(md, "Cluster CPU", i.cluster().cpuPercent(), "%");
            row(md, "Cluster CPU peak", i.cluster().peakCpuPercent(), "%");
            row(md, "Cluster memory", i.cluster().memoryPercent(), "%");
            row(md, "Cluster memory peak", i.cluster().peakMemoryPercent(), "%");
        }
        if (i.network() != null) {
            md.append("| Network in | ")
                    .append(ReportFormat.bytes(i.network().bytesIn()))
                    .append(" |\n");
            md.append("| Network out | ")
                    .append(ReportFormat.bytes(i.network().bytesOut()))
                    .append(" |\n");
            row(md, "Network average throughput", i.network().avgThroughputMbps(), " Mbit/s");
        }

        KubernetesStatus k = s.kubernetes();
        md.append("\n## Kubernetes\n\n");
        if (!k.available()) {
            String reason =
                    k.unavailableReason() == null || k.unavailableReason().isBlank()
                            ? "not collected"
                            : k.unavailableReason();
            md.append(cell(Character.toUpperCase(reason.charAt(0)) + reason.substring(1)))
                    .append(".\n");
        } else {
            md.append("Namespace ")
                    .append(cell(k.namespace()))
                    .append(k.source() == null ? "" : ", from the " + cell(k.source()))
                    .append(".\n\n| Deployment | Desired | Updated | Available | Rollout |\n|---|---|---|---|---|\n");
            for (KubernetesStatus.DeploymentRollout d : k.deployments()) {
                md.append("| ")
                        .append(cell(d.name()))
                        .append(" | ")
                        .append(d.desiredReplicas())
                        .append(" | ")
                        .append(d.updatedReplicas())
                        .append(" | ")
                        .append(d.availableReplicas())
                        .append(" | ")
                        .append(d.complete() ? "complete" : cell("incomplete: " + d.reason()))
                        .append(" |\n");
            }
            md.append("\nRestarts in the window: ");
            md.append(k.restarts().stream()
                    .filter(r -> r.restartsInWindow() > 0)
                    .map(r -> cell(r.pod()) + " (" + r.restartsInWindow() + ")")
                    .reduce((a, b) -> a + ", " + b)
                    .orElse("none"));
            md.append(".\n\nPods not ready: ")
                    .append(
                            k.podsNotReady().isEmpty()
                                    ? "none"
                                    : String.join(
                                            ", ",
                                            k.podsNotReady().stream()
                                                    .map(MarkdownReport::cell)
                                                    .toList()))
                    .append(".\n");
        }

        if (!s.gaps().isEmpty()) {
            md.append("\n## Data gaps\n\n| Field | From | To | Reason |\n|---|---|---|---|\n");
            for (DataGap gap : s.gaps()) {
                md.append("| ")
                        .append(cell(gap.field()))
                        .append(" | ")
                        .append(gap.from() == null ? "" : gap.from())
                        .append(" | ")
                        .append(gap.to() == null ? "" : gap.to())
                        .append(" | ")
                        .append(cell(gap.reason()))
                        .append(" |\n");
            }
        }
        md.append("\nEvery value's PromQL is in `ga_kpi_summary.json` under `queries` (field path to query).\n");
        return md.toString();
    }

    private static void row(StringBuilder md, String name, Double value, String unit) {
        md.append("| ").append(name).append(" | ").append(num(value, unit)).append(" |\n");
    }

    /** The value with at most three decimals and its unit, or N/A alone. */
    private static String num(Double value, String unit) {
        return ReportFormat.withUnit(value, 3, unit);
    }

    /** Every value that comes from Prometheus, Kubernetes or the configuration goes through the one escaper. */
    private static String cell(String text) {
        return MarkdownText.escape(text);
    }

    /** "✔ " before a status word, nothing where the marks fall back to ASCII (the word stays). */
    private static String mark(Status status) {
        String symbol = StatusMarks.UNICODE.symbol(status);
        return symbol.isEmpty() ? "" : symbol + " ";
    }
}
