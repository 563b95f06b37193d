package dev.gaday.kpi.labels;

import java.util.Map;
import java.util.Set;

/** Whether a null in the summary is explained by a gap: its own, or the gap of the query behind it. */
final class GapCoverage {
    /** A null's path (services by name dropped) to the query gap that explains it. */
    private static final Map<String, String> QUERY_OF = Map.ofEntries(
            Map.entry("services[].uptimePercent", "queries.uptimePercent"),
            Map.entry("services[].cpuCores", "queries.cpuCores"),
            Map.entry("services[].cpuPercent", "queries.cpuPercent"),
            Map.entry("services[].memoryMb", "queries.memoryBytes"),
            Map.entry("infrastructure.postgres", "queries.dbLatencyBuckets"),
            Map.entry("infrastructure.redis", "queries.redisHitRatePercent"),
            Map.entry("infrastructure.cluster", "queries.clusterCpuPercent"),
            Map.entry("infrastructure.network", "queries.networkReceiveBytes"),
            Map.entry("observability.prometheusUptimePercent", "queries.prometheusUptimePercent"),
            Map.entry("observability.activeSeries", "queries.activeSeries"),
            Map.entry("observability.samplesPerSecond", "queries.samplesPerSecond"),
            Map.entry("observability.alertsFired", "queries.firingAlerts"),
            Map.entry("observability.criticalAlerts", "queries.firingAlerts"),
            Map.entry("observability.warningAlerts", "queries.firingAlerts"));

    private GapCoverage() {}

    static boolean covered(String path, Set<String> gapFields) {
        if (gapFields.contains(path)) {
            return true;
        }
        java.util.regex.Matcher service = java.util.regex.Pattern.compile("^(services\\[[^]]+])\\.(\\w+)$")
                .matcher(path);
        if (service.matches()) {
            String field = service.group(2);
            // Values from one source share its gap: the latency percentiles, the request-count figures.
            if (field.matches("p50LatencyMs|p95LatencyMs|p999LatencyMs")
                            && gapFields.contains(service.group(1) + ".p99LatencyMs")
                    || field.matches("errors|errorRatePercent")
                            && gapFields.contains(service.group(1) + ".availabilityPercent")) {
                return true;
            }
        }
        String generic = path.replaceAll("^services\\[[^]]+]", "services[]");
        String query = QUERY_OF.get(generic);
        return query != null && gapFields.contains(query);
    }
}
