package dev.gaday.kpi.validate.catalog;

import dev.gaday.kpi.validate.check.Severity;
import dev.gaday.kpi.validate.source.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The GA set's sources and settings beyond each check's threshold (checks.yaml's {@code ga:} section).
 *
 * @param thresholds         per GA check name, its threshold in the check's unit
 * @param severities         per GA check name, its severity
 * @param leakBytesPerHour   ga.memory_retention: the largest tolerated growth of one instance (linear fit)
 * @param maxErrorRatePercent ga.slo_verification: the error rate must stay below this
 * @param restartWindow      ga.no_pod_restarts: the end of the window that must be free of restarts
 * @param canaryMatchers     ga.canary_success without drift_analysis.json: the canary's label matchers
 * @param dashboard          ga.dashboard_performance's URLs, or null
 * @param database           ga.database_query_performance's database and queries, or null
 * @param deployments        ga.rollout_complete: the watched deployments (empty: all in the namespace)
 */
public record GaSettings(
        Map<String, Double> thresholds,
        Map<String, Severity> severities,
        double leakBytesPerHour,
        double maxErrorRatePercent,
        Duration restartWindow,
        String canaryMatchers,
        Dashboard dashboard,
        Database database,
        List<String> deployments) {

    public static final double DEFAULT_LEAK_BYTES_PER_HOUR = 10.0 * 1024 * 1024;

    public GaSettings {
        thresholds = Map.copyOf(thresholds);
        severities = Map.copyOf(severities);
        deployments = List.copyOf(deployments);
    }

    public static GaSettings defaults() {
        return new GaSettings(
                Map.of(), Map.of(), DEFAULT_LEAK_BYTES_PER_HOUR, 0.1, Duration.ofHours(6), null, null, null, List.of());
    }

    /** Dashboard URLs, each loaded {@code requests} times; an optional header (e.g. Authorization) from a secret. */
    public record Dashboard(
            List<String> urls, int requests, double quantile, String headerName, Secret header, Duration timeout) {
        public Dashboard {
            urls = List.copyOf(urls);
        }
    }

    /** A JDBC URL (literal, or from a secret when it carries credentials), user, password and named queries. */
    public record Database(
            String url, Secret urlSecret, String user, Secret password, List<NamedQuery> queries, int runs) {
        public Database {
            queries = List.copyOf(queries);
        }
    }

    public record NamedQuery(String name, String sql) {}
}
