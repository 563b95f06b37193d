package dev.gaday.kpi.compute;

import dev.gaday.common.model.kpi.DataGap;
import dev.gaday.common.model.kpi.Infrastructure;
import dev.gaday.common.model.kpi.KubernetesStatus;
import dev.gaday.common.model.kpi.OverallKpis;
import dev.gaday.common.model.kpi.ServiceKpis;
import dev.gaday.common.verdict.Comparator;
import dev.gaday.common.verdict.Criterion;
import dev.gaday.common.verdict.CriterionResult;
import dev.gaday.common.verdict.Status;
import dev.gaday.common.verdict.Verdict;
import dev.gaday.kpi.config.CriterionMode;
import dev.gaday.kpi.config.KpiConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The certification criteria: the spec's four (availability, error rate, max p99, Redis hit rate),
 * the worst interval p99 and PostgreSQL p99 (off by default), each service held to the availability,
 * error-rate and p99 thresholds (or its own, {@code services:}), and the cluster's state when
 * Kubernetes is required. Each is on, warning-only or off ({@code criteria:}). A value that could not
 * be had is NO_DATA with its reason (WARN for a warning-only criterion).
 */
public final class KpiCriteria {
    public static final String OVERALL_AVAILABILITY = "overall availability";
    public static final String OVERALL_ERROR_RATE = "overall error rate";
    public static final String MAX_P99_LATENCY = "max p99 latency";
    public static final String WORST_INTERVAL_P99_LATENCY = "worst interval p99 latency";
    public static final String REDIS_HIT_RATE = "redis hit rate";
    public static final String POSTGRES_P99_LATENCY = "postgres p99 latency";

    private final KpiConfig config;
    private final KpiConfig.Thresholds thresholds;

    public KpiCriteria(KpiConfig config) {
        this.config = config;
        this.thresholds = config.thresholds();
    }

    public static String serviceCriterion(String service, String what) {
        return "service " + service + " " + what;
    }

    public Verdict certify(
            OverallKpis overall,
            List<ServiceKpis> services,
            Infrastructure infrastructure,
            KubernetesStatus kubernetes,
            boolean requireKubernetes,
            List<DataGap> gaps,
            Map<String, String> queries) {
        List<CriterionResult> results = new ArrayList<>();
        KpiConfig.Criteria modes = config.criteria();
        String overallReason = overallReason(overall, gaps);
        add(
                results,
                modes.availability(),
                Criterion.of(OVERALL_AVAILABILITY, Comparator.GREATER_OR_EQUAL, thresholds.availabilityPercent(), "%"),
                overall.availabilityPercent(),
                queries.get("overall.availabilityPercent"),
                overallReason);
        add(
                results,
                modes.errorRate(),
                Criterion.of(OVERALL_ERROR_RATE, Comparator.LESS, thresholds.errorRatePercent(), "%"),
                overall.errorRatePercent(),
                queries.get("overall.errorRatePercent"),
                overallReason);
        add(
                results,
                modes.maxP99Latency(),
                Criterion.of(MAX_P99_LATENCY, Comparator.LESS, thresholds.maxP99LatencyMs(), "ms"),
                overall.maxP99LatencyMs(),
                queries.get("overall.maxP99LatencyMs"),
                reason(gaps, "queries.latencyBuckets", "no series: no latency histogram buckets with observations"));
        add(
                results,
                modes.worstIntervalP99Latency(),
                Criterion.of(WORST_INTERVAL_P99_LATENCY, Comparator.LESS, thresholds.worstIntervalP99LatencyMs(), "ms"),
                overall.worstIntervalP99LatencyMs(),
                queries.get("overall.worstIntervalP99LatencyMs"),
                "no data: no snapshot had a service p99 (snapshots are off or had no latency buckets)");
        Double redisHitRate =
                infrastructure.redis() == null ? null : infrastructure.redis().hitRatePercent();
        add(
                results,
                modes.redisHitRate(),
                Criterion.of(REDIS_HIT_RATE, Comparator.GREATER_OR_EQUAL, thresholds.redisHitRatePercent(), "%"),
                redisHitRate,
                queries.get("infrastructure.redis.hitRatePercent"),
                reason(
                        gaps,
                        "infrastructure.redis.hitRatePercent",
                        reason(gaps, "queries.redisHitRatePercent", "no series: no Redis keyspace counters")));
        Double postgresP99 = infrastructure.postgres() == null
                ? null
                : infrastructure.postgres().p99LatencyMs();
        add(
                results,
                modes.postgresP99Latency(),
                Criterion.of(POSTGRES_P99_LATENCY, Comparator.LESS, thresholds.maxPostgresP99LatencyMs(), "ms"),
                postgresP99,
                queries.get("infrastructure.postgres.p99LatencyMs"),
                reason(
                        gaps,
                        "queries.dbLatencyBuckets",
                        "no series: no database query latency buckets with observations"));
        if (thresholds.perService() && modes.perService() != CriterionMode.OFF) {
            for (ServiceKpis service : services) {
                KpiConfig.ServiceOverride own = config.serviceOverride(service.name());
                CriterionMode mode = own.criteria() != null ? own.criteria() : modes.perService();
                String reason = service.noDataReason();
                add(
                        results,
                        mode,
                        Criterion.of(
                                serviceCriterion(service.name(), "availability"),
                                Comparator.GREATER_OR_EQUAL,
                                or(own.availabilityPercent(), thresholds.availabilityPercent()),
                                "%"),
                        service.availabilityPercent(),
                        queries.get("services[].availabilityPercent"),
                        reason);
                add(
                        results,
                        mode,
                        Criterion.of(
                                serviceCriterion(service.name(), "error rate"),
                                Comparator.LESS,
                                or(own.errorRatePercent(), thresholds.errorRatePercent()),
                                "%"),
                        service.errorRatePercent(),
                        queries.get("services[].errorRatePercent"),
                        reason);
                add(
                        results,
                        mode,
                        Criterion.of(
                                serviceCriterion(service.name(), "p99 latency"),
                                Comparator.LESS,
                                or(own.maxP99LatencyMs(), thresholds.maxP99LatencyMs()),
                                "ms"),
                        service.p99LatencyMs(),
                        queries.get("services[].p99LatencyMs"),
                        reason != null
                                ? reason
                                : reason(
                                        gaps,
                                        "queries.latencyBuckets",
                                        "no series: no latency buckets with observations"));
            }
        }
        if (requireKubernetes) {
            results.addAll(kubernetesCriteria(kubernetes));
        }
        return Verdict.of(results);
    }

    private static double or(Double own, double fleet) {
        return own != null ? own : fleet;
    }

    /**
     * Evaluates a criterion in its mode: off adds nothing; warning-only turns a miss into WARN and
     * missing data into WARN too (a warning never makes the verdict inconclusive).
     */
    private static void add(
            List<CriterionResult> results,
            CriterionMode mode,
            Criterion criterion,
            Double value,
            String source,
            String noDataReason) {
        if (mode == CriterionMode.OFF) {
            return;
        }
        CriterionResult result =
                criterion.warningOnly(mode == CriterionMode.WARNING).evaluate(value, source, noDataReason);
        if (mode == CriterionMode.WARNING && result.status() == Status.NO_DATA) {
            result = new CriterionResult(
                    result.name(),
                    result.value(),
                    result.threshold(),
                    result.comparator(),
                    result.unit(),
                    true,
                    Status.WARN,
                    result.source(),
                    result.reason());
        }
        results.add(result);
    }

    private List<CriterionResult> kubernetesCriteria(KubernetesStatus kubernetes) {
        String unavailable =
                kubernetes.available() ? null : "kubernetes unavailable: " + kubernetes.unavailableReason();
        Double incomplete = unavailable != null
                ? null
                : (double) kubernetes.deployments().stream()
                        .filter(d -> !d.complete())
                        .count();
        Double notReady =
                unavailable != null ? null : (double) kubernetes.podsNotReady().size();
        Double restarts = unavailable != null
                ? null
                : (double) kubernetes.restarts().stream()
                        .mapToInt(KubernetesStatus.PodRestarts::restartsInWindow)
                        .sum();
        String source = "kubernetes namespace " + kubernetes.namespace();
        return List.of(
                Criterion.of("kubernetes incomplete rollouts", Comparator.LESS_OR_EQUAL, 0, "")
                        .evaluate(incomplete, source + ": deployments", unavailable),
                Criterion.of("kubernetes pods not ready", Comparator.LESS_OR_EQUAL, 0, "")
                        .evaluate(notReady, source + ": pods", unavailable),
                Criterion.of(
                                "kubernetes pod restarts in window",
                                Comparator.LESS_OR_EQUAL,
                                thresholds.maxPodRestarts(),
                                "")
                        .evaluate(restarts, source + ": pods", unavailable));
    }

    private static String overallReason(OverallKpis overall, List<DataGap> gaps) {
        if (overall.totalRequests() != null && overall.totalRequests() == 0) {
            return "zero traffic: no requests in the window";
        }
        String error = reason(gaps, "queries.requests", null);
        if (error == null) {
            error = reason(gaps, "queries.errors", null);
        }
        return error != null ? error : "no series: no request counters in the window";
    }

    private static String reason(List<DataGap> gaps, String field, String fallback) {
        for (DataGap gap : gaps) {
            if (gap.field().equals(field)) {
                return gap.reason();
            }
        }
        return fallback;
    }
}
