package dev.gaday.kpi.compute;

import dev.gaday.common.cli.BuildInfo;
import dev.gaday.common.model.FileKind;
import dev.gaday.common.model.kpi.Certification;
import dev.gaday.common.model.kpi.DataGap;
import dev.gaday.common.model.kpi.Infrastructure;
import dev.gaday.common.model.kpi.KpiSnapshot;
import dev.gaday.common.model.kpi.KpiSummary;
import dev.gaday.common.model.kpi.KubernetesStatus;
import dev.gaday.common.model.kpi.OverallKpis;
import dev.gaday.common.model.kpi.ServiceKpis;
import dev.gaday.common.verdict.Verdict;
import dev.gaday.kpi.config.KpiConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Completes the window's KPIs with what only the series of snapshots can tell (peaks, averages of
 * snapshot percentiles, worst interval p99, time below target, down time and recovery) and the verdict,
 * into {@code ga_kpi_summary.json}. A snapshot is below target when its overall availability is below
 * the availability threshold; it is down when some service in it was down ({@link #isDown}).
 */
public final class SummaryAssembler {
    private final KpiConfig config;

    public SummaryAssembler(KpiConfig config) {
        this.config = config;
    }

    public KpiSummary assemble(
            WindowKpis window,
            List<KpiSnapshot> snapshots,
            KubernetesStatus kubernetes,
            boolean requireKubernetes,
            boolean partial,
            Instant generatedAt,
            List<DataGap> extraGaps) {
        return assemble(
                window,
                SnapshotFigures.of(config.thresholds().availabilityPercent(), snapshots),
                kubernetes,
                requireKubernetes,
                partial,
                generatedAt,
                extraGaps);
    }

    /** As above, from the snapshots' figures folded in as they were computed (the snapshots are not kept). */
    public KpiSummary assemble(
            WindowKpis window,
            SnapshotFigures snapshots,
            KubernetesStatus kubernetes,
            boolean requireKubernetes,
            boolean partial,
            Instant generatedAt,
            List<DataGap> extraGaps) {
        Map<String, String> queries = new TreeMap<>(window.queries());
        List<DataGap> gaps = new ArrayList<>(window.gaps());
        gaps.addAll(extraGaps);
        OverallKpis overall = withSnapshotFigures(window.overall(), snapshots, queries);
        snapshotFigureGaps(overall, snapshots, window, gaps);
        List<ServiceKpis> services = withPeakRps(window.services(), snapshots, queries);
        Infrastructure infrastructure = withPeaks(window.infrastructure(), snapshots, queries);
        Verdict verdict = new KpiCriteria(config)
                .certify(overall, services, infrastructure, kubernetes, requireKubernetes, gaps, queries);
        return new KpiSummary(
                FileKind.KPI_SUMMARY.schemaVersion(),
                FileKind.KPI_SUMMARY.id(),
                BuildInfo.version(),
                generatedAt,
                partial,
                window.window(),
                overall,
                services,
                infrastructure,
                kubernetes,
                window.observability(),
                Certification.of(verdict),
                gaps,
                queries);
    }

    /** A figures accumulator for this configuration's availability target. */
    public SnapshotFigures newFigures() {
        return new SnapshotFigures(config.thresholds().availabilityPercent());
    }

    private OverallKpis withSnapshotFigures(OverallKpis o, SnapshotFigures snapshots, Map<String, String> queries) {
        if (snapshots.isEmpty()) {
            return o;
        }
        queries.put("overall.avgP50LatencyMs", "mean over snapshots of overall.p50LatencyMs");
        queries.put("overall.avgP95LatencyMs", "mean over snapshots of overall.p95LatencyMs");
        queries.put("overall.avgP99LatencyMs", "mean over snapshots of overall.p99LatencyMs");
        queries.put("overall.peakRps", "max over snapshots of overall.totalRequests / window.intervalSeconds");
        queries.put(
                "overall.totalDowntimeMinutes",
                "sum of snapshot minutes with overall.availabilityPercent < thresholds.availabilityPercent");
        queries.put(
                "overall.timeBelowTargetMinutes",
                "sum of snapshot minutes with overall.availabilityPercent < thresholds.availabilityPercent");
        queries.put(
                "overall.downtimeMinutes",
                "sum of snapshot minutes in which some service had requests but none"
                        + " succeeded (services[].errors = services[].requests), or services[].uptimePercent = 0 (every"
                        + " instance had up = 0)");
        queries.put("overall.meanTimeToRecoveryMinutes", "downtimeMinutes / number of runs of down snapshots");
        queries.put("overall.worstIntervalP99LatencyMs", "max over snapshots of services[].p99LatencyMs");
        return new OverallKpis(
                o.availabilityPercent(),
                o.uptimePercent(),
                o.errorRatePercent(),
                o.totalRequests(),
                o.totalErrors(),
                o.p50LatencyMs(),
                o.p95LatencyMs(),
                o.p99LatencyMs(),
                snapshots.avgP50(),
                snapshots.avgP95(),
                snapshots.avgP99(),
                o.maxP99LatencyMs(),
                o.avgRps(),
                snapshots.peakRps(),
                snapshots.timeBelowTargetMinutes(),
                snapshots.meanTimeToRecoveryMinutes(),
                snapshots.downtimeMinutes(),
                snapshots.timeBelowTargetMinutes(),
                snapshots.worstIntervalP99());
    }

    /** Why a figure only snapshots can give is null: no snapshots, no down period, no value in any of them. */
    private static void snapshotFigureGaps(
            OverallKpis o, SnapshotFigures snapshots, WindowKpis window, List<DataGap> gaps) {
        Map<String, Double> figures = new java.util.LinkedHashMap<>();
        figures.put("overall.avgP50LatencyMs", o.avgP50LatencyMs());
        figures.put("overall.avgP95LatencyMs", o.avgP95LatencyMs());
        figures.put("overall.avgP99LatencyMs", o.avgP99LatencyMs());
        figures.put("overall.peakRps", o.peakRps());
        figures.put("overall.totalDowntimeMinutes", o.totalDowntimeMinutes());
        figures.put("overall.timeBelowTargetMinutes", o.timeBelowTargetMinutes());
        figures.put("overall.downtimeMinutes", o.downtimeMinutes());
        figures.put("overall.meanTimeToRecoveryMinutes", o.meanTimeToRecoveryMinutes());
        figures.put("overall.worstIntervalP99LatencyMs", o.worstIntervalP99LatencyMs());
        figures.forEach((field, value) -> {
            if (value != null) {
                return;
            }
            String reason = snapshots.isEmpty()
                    ? "no snapshots: the figure comes from the series of snapshots"
                    : field.equals("overall.meanTimeToRecoveryMinutes") && o.downtimeMinutes() != null
                            ? "no down period: nothing to recover from"
                            : "no data: no snapshot had the values this figure comes from";
            gaps.add(new DataGap(
                    field, null, window.window().start(), window.window().end(), reason));
        });
    }

    /**
     * Down, not merely degraded: requests came and none succeeded, or every instance had {@code up} = 0
     * over the whole interval (uptime 0 %).
     */
    static boolean isDown(ServiceKpis service) {
        boolean noSuccess = service.requests() != null
                && service.requests() > 0
                && service.errors() != null
                && service.errors() >= service.requests();
        boolean allInstancesDown = service.uptimePercent() != null && service.uptimePercent() == 0.0;
        return noSuccess || allInstancesDown;
    }

    private static List<ServiceKpis> withPeakRps(
            List<ServiceKpis> services, SnapshotFigures snapshots, Map<String, String> queries) {
        if (snapshots.isEmpty()) {
            return services;
        }
        Map<String, Double> peak = snapshots.servicePeakRps();
        queries.put("services[].peakRps", "max over snapshots of services[].requests / window.intervalSeconds");
        List<ServiceKpis> result = new ArrayList<>();
        for (ServiceKpis s : services) {
            result.add(new ServiceKpis(
                    s.name(),
                    s.availabilityPercent(),
                    s.uptimePercent(),
                    s.requests(),
                    s.errors(),
                    s.errorRatePercent(),
                    s.p50LatencyMs(),
                    s.p95LatencyMs(),
                    s.p99LatencyMs(),
                    s.p999LatencyMs(),
                    peak.get(s.name()),
                    s.cpuCores(),
                    s.cpuPercent(),
                    s.memoryMb(),
                    s.memoryPercent(),
                    s.noDataReason()));
        }
        return result;
    }

    private static Infrastructure withPeaks(
            Infrastructure infra, SnapshotFigures snapshots, Map<String, String> queries) {
        if (snapshots.isEmpty()) {
            return infra;
        }
        Double maxDbP95 = snapshots.maxDbP95();
        Double peakCpu = snapshots.peakClusterCpu();
        Double peakMemory = snapshots.peakClusterMemory();
        queries.put(
                "infrastructure.postgres.maxP95LatencyMs",
                "max over snapshots of infrastructure.postgres.p95LatencyMs");
        queries.put("infrastructure.cluster.peakCpuPercent", "max over snapshots of infrastructure.cluster.cpuPercent");
        queries.put(
                "infrastructure.cluster.peakMemoryPercent",
                "max over snapshots of infrastructure.cluster.memoryPercent");
        Infrastructure.Postgres postgres = infra.postgres() == null
                ? null
                : new Infrastructure.Postgres(
                        infra.postgres().p50LatencyMs(),
                        infra.postgres().p95LatencyMs(),
                        infra.postgres().p99LatencyMs(),
                        maxDbP95,
                        infra.postgres().connectionPoolUsagePercent());
        Infrastructure.Cluster cluster = infra.cluster() == null
                ? null
                : new Infrastructure.Cluster(
                        infra.cluster().cpuPercent(), peakCpu, infra.cluster().memoryPercent(), peakMemory);
        return new Infrastructure(postgres, infra.redis(), cluster, infra.network());
    }
}
