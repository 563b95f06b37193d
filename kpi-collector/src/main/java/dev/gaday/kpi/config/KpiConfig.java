package dev.gaday.kpi.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The effective configuration: label and metric names, PromQL templates and thresholds. Loaded by
 * {@link KpiConfigLoader} from the built-in defaults merged with the user's {@code --config} file.
 */
public record KpiConfig(
        Labels labels, Map<String, String> metrics, Map<String, String> queries, Thresholds thresholds) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9_]*)}");

    public KpiConfig {
        if (labels == null || thresholds == null) {
            throw new IllegalArgumentException("labels and thresholds are required");
        }
        metrics = metrics == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        queries = queries == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(queries));
    }

    public record Labels(String service, String status, String errorStatusRegex, String selector) {
        public Labels {
            requireName("labels.service", service);
            requireName("labels.status", status);
            if (errorStatusRegex == null || errorStatusRegex.isBlank()) {
                throw new IllegalArgumentException("labels.errorStatusRegex must not be empty");
            }
            selector = selector == null ? "" : selector.strip();
        }

        private static void requireName(String key, String value) {
            if (value == null || !value.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException(key + " must be a Prometheus label name, was '" + value + "'");
            }
        }
    }

    public record Thresholds(
            double availabilityPercent,
            double errorRatePercent,
            double maxP99LatencyMs,
            double redisHitRatePercent,
            boolean perService,
            int maxPodRestarts) {
        public Thresholds {
            check("thresholds.availabilityPercent", availabilityPercent, 0, 100);
            check("thresholds.errorRatePercent", errorRatePercent, 0, 100);
            check("thresholds.maxP99LatencyMs", maxP99LatencyMs, 0, Double.MAX_VALUE);
            check("thresholds.redisHitRatePercent", redisHitRatePercent, 0, 100);
            if (maxPodRestarts < 0) {
                throw new IllegalArgumentException("thresholds.maxPodRestarts must not be negative");
            }
        }

        private static void check(String key, double value, double min, double max) {
            if (!Double.isFinite(value) || value < min || value > max) {
                throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", was " + value);
            }
        }
    }

    /** The PromQL of a query key for a window of {@code windowSeconds}, placeholders filled. */
    public String render(QueryKey key, long windowSeconds) {
        String template = queries.get(key.configKey());
        if (template == null) {
            throw new IllegalArgumentException("queries." + key.configKey() + " is missing");
        }
        return fill("queries." + key.configKey(), template, variables(windowSeconds));
    }

    private Map<String, String> variables(long windowSeconds) {
        Map<String, String> variables = new LinkedHashMap<>(metrics);
        variables.put("service", labels.service());
        variables.put("status", labels.status());
        variables.put("errorStatusRegex", labels.errorStatusRegex());
        variables.put("selector", labels.selector());
        variables.put("andSelector", labels.selector().isEmpty() ? "" : "," + labels.selector());
        variables.put("window", windowSeconds + "s");
        return variables;
    }

    private static String fill(String where, String template, Map<String, String> variables) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String value = variables.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException(where + ": unknown placeholder ${" + matcher.group(1) + "} (known: "
                        + String.join(", ", variables.keySet()) + ")");
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    /** Renders every query once, so that a bad template fails before any request is sent. */
    public void validate() {
        for (QueryKey key : QueryKey.values()) {
            render(key, 300);
        }
    }
}
