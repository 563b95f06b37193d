package dev.gaday.kpi.check;

import dev.gaday.kpi.compute.KpiCalculator;
import dev.gaday.kpi.compute.KpiCriteria;
import dev.gaday.kpi.config.CriterionMode;
import dev.gaday.kpi.config.KpiConfig;
import dev.gaday.kpi.config.QueryKey;
import dev.gaday.kpi.config.ServiceFamily;
import dev.gaday.kpi.query.Evaluation;
import dev.gaday.kpi.query.Evaluation.LabeledValue;
import dev.gaday.kpi.query.QueryRunner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The pre-flight: every KPI query over a look-back window, and what it says about the GA day to
 * come: which series exist, which label carries the service, how many services each KPI sees, which
 * KPIs would be null and why, and the criteria with the KPIs they are judged on.
 */
public final class Preflight {

    /** One KPI query's answer. */
    public record KpiCheck(
            QueryKey key,
            String promql,
            int series,
            Integer services,
            Map<String, Integer> serviceLabels,
            String nullReason,
            boolean required) {
        public boolean hasData() {
            return nullReason == null;
        }
    }

    /** One configured criterion: its mode, threshold and the KPIs it reads. */
    public record CriterionCheck(String name, CriterionMode mode, String threshold, List<QueryKey> sources) {}

    public record Report(Instant at, long lookbackSeconds, List<KpiCheck> kpis, List<CriterionCheck> criteria) {
        public List<QueryKey> nullKpis() {
            return kpis.stream().filter(k -> !k.hasData()).map(KpiCheck::key).toList();
        }

        public List<QueryKey> requiredWithoutData() {
            return kpis.stream()
                    .filter(k -> k.required() && !k.hasData())
                    .map(KpiCheck::key)
                    .toList();
        }
    }

    private final KpiConfig config;

    public Preflight(KpiConfig config) {
        this.config = config;
    }

    public Report run(QueryRunner runner, Instant at, long lookbackSeconds) {
        KpiCalculator calculator = new KpiCalculator(config);
        Map<QueryKey, String> queries = calculator.queriesFor(lookbackSeconds, false);
        Map<QueryKey, QueryRunner.Outcome> outcomes = runner.instant(queries, at, null, true);
        Evaluation evaluation = Evaluation.ofInstant(at, outcomes);
        List<CriterionCheck> criteria = criteria();
        Set<QueryKey> required = EnumSet.noneOf(QueryKey.class);
        for (CriterionCheck criterion : criteria) {
            if (criterion.mode() == CriterionMode.ON) {
                required.addAll(criterion.sources());
            }
        }
        required.remove(QueryKey.ERRORS); // no error series only means no errors
        List<KpiCheck> kpis = new ArrayList<>();
        for (QueryKey key : QueryKey.values()) {
            kpis.add(check(key, evaluation, required.contains(key)));
        }
        return new Report(at, lookbackSeconds, kpis, criteria);
    }

    private KpiCheck check(QueryKey key, Evaluation evaluation, boolean required) {
        String error = evaluation.error(key);
        List<LabeledValue> values = error != null ? List.of() : evaluation.values(key);
        String reason = error;
        if (reason == null && values.isEmpty()) {
            reason = key == QueryKey.ERRORS ? null : "no series: the query returned nothing over the look-back";
        } else if (reason == null && values.stream().noneMatch(v -> Double.isFinite(v.value()))) {
            reason = "no data: the answer is not a finite number (e.g. 0/0)";
        }
        Integer services = null;
        Map<String, Integer> labels = new TreeMap<>();
        if (key.scope() == QueryKey.Scope.SERVICE) {
            ServiceFamily family = key.serviceFamily();
            Set<String> names = new TreeSet<>();
            for (LabeledValue value : values) {
                String carrier = "(none)";
                for (String label : config.labels().serviceLabels(family)) {
                    String name = value.labels().get(label);
                    if (name != null && !name.isBlank()) {
                        carrier = label;
                        names.add(name);
                        break;
                    }
                }
                labels.merge(carrier, 1, Integer::sum);
            }
            services = names.size();
            if (reason == null && names.isEmpty() && !values.isEmpty()) {
                reason = "no service: no series carries "
                        + String.join(" or ", config.labels().serviceLabels(family));
            }
        }
        return new KpiCheck(key, evaluation.promql(key), values.size(), services, labels, reason, required);
    }

    private List<CriterionCheck> criteria() {
        KpiConfig.Criteria modes = config.criteria();
        KpiConfig.Thresholds t = config.thresholds();
        List<CriterionCheck> result = new ArrayList<>();
        result.add(new CriterionCheck(
                KpiCriteria.OVERALL_AVAILABILITY,
                modes.availability(),
                ">= " + t.availabilityPercent() + "%",
                List.of(QueryKey.REQUESTS, QueryKey.ERRORS)));
        result.add(new CriterionCheck(
                KpiCriteria.OVERALL_ERROR_RATE,
                modes.errorRate(),
                "< " + t.errorRatePercent() + "%",
                List.of(QueryKey.REQUESTS, QueryKey.ERRORS)));
        result.add(new CriterionCheck(
                KpiCriteria.MAX_P99_LATENCY,
                modes.maxP99Latency(),
                "< " + t.maxP99LatencyMs() + "ms",
                List.of(QueryKey.LATENCY_BUCKETS)));
        result.add(new CriterionCheck(
                KpiCriteria.WORST_INTERVAL_P99_LATENCY,
                modes.worstIntervalP99Latency(),
                "< " + t.worstIntervalP99LatencyMs() + "ms",
                List.of(QueryKey.LATENCY_BUCKETS)));
        result.add(new CriterionCheck(
                KpiCriteria.REDIS_HIT_RATE,
                modes.redisHitRate(),
                ">= " + t.redisHitRatePercent() + "%",
                List.of(QueryKey.REDIS_HIT_RATE_PERCENT)));
        result.add(new CriterionCheck(
                KpiCriteria.POSTGRES_P99_LATENCY,
                modes.postgresP99Latency(),
                "< " + t.maxPostgresP99LatencyMs() + "ms",
                List.of(QueryKey.DB_LATENCY_BUCKETS)));
        CriterionMode perService = t.perService() ? modes.perService() : CriterionMode.OFF;
        result.add(new CriterionCheck(
                "service <name> availability, error rate, p99 latency",
                perService,
                "as above"
                        + (config.services().isEmpty()
                                ? ""
                                : "; own thresholds for "
                                        + String.join(", ", config.services().keySet())),
                List.of(QueryKey.REQUESTS, QueryKey.ERRORS, QueryKey.LATENCY_BUCKETS)));
        return result;
    }

    /** The report as text: one line per KPI, the criteria, and the null KPIs at the end. */
    public static List<String> format(Report report, String source) {
        List<String> lines = new ArrayList<>();
        lines.add("kpi-collector check: " + source + " at " + report.at() + ", look-back " + report.lookbackSeconds()
                + "s");
        lines.add(String.format(
                "%-24s %-5s %7s %9s  %s", "KPI", "data", "series", "services", "service label / why null"));
        for (KpiCheck kpi : report.kpis()) {
            String label = kpi.serviceLabels().isEmpty() ? "" : describe(kpi.serviceLabels());
            String detail = kpi.hasData() ? label : (label.isEmpty() ? "" : label + "; ") + kpi.nullReason();
            lines.add(String.format(
                            "%-24s %-5s %7d %9s  %s",
                            kpi.key().configKey(),
                            kpi.hasData() ? "yes" : kpi.required() ? "NULL!" : "null",
                            kpi.series(),
                            kpi.services() == null ? "-" : kpi.services().toString(),
                            detail)
                    .stripTrailing());
        }
        lines.add("criteria:");
        for (CriterionCheck criterion : report.criteria()) {
            lines.add(
                    "  " + criterion.name() + ": " + criterion.mode().text() + ", " + criterion.threshold() + ", from "
                            + String.join(
                                    ", ",
                                    criterion.sources().stream()
                                            .map(QueryKey::configKey)
                                            .toList()));
        }
        lines.add("null KPIs: " + join(report.nullKpis()));
        lines.add("required KPIs without data: " + join(report.requiredWithoutData()));
        return lines;
    }

    private static String describe(Map<String, Integer> labels) {
        Map<String, Integer> ordered = new LinkedHashMap<>(labels);
        List<String> parts = new ArrayList<>();
        ordered.forEach((label, count) -> parts.add(label + " (" + count + " series)"));
        return String.join(", ", parts);
    }

    private static String join(List<QueryKey> keys) {
        return keys.isEmpty()
                ? "none"
                : String.join(", ", keys.stream().map(QueryKey::configKey).toList());
    }
}
