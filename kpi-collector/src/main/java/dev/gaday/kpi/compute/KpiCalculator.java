package dev.gaday.kpi.compute;

import dev.gaday.common.model.kpi.DataGap;
import dev.gaday.common.model.kpi.Infrastructure;
import dev.gaday.common.model.kpi.Observability;
import dev.gaday.common.model.kpi.OverallKpis;
import dev.gaday.common.model.kpi.ServiceKpis;
import dev.gaday.common.model.kpi.Window;
import dev.gaday.kpi.config.KpiConfig;
import dev.gaday.kpi.config.QueryKey;
import dev.gaday.kpi.config.ServiceFamily;
import dev.gaday.kpi.query.Evaluation;
import dev.gaday.kpi.query.Evaluation.LabeledValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns one {@link Evaluation} into KPIs. Availability and error rate come from the request and
 * error counts (a service with requests but no error series has 0 errors); percentiles from the
 * merged window buckets. For the summary, every value's PromQL (or, for a derived value, the
 * equivalent PromQL) is recorded under its field path; snapshots do not keep it.
 */
public final class KpiCalculator {
    static final double BYTES_PER_MB = 1024.0 * 1024.0;
    public static final String MISSING_SERVICE_LABEL = "(no service label)";

    private final KpiConfig config;

    public KpiCalculator(KpiConfig config) {
        this.config = config;
    }

    /** The KPIs of a window and the PromQL behind each value (for the summary). */
    public WindowKpis compute(Window window, Evaluation evaluation) {
        return compute(window, evaluation, true);
    }

    /**
     * The KPIs of a window; with {@code withQueries}, also the PromQL behind each value. Snapshots do
     * not keep it (the summary does): building those strings for each of them was wasted work.
     */
    public WindowKpis compute(Window window, Evaluation evaluation, boolean withQueries) {
        long windowSeconds = window.duration().toSeconds();
        List<DataGap> gaps = new ArrayList<>();
        for (QueryKey key : QueryKey.values()) {
            if (!evaluation.asked(key)) {
                continue;
            }
            String error = evaluation.error(key);
            if (error != null) {
                gaps.add(new DataGap(
                        "queries." + key.configKey(), evaluation.promql(key), window.start(), window.end(), error));
            } else if (evaluation.values(key).isEmpty() && key != QueryKey.ERRORS) {
                // (No error series just means no errors.)
                gaps.add(new DataGap(
                        "queries." + key.configKey(),
                        evaluation.promql(key),
                        window.start(),
                        window.end(),
                        "no series: the query returned nothing for this window"));
            } else if (key.scope() != QueryKey.Scope.SERVICE
                    && key != QueryKey.REDIS_HIT_RATE_PERCENT
                    && evaluation.values(key).stream().noneMatch(v -> Double.isFinite(v.value()))) {
                gaps.add(new DataGap(
                        "queries." + key.configKey(),
                        evaluation.promql(key),
                        window.start(),
                        window.end(),
                        "no data: the answer is not a finite number (e.g. 0/0) for this window"));
            }
        }

        String serviceLabel = String.join(", ", config.labels().serviceLabels(ServiceFamily.REQUESTS));
        Map<String, Double> requests = byService(evaluation, QueryKey.REQUESTS, false);
        Map<String, Double> errors = byService(evaluation, QueryKey.ERRORS, false);
        Map<String, Double> uptime = byService(evaluation, QueryKey.UPTIME_PERCENT, true);
        Map<String, Double> cpuCores = byService(evaluation, QueryKey.CPU_CORES, false);
        Map<String, Double> cpuPercent = byService(evaluation, QueryKey.CPU_PERCENT, true);
        Map<String, Double> memory = byService(evaluation, QueryKey.MEMORY_BYTES, false);
        Map<String, List<HistogramQuantile.Bucket>> buckets = new HashMap<>();
        // The fleet's buckets summed by bound as they come (in the order histogram_quantile's merge of equal
        // bounds would add them): a few buckets to sort per window, not one per service and bound.
        Map<Double, Double> fleetBuckets = new LinkedHashMap<>();
        for (LabeledValue value : evaluation.values(QueryKey.LATENCY_BUCKETS)) {
            HistogramQuantile.Bucket bucket = new HistogramQuantile.Bucket(
                    HistogramQuantile.parseBound(value.labels().get("le")), value.value());
            buckets.computeIfAbsent(serviceName(ServiceFamily.LATENCY, value.labels()), k -> new ArrayList<>())
                    .add(bucket);
            if (!Double.isNaN(bucket.upperBound()) && !Double.isNaN(bucket.count())) {
                fleetBuckets.merge(bucket.upperBound(), bucket.count(), Double::sum);
            }
        }

        TreeSet<String> names = new TreeSet<>();
        // A service is what serves requests: exporters that only have `up` (postgres, redis, node) are not.
        names.addAll(requests.keySet());
        names.addAll(buckets.keySet());

        String requestsQ = evaluation.promql(QueryKey.REQUESTS);

        List<ServiceKpis> services = new ArrayList<>();
        String requestsError = evaluation.error(QueryKey.REQUESTS);
        String errorsError = evaluation.error(QueryKey.ERRORS);
        for (String name : names) {
            Double serviceRequests = requests.get(name);
            Double serviceErrors =
                    errorsError != null ? null : serviceRequests == null ? null : errors.getOrDefault(name, 0.0);
            Double availability = null;
            Double errorRate = null;
            String reason = null;
            if (requestsError != null) {
                reason = requestsError;
            } else if (errorsError != null) {
                reason = errorsError;
            } else if (serviceRequests == null) {
                reason = "no series: no request counter for this service in the window";
            } else if (!(serviceRequests > 0)) {
                reason = "zero traffic: no requests in the window";
            } else {
                double failed = Math.min(Math.max(serviceErrors, 0), serviceRequests);
                errorRate = 100.0 * failed / serviceRequests;
                availability = 100.0 - errorRate;
            }
            if (reason != null) {
                gaps.add(new DataGap(
                        "services[" + name + "].availabilityPercent", requestsQ, window.start(), window.end(), reason));
            }
            Double[] latency = latencyMs(buckets.getOrDefault(name, List.of()));
            Double memoryBytes = memory.get(name);
            if (withQueries) {
                // Every null has a gap (the summary's rule); snapshots keep only the window-level ones.
                serviceGap(
                        gaps,
                        evaluation,
                        window,
                        name,
                        "p99LatencyMs",
                        latency[2],
                        QueryKey.LATENCY_BUCKETS,
                        "no latency histogram buckets with observations");
                serviceGap(
                        gaps,
                        evaluation,
                        window,
                        name,
                        "uptimePercent",
                        uptime.get(name),
                        QueryKey.UPTIME_PERCENT,
                        "no up series");
                serviceGap(
                        gaps,
                        evaluation,
                        window,
                        name,
                        "cpuCores",
                        cpuCores.get(name),
                        QueryKey.CPU_CORES,
                        "no process CPU counter");
                serviceGap(
                        gaps,
                        evaluation,
                        window,
                        name,
                        "memoryMb",
                        memoryBytes,
                        QueryKey.MEMORY_BYTES,
                        "no process resident-memory gauge");
                gaps.add(new DataGap(
                        "services[" + name + "].memoryPercent",
                        null,
                        window.start(),
                        window.end(),
                        "not measured: the configuration has no memory-limit query (memoryMb is the resident memory)"));
            }
            services.add(new ServiceKpis(
                    name,
                    availability,
                    uptime.get(name),
                    serviceRequests,
                    serviceErrors,
                    errorRate,
                    latency[0],
                    latency[1],
                    latency[2],
                    latency[3],
                    null,
                    cpuCores.get(name),
                    cpuPercent.get(name),
                    memoryBytes == null ? null : memoryBytes / BYTES_PER_MB,
                    null,
                    reason));
        }
        if (requestsError == null && names.isEmpty()) {
            gaps.add(new DataGap(
                    "services",
                    requestsQ,
                    window.start(),
                    window.end(),
                    "no series: no service has request, up or latency series (labels.service is '" + serviceLabel
                            + "')"));
        }

        List<HistogramQuantile.Bucket> allBuckets = new ArrayList<>(fleetBuckets.size());
        fleetBuckets.forEach((bound, count) -> allBuckets.add(new HistogramQuantile.Bucket(bound, count)));
        OverallKpis overall =
                overall(services, allBuckets, requestsError == null && errorsError == null, windowSeconds);
        Infrastructure infrastructure = infrastructure(evaluation, windowSeconds, gaps, window);
        Observability observability = observability(evaluation);
        return new WindowKpis(
                window,
                overall,
                services,
                infrastructure,
                observability,
                gaps,
                withQueries ? queries(evaluation, windowSeconds) : Map.of());
    }

    private OverallKpis overall(
            List<ServiceKpis> services,
            List<HistogramQuantile.Bucket> allBuckets,
            boolean countsOk,
            long windowSeconds) {
        Double totalRequests = null;
        Double totalErrors = null;
        if (countsOk) {
            for (ServiceKpis service : services) {
                if (service.requests() != null) {
                    totalRequests = (totalRequests == null ? 0 : totalRequests) + service.requests();
                    totalErrors = (totalErrors == null ? 0 : totalErrors) + service.errors();
                }
            }
        }
        Double availability = null;
        Double errorRate = null;
        if (totalRequests != null && totalRequests > 0) {
            errorRate = 100.0 * Math.min(Math.max(totalErrors, 0), totalRequests) / totalRequests;
            availability = 100.0 - errorRate;
        }
        Double uptime = mean(services.stream().map(ServiceKpis::uptimePercent).toList());
        Double maxP99 = null;
        for (ServiceKpis service : services) {
            if (service.p99LatencyMs() != null) {
                maxP99 = maxP99 == null ? service.p99LatencyMs() : Math.max(maxP99, service.p99LatencyMs());
            }
        }
        Double[] latency = latencyMs(allBuckets);
        return new OverallKpis(
                availability,
                uptime,
                errorRate,
                totalRequests,
                totalErrors,
                latency[0],
                latency[1],
                latency[2],
                null,
                null,
                null,
                maxP99,
                totalRequests == null ? null : totalRequests / windowSeconds,
                null,
                null,
                null);
    }

    private Infrastructure infrastructure(
            Evaluation evaluation, long windowSeconds, List<DataGap> gaps, Window window) {
        List<HistogramQuantile.Bucket> dbBuckets = new ArrayList<>();
        for (LabeledValue value : evaluation.values(QueryKey.DB_LATENCY_BUCKETS)) {
            dbBuckets.add(new HistogramQuantile.Bucket(
                    HistogramQuantile.parseBound(value.labels().get("le")), value.value()));
        }
        Infrastructure.Postgres postgres = null;
        Double[] db = latencyMs(dbBuckets);
        Double dbP50 = db[0];
        Double dbPool = finite(evaluation.single(QueryKey.DB_POOL_USAGE_PERCENT));
        if (dbP50 != null || dbPool != null) {
            postgres = new Infrastructure.Postgres(dbP50, db[1], db[2], null, dbPool);
        }

        Double hitRate = finite(evaluation.single(QueryKey.REDIS_HIT_RATE_PERCENT));
        Double redisMemory = finite(evaluation.single(QueryKey.REDIS_MEMORY_BYTES));
        Double redisClients = finite(evaluation.single(QueryKey.REDIS_CONNECTED_CLIENTS));
        Infrastructure.Redis redis = hitRate == null && redisMemory == null && redisClients == null
                ? null
                : new Infrastructure.Redis(
                        hitRate, redisMemory == null ? null : redisMemory / BYTES_PER_MB, redisClients);
        if (evaluation.asked(QueryKey.REDIS_HIT_RATE_PERCENT)
                && hitRate == null
                && evaluation.error(QueryKey.REDIS_HIT_RATE_PERCENT) == null) {
            Double raw = evaluation.single(QueryKey.REDIS_HIT_RATE_PERCENT);
            gaps.add(new DataGap(
                    "infrastructure.redis.hitRatePercent",
                    evaluation.promql(QueryKey.REDIS_HIT_RATE_PERCENT),
                    window.start(),
                    window.end(),
                    raw == null ? "no series: no Redis keyspace hit/miss counters" : "zero traffic: no Redis lookups"));
        }

        Double cpu = finite(evaluation.single(QueryKey.CLUSTER_CPU_PERCENT));
        Double memory = finite(evaluation.single(QueryKey.CLUSTER_MEMORY_PERCENT));
        Infrastructure.Cluster cluster =
                cpu == null && memory == null ? null : new Infrastructure.Cluster(cpu, null, memory, null);

        Double in = finite(evaluation.single(QueryKey.NETWORK_RECEIVE_BYTES));
        Double out = finite(evaluation.single(QueryKey.NETWORK_TRANSMIT_BYTES));
        Infrastructure.Network network = in == null && out == null
                ? null
                : new Infrastructure.Network(
                        in, out, in == null || out == null ? null : (in + out) * 8 / 1e6 / windowSeconds);
        return new Infrastructure(postgres, redis, cluster, network);
    }

    private Observability observability(Evaluation evaluation) {
        Integer fired = null;
        Integer critical = null;
        Integer warning = null;
        if (evaluation.asked(QueryKey.FIRING_ALERTS) && evaluation.error(QueryKey.FIRING_ALERTS) == null) {
            double total = 0;
            double criticalCount = 0;
            double warningCount = 0;
            for (LabeledValue value : evaluation.values(QueryKey.FIRING_ALERTS)) {
                total += value.value();
                String severity = value.labels().getOrDefault("severity", "");
                if (severity.equalsIgnoreCase("critical")) {
                    criticalCount += value.value();
                } else if (severity.equalsIgnoreCase("warning")) {
                    warningCount += value.value();
                }
            }
            fired = (int) Math.round(total);
            critical = (int) Math.round(criticalCount);
            warning = (int) Math.round(warningCount);
        }
        return new Observability(
                finite(evaluation.single(QueryKey.PROMETHEUS_UPTIME_PERCENT)),
                finite(evaluation.single(QueryKey.ACTIVE_SERIES)),
                finite(evaluation.single(QueryKey.SAMPLES_PER_SECOND)),
                null,
                fired,
                critical,
                warning);
    }

    /**
     * The PromQL behind each value, by field path: the query itself, or for a derived value the
     * equivalent PromQL. A field is listed when its query was asked.
     */
    private static Map<String, String> queries(Evaluation evaluation, long windowSeconds) {
        Map<String, String> queries = new TreeMap<>();
        String requestsQ = evaluation.promql(QueryKey.REQUESTS);
        String errorsQ = evaluation.promql(QueryKey.ERRORS);
        String bucketsQ = evaluation.promql(QueryKey.LATENCY_BUCKETS);
        String errorsOrZero = "((" + errorsQ + ") or (" + requestsQ + ") * 0)";
        queries.put("services[].requests", requestsQ);
        queries.put("services[].errors", errorsOrZero);
        queries.put("services[].availabilityPercent", "100 * (1 - " + errorsOrZero + " / (" + requestsQ + "))");
        queries.put("services[].errorRatePercent", "100 * " + errorsOrZero + " / (" + requestsQ + ")");
        queries.put("services[].p50LatencyMs", quantileQuery(0.5, bucketsQ));
        queries.put("services[].p95LatencyMs", quantileQuery(0.95, bucketsQ));
        queries.put("services[].p99LatencyMs", quantileQuery(0.99, bucketsQ));
        queries.put("services[].p999LatencyMs", quantileQuery(0.999, bucketsQ));
        queries.put("services[].uptimePercent", evaluation.promql(QueryKey.UPTIME_PERCENT));
        queries.put("services[].cpuCores", evaluation.promql(QueryKey.CPU_CORES));
        queries.put("services[].cpuPercent", evaluation.promql(QueryKey.CPU_PERCENT));
        queries.put("services[].memoryMb", "(" + evaluation.promql(QueryKey.MEMORY_BYTES) + ") / 1048576");

        String overallBuckets = "sum by (le) (" + bucketsQ + ")";
        queries.put("overall.totalRequests", "sum(" + requestsQ + ")");
        queries.put("overall.totalErrors", "sum(" + errorsQ + ")");
        queries.put("overall.availabilityPercent", "100 * (1 - sum(" + errorsQ + ") / sum(" + requestsQ + "))");
        queries.put("overall.errorRatePercent", "100 * sum(" + errorsQ + ") / sum(" + requestsQ + ")");
        queries.put("overall.uptimePercent", "avg(" + evaluation.promql(QueryKey.UPTIME_PERCENT) + ")");
        queries.put("overall.p50LatencyMs", quantileQuery(0.5, overallBuckets));
        queries.put("overall.p95LatencyMs", quantileQuery(0.95, overallBuckets));
        queries.put("overall.p99LatencyMs", quantileQuery(0.99, overallBuckets));
        queries.put("overall.maxP99LatencyMs", "max(" + quantileQuery(0.99, bucketsQ) + ")");
        queries.put("overall.avgRps", "sum(" + requestsQ + ") / " + windowSeconds);

        String dbQ = evaluation.promql(QueryKey.DB_LATENCY_BUCKETS);
        if (dbQ != null) {
            queries.put("infrastructure.postgres.p50LatencyMs", quantileQuery(0.5, dbQ));
            queries.put("infrastructure.postgres.p95LatencyMs", quantileQuery(0.95, dbQ));
            queries.put("infrastructure.postgres.p99LatencyMs", quantileQuery(0.99, dbQ));
        }
        put(queries, "infrastructure.postgres.connectionPoolUsagePercent", evaluation, QueryKey.DB_POOL_USAGE_PERCENT);
        put(queries, "infrastructure.redis.hitRatePercent", evaluation, QueryKey.REDIS_HIT_RATE_PERCENT);
        if (evaluation.asked(QueryKey.REDIS_MEMORY_BYTES)) {
            queries.put(
                    "infrastructure.redis.memoryMb",
                    "(" + evaluation.promql(QueryKey.REDIS_MEMORY_BYTES) + ") / 1048576");
        }
        put(queries, "infrastructure.redis.connectedClients", evaluation, QueryKey.REDIS_CONNECTED_CLIENTS);
        put(queries, "infrastructure.cluster.cpuPercent", evaluation, QueryKey.CLUSTER_CPU_PERCENT);
        put(queries, "infrastructure.cluster.memoryPercent", evaluation, QueryKey.CLUSTER_MEMORY_PERCENT);
        put(queries, "infrastructure.network.bytesIn", evaluation, QueryKey.NETWORK_RECEIVE_BYTES);
        put(queries, "infrastructure.network.bytesOut", evaluation, QueryKey.NETWORK_TRANSMIT_BYTES);
        if (evaluation.asked(QueryKey.NETWORK_RECEIVE_BYTES) && evaluation.asked(QueryKey.NETWORK_TRANSMIT_BYTES)) {
            queries.put(
                    "infrastructure.network.avgThroughputMbps",
                    "((" + evaluation.promql(QueryKey.NETWORK_RECEIVE_BYTES) + ") + ("
                            + evaluation.promql(QueryKey.NETWORK_TRANSMIT_BYTES) + ")) * 8 / 1e6 / " + windowSeconds);
        }

        if (evaluation.asked(QueryKey.FIRING_ALERTS) && evaluation.error(QueryKey.FIRING_ALERTS) == null) {
            String alertsQ = evaluation.promql(QueryKey.FIRING_ALERTS);
            queries.put("observability.alertsFired", "sum(" + alertsQ + ")");
            queries.put("observability.criticalAlerts", severityQuery(alertsQ, "critical"));
            queries.put("observability.warningAlerts", severityQuery(alertsQ, "warning"));
        }
        put(queries, "observability.prometheusUptimePercent", evaluation, QueryKey.PROMETHEUS_UPTIME_PERCENT);
        put(queries, "observability.activeSeries", evaluation, QueryKey.ACTIVE_SERIES);
        put(queries, "observability.samplesPerSecond", evaluation, QueryKey.SAMPLES_PER_SECOND);
        return queries;
    }

    /** The count of one severity, as PromQL: the element whose severity label matches. */
    private static String severityQuery(String alertsQuery, String severity) {
        return "sum((" + alertsQuery + ") * on (severity) group_left () label_replace(vector(1), \"severity\", \""
                + severity + "\", \"\", \"\"))";
    }

    private static void put(Map<String, String> queries, String field, Evaluation evaluation, QueryKey key) {
        if (evaluation.asked(key)) {
            queries.put(field, evaluation.promql(key));
        }
    }

    /** A gap for a service's null value: the query failed, or it had no series for this service. */
    private void serviceGap(
            List<DataGap> gaps,
            Evaluation evaluation,
            Window window,
            String service,
            String field,
            Double value,
            QueryKey key,
            String what) {
        if (value != null) {
            return;
        }
        String error = evaluation.asked(key) ? evaluation.error(key) : "not asked";
        String reason = error != null
                ? error
                : "no series: " + what + " for this service (a series belongs to it by "
                        + String.join(" or ", config.labels().serviceLabels(key.serviceFamily())) + " = \"" + service
                        + "\")";
        gaps.add(new DataGap(
                "services[" + service + "]." + field, evaluation.promql(key), window.start(), window.end(), reason));
    }

    /**
     * A query's values by service. Several groups may name one service (e.g. a series with
     * {@code service} and one with only {@code job}): counts add up, percentages are averaged.
     */
    private Map<String, Double> byService(Evaluation evaluation, QueryKey key, boolean average) {
        Map<String, Double> result = new LinkedHashMap<>();
        Map<String, Integer> groups = average ? new HashMap<>() : null;
        ServiceFamily family = key.serviceFamily();
        for (LabeledValue value : evaluation.values(key)) {
            if (!Double.isNaN(value.value())) {
                String name = serviceName(family, value.labels());
                result.merge(name, value.value(), Double::sum);
                if (average) {
                    groups.merge(name, 1, Integer::sum);
                }
            }
        }
        if (average) {
            result.replaceAll((name, sum) -> sum / groups.get(name));
        }
        return result;
    }

    private String serviceName(ServiceFamily family, Map<String, String> labels) {
        String name = config.labels().serviceOf(family, labels);
        return name == null ? MISSING_SERVICE_LABEL : name;
    }

    static String quantileQuery(double q, String bucketsQuery) {
        return "1000 * histogram_quantile(" + q + ", " + bucketsQuery + ")";
    }

    private static final double[] PERCENTILES = {0.5, 0.95, 0.99, 0.999};

    /** p50, p95, p99, p99.9 in ms (null where there are no observations). */
    private static Double[] latencyMs(List<HistogramQuantile.Bucket> buckets) {
        Double[] result = new Double[PERCENTILES.length];
        if (buckets.isEmpty()) {
            return result;
        }
        double[] seconds = HistogramQuantile.quantiles(PERCENTILES, buckets);
        for (int i = 0; i < seconds.length; i++) {
            result[i] = Double.isFinite(seconds[i]) ? seconds[i] * 1000.0 : null;
        }
        return result;
    }

    static Double finite(Double value) {
        return value == null || !Double.isFinite(value) ? null : value;
    }

    static Double mean(List<Double> values) {
        double sum = 0;
        int count = 0;
        for (Double value : values) {
            if (value != null && Double.isFinite(value)) {
                sum += value;
                count++;
            }
        }
        return count == 0 ? null : sum / count;
    }

    /** Which queries a window needs: all of them for the summary, the snapshot subset for snapshots. */
    public Map<QueryKey, String> queriesFor(long windowSeconds, boolean snapshot) {
        Map<QueryKey, String> queries = new LinkedHashMap<>();
        for (QueryKey key : QueryKey.values()) {
            if (!snapshot || key.inSnapshots()) {
                queries.put(key, config.render(key, windowSeconds));
            }
        }
        return queries;
    }
}
