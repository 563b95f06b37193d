package dev.gaday.kpi.compute;

import dev.gaday.common.model.kpi.DataGap;
import dev.gaday.common.model.kpi.KubernetesStatus;
import dev.gaday.common.model.kpi.OverallKpis;
import dev.gaday.common.model.kpi.ServiceKpis;
import dev.gaday.common.verdict.Comparator;
import dev.gaday.common.verdict.Criterion;
import dev.gaday.common.verdict.CriterionResult;
import dev.gaday.common.verdict.Verdict;
import dev.gaday.kpi.config.KpiConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The certification criteria: the spec's four (availability, error rate, max p99, Redis hit rate),
 * each service held to the same availability, error-rate and p99 thresholds, and the cluster's
 * state when Kubernetes is required. A value that could not be had is NO_DATA with its reason.
 */
public final class KpiCriteria {
    public static final String OVERALL_AVAILABILITY = "overall availability";
    public static final String OVERALL_ERROR_RATE = "overall error rate";
    public static final String MAX_P99_LATENCY = "max p99 latency";
    public static final String REDIS_HIT_RATE = "redis hit rate";

    private final KpiConfig.Thresholds thresholds;

    public KpiCriteria(KpiConfig.Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    public static String serviceCriterion(String service, String what) {
        return "service " + service + " " + what;
    }

    public Verdict certify(
            OverallKpis overall,
            List<ServiceKpis> services,
            Double redisHitRate,
            KubernetesStatus kubernetes,
            boolean requireKubernetes,
            List<DataGap> gaps,
            Map<String, String> queries) {
        List<CriterionResult> results = new ArrayList<>();
        String overallReason = overallReason(overall, gaps);
        results.add(Criterion.of(
                        OVERALL_AVAILABILITY, Comparator.GREATER_OR_EQUAL, thresholds.availabilityPercent(), "%")
                .evaluate(overall.availabilityPercent(), queries.get("overall.availabilityPercent"), overallReason));
        results.add(Criterion.of(OVERALL_ERROR_RATE, Comparator.LESS, thresholds.errorRatePercent(), "%")
                .evaluate(overall.errorRatePercent(), queries.get("overall.errorRatePercent"), overallReason));
        results.add(Criterion.of(MAX_P99_LATENCY, Comparator.LESS, thresholds.maxP99LatencyMs(), "ms")
                .evaluate(
                        overall.maxP99LatencyMs(),
                        queries.get("overall.maxP99LatencyMs"),
                        reason(
                                gaps,
                                "queries.latencyBuckets",
                                "no series: no latency histogram buckets with observations")));
        results.add(Criterion.of(REDIS_HIT_RATE, Comparator.GREATER_OR_EQUAL, thresholds.redisHitRatePercent(), "%")
                .evaluate(
                        redisHitRate,
                        queries.get("infrastructure.redis.hitRatePercent"),
                        reason(
                                gaps,
                                "infrastructure.redis.hitRatePercent",
                                reason(gaps, "queries.redisHitRatePercent", "no series: no Redis keyspace counters"))));
        if (thresholds.perService()) {
            for (ServiceKpis service : services) {
                String reason = service.noDataReason();
                results.add(Criterion.of(
                                serviceCriterion(service.name(), "availability"),
                                Comparator.GREATER_OR_EQUAL,
                                thresholds.availabilityPercent(),
                                "%")
                        .evaluate(
                                service.availabilityPercent(), queries.get("services[].availabilityPercent"), reason));
                results.add(Criterion.of(
                                serviceCriterion(service.name(), "error rate"),
                                Comparator.LESS,
                                thresholds.errorRatePercent(),
                                "%")
                        .evaluate(service.errorRatePercent(), queries.get("services[].errorRatePercent"), reason));
                results.add(Criterion.of(
                                serviceCriterion(service.name(), "p99 latency"),
                                Comparator.LESS,
                                thresholds.maxP99LatencyMs(),
                                "ms")
                        .evaluate(
                                service.p99LatencyMs(),
                                queries.get("services[].p99LatencyMs"),
                                reason != null
                                        ? reason
                                        : reason(
                                                gaps,
                                                "queries.latencyBuckets",
                                                "no series: no latency buckets with observations")));
            }
        }
        if (requireKubernetes) {
            results.addAll(kubernetesCriteria(kubernetes));
        }
        return Verdict.of(results);
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
