package dev.gaday.drift.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in metric set, documented as {@code default-drift.yaml} (DriftConfigLoaderTest checks that
 * the two say the same). Written in Java so that a run without --config reads no configuration file
 * and builds none of Jackson's deserialisers.
 */
final class BuiltInMetrics {
    private static final String QUANTILE =
            "histogram_quantile(%s, sum by (service, le) (rate(http_request_duration_seconds_bucket{{{scope}}}[{{step}}])))";

    private BuiltInMetrics() {}

    static DriftConfig config() {
        Map<String, Double> groups = new LinkedHashMap<>();
        groups.put("errors", 35.0);
        groups.put("latency", 35.0);
        groups.put("saturation", 20.0);
        groups.put("traffic", 10.0);
        return new DriftConfig(
                "1m",
                0.98,
                0.05,
                50,
                10.0,
                new DriftConfig.SeverityConfig(5.0, 10.0, 25.0),
                new DriftConfig.ScoreConfig(95.0, 75.0),
                groups,
                List.of(
                        new MetricConfig(
                                "error_ratio",
                                "ratio",
                                null,
                                "sum by (service) (increase(http_requests_total{status=~\"5..\",{{scope}}}[{{step}}]))",
                                "sum by (service) (increase(http_requests_total{{{scope}}}[{{step}}]))",
                                "increase",
                                true,
                                "errors",
                                null,
                                null,
                                null),
                        latency("latency_p50", "0.5"),
                        latency("latency_p95", "0.95"),
                        latency("latency_p99", "0.99"),
                        gauge(
                                "cpu_cores",
                                "avg by (service) (rate(process_cpu_seconds_total{{{scope}}}[{{step}}]))",
                                "increase",
                                "saturation",
                                null),
                        gauge(
                                "memory_bytes",
                                "avg by (service) (process_resident_memory_bytes{{{scope}}})",
                                "increase",
                                "saturation",
                                null),
                        // A canary takes a share of the traffic by design: its request rate is not compared with
                        // stable's.
                        gauge(
                                "request_rate",
                                "sum by (service) (rate(http_requests_total{{{scope}}}[{{step}}]))",
                                "decrease",
                                "traffic",
                                List.of("compare", "deploy"))));
    }

    private static MetricConfig latency(String name, String quantile) {
        return new MetricConfig(
                name,
                "latency",
                QUANTILE.replace("%s", quantile),
                null,
                null,
                "increase",
                null,
                "latency",
                null,
                null,
                null);
    }

    private static MetricConfig gauge(String name, String query, String direction, String group, List<String> modes) {
        return new MetricConfig(name, "gauge", query, null, null, direction, null, group, null, null, modes);
    }
}
