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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Completes the window's KPIs with what only the series of snapshots can tell (peaks, averages of
 * snapshot percentiles, degraded time and recovery) and the verdict, into {@code ga_kpi_summary.json}.
 * A snapshot is degraded when its overall availability is below the availability threshold.
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
        Map<String, String> queries = new TreeMap<>(window.queries());
        List<DataGap> gaps = new ArrayList<>(window.gaps());
        gaps.addAll(extraGaps);
        OverallKpis overall = withSnapshotFigures(window.overall(), snapshots, queries);
        List<ServiceKpis> services = withPeakRps(window.services(), snapshots, queries);
        Infrastructure infrastructure = withPeaks(window.infrastructure(), snapshots, queries);
        Double redisHitRate =
                infrastructure.redis() == null ? null : infrastructure.redis().hitRatePercent();
        Verdict verdict = new KpiCriteria(config.thresholds())
                .certify(overall, services, redisHitRate, kubernetes, requireKubernetes, gaps, queries);
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

    private OverallKpis withSnapshotFigures(OverallKpis o, List<KpiSnapshot> snapshots, Map<String, String> queries) {
        if (snapshots.isEmpty()) {
            return o;
        }
        List<Double> p50 = new ArrayList<>();
        List<Double> p95 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        Double peakRps = null;
        double downtimeMinutes = 0;
        int incidents = 0;
        boolean inIncident = false;
        boolean anyAvailability = false;
        for (KpiSnapshot snapshot : snapshots) {
            OverallKpis s = snapshot.overall();
            p50.add(s.p50LatencyMs());
            p95.add(s.p95LatencyMs());
            p99.add(s.p99LatencyMs());
            if (s.totalRequests() != null) {
                double rps = s.totalRequests() / snapshot.window().duration().toSeconds();
                peakRps = peakRps == null ? rps : Math.max(peakRps, rps);
            }
            boolean degraded = s.availabilityPercent() != null
                    && s.availabilityPercent() < config.thresholds().availabilityPercent();
            anyAvailability |= s.availabilityPercent() != null;
            if (degraded) {
                downtimeMinutes += snapshot.window().duration().toSeconds() / 60.0;
                if (!inIncident) {
                    incidents++;
                }
            }
            inIncident = degraded;
        }
        queries.put("overall.avgP50LatencyMs", "mean over snapshots of overall.p50LatencyMs");
        queries.put("overall.avgP95LatencyMs", "mean over snapshots of overall.p95LatencyMs");
        queries.put("overall.avgP99LatencyMs", "mean over snapshots of overall.p99LatencyMs");
        queries.put("overall.peakRps", "max over snapshots of overall.totalRequests / window.intervalSeconds");
        queries.put(
                "overall.totalDowntimeMinutes",
                "sum of snapshot minutes with overall.availabilityPercent < thresholds.availabilityPercent");
        queries.put("overall.meanTimeToRecoveryMinutes", "totalDowntimeMinutes / number of degraded runs of snapshots");
        return new OverallKpis(
                o.availabilityPercent(),
                o.uptimePercent(),
                o.errorRatePercent(),
                o.totalRequests(),
                o.totalErrors(),
                o.p50LatencyMs(),
                o.p95LatencyMs(),
                o.p99LatencyMs(),
                KpiCalculator.mean(p50),
                KpiCalculator.mean(p95),
                KpiCalculator.mean(p99),
                o.maxP99LatencyMs(),
                o.avgRps(),
                peakRps,
                anyAvailability ? downtimeMinutes : null,
                incidents == 0 ? null : downtimeMinutes / incidents);
    }

    private static List<ServiceKpis> withPeakRps(
            List<ServiceKpis> services, List<KpiSnapshot> snapshots, Map<String, String> queries) {
        if (snapshots.isEmpty()) {
            return services;
        }
        Map<String, Double> peak = new HashMap<>();
        for (KpiSnapshot snapshot : snapshots) {
            long seconds = snapshot.window().duration().toSeconds();
            for (ServiceKpis service : snapshot.services()) {
                if (service.requests() != null) {
                    peak.merge(service.name(), service.requests() / seconds, Math::max);
                }
            }
        }
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
            Infrastructure infra, List<KpiSnapshot> snapshots, Map<String, String> queries) {
        if (snapshots.isEmpty()) {
            return infra;
        }
        Double maxDbP95 = null;
        Double peakCpu = null;
        Double peakMemory = null;
        for (KpiSnapshot snapshot : snapshots) {
            Infrastructure s = snapshot.infrastructure();
            if (s.postgres() != null) {
                maxDbP95 = max(maxDbP95, s.postgres().p95LatencyMs());
            }
            if (s.cluster() != null) {
                peakCpu = max(peakCpu, s.cluster().cpuPercent());
                peakMemory = max(peakMemory, s.cluster().memoryPercent());
            }
        }
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

    private static Double max(Double a, Double b) {
        if (b == null) {
            return a;
        }
        return a == null ? b : Math.max(a, b);
    }
}
