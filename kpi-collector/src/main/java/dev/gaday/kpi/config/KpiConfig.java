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
        Labels labels,
        Map<String, String> metrics,
        Map<String, String> queries,
        Thresholds thresholds,
        Criteria criteria,
        Map<String, ServiceOverride> services) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9_]*)}");

    public KpiConfig {
        if (labels == null || thresholds == null) {
            throw new IllegalArgumentException("labels and thresholds are required");
        }
        metrics = metrics == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        queries = queries == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(queries));
        criteria = criteria == null ? Criteria.DEFAULTS : criteria;
        services = services == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(services));
    }

    /** The overrides of one service (all null when it has none). */
    public ServiceOverride serviceOverride(String service) {
        return services.getOrDefault(service, ServiceOverride.NONE);
    }

    /**
     * @param service the labels that may name the service, in order of preference: a series is the
     *     service its first non-empty one says (a single name is a list of one)
     * @param serviceByFamily per metric family (requests, latency, up, process), its own list when it
     *     differs from {@code service}
     */
    public record Labels(
            @com.fasterxml.jackson.annotation.JsonFormat(
                            with = com.fasterxml.jackson.annotation.JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                    java.util.List<String> service,
            Map<String, Object> serviceByFamily,
            String status,
            String errorStatusRegex,
            String selector) {
        public Labels {
            if (service == null || service.isEmpty()) {
                throw new IllegalArgumentException("labels.service must name at least one label");
            }
            service.forEach(name -> requireName("labels.service", name));
            service = java.util.List.copyOf(service);
            Map<String, Object> families = new LinkedHashMap<>();
            if (serviceByFamily != null) {
                serviceByFamily.forEach((family, value) -> {
                    if (java.util.Arrays.stream(ServiceFamily.values())
                            .noneMatch(f -> f.key().equals(family))) {
                        throw new IllegalArgumentException("labels.serviceByFamily." + family
                                + ": unknown family (known: requests, latency, up, process)");
                    }
                    java.util.List<String> names = new java.util.ArrayList<>();
                    if (value instanceof java.util.List<?> list) {
                        list.forEach(item -> names.add(String.valueOf(item)));
                    } else if (value != null) {
                        names.add(value.toString());
                    }
                    if (names.isEmpty()) {
                        throw new IllegalArgumentException(
                                "labels.serviceByFamily." + family + " must name at least one label");
                    }
                    names.forEach(name -> requireName("labels.serviceByFamily." + family, name));
                    families.put(family, java.util.List.copyOf(names));
                });
            }
            serviceByFamily = java.util.Collections.unmodifiableMap(families);
            requireName("labels.status", status);
            if (errorStatusRegex == null || errorStatusRegex.isBlank()) {
                throw new IllegalArgumentException("labels.errorStatusRegex must not be empty");
            }
            selector = selector == null ? "" : selector.strip();
        }

        /** The labels naming the service on a family's series, in order of preference. */
        @SuppressWarnings("unchecked")
        public java.util.List<String> serviceLabels(ServiceFamily family) {
            Object own = serviceByFamily.get(family.key());
            return own == null ? service : (java.util.List<String>) own;
        }

        /** The service a series belongs to: its first non-empty label of the family's list, or null. */
        public String serviceOf(ServiceFamily family, Map<String, String> seriesLabels) {
            for (String label : serviceLabels(family)) {
                String value = seriesLabels.get(label);
                if (value != null && !value.isBlank()) {
                    return value;
                }
            }
            return null;
        }

        private static void requireName(String key, String value) {
            if (value == null || !value.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException(key + " must be a Prometheus label name, was '" + value + "'");
            }
        }
    }

    /**
     * Which criteria take part in the verdict, and how (on, warning, off). Null keys keep the default.
     *
     * @param worstIntervalP99Latency the worst p99 of any service in any snapshot interval (5 minutes by default)
     */
    public record Criteria(
            CriterionMode availability,
            CriterionMode errorRate,
            CriterionMode maxP99Latency,
            CriterionMode worstIntervalP99Latency,
            CriterionMode redisHitRate,
            CriterionMode postgresP99Latency,
            CriterionMode perService) {
        static final Criteria DEFAULTS = new Criteria(null, null, null, null, null, null, null);

        public Criteria {
            availability = availability == null ? CriterionMode.ON : availability;
            errorRate = errorRate == null ? CriterionMode.ON : errorRate;
            maxP99Latency = maxP99Latency == null ? CriterionMode.ON : maxP99Latency;
            worstIntervalP99Latency = worstIntervalP99Latency == null ? CriterionMode.OFF : worstIntervalP99Latency;
            redisHitRate = redisHitRate == null ? CriterionMode.ON : redisHitRate;
            postgresP99Latency = postgresP99Latency == null ? CriterionMode.OFF : postgresP99Latency;
            perService = perService == null ? CriterionMode.ON : perService;
        }
    }

    /**
     * One service's own thresholds and mode (e.g. a batch service with a laxer p99); null keeps the
     * fleet's.
     */
    public record ServiceOverride(
            Double availabilityPercent, Double errorRatePercent, Double maxP99LatencyMs, CriterionMode criteria) {
        static final ServiceOverride NONE = new ServiceOverride(null, null, null, null);

        public ServiceOverride {
            if (availabilityPercent != null) {
                Thresholds.check("services.*.availabilityPercent", availabilityPercent, 0, 100);
            }
            if (errorRatePercent != null) {
                Thresholds.check("services.*.errorRatePercent", errorRatePercent, 0, 100);
            }
            if (maxP99LatencyMs != null) {
                Thresholds.check("services.*.maxP99LatencyMs", maxP99LatencyMs, 0, Double.MAX_VALUE);
            }
        }
    }

    public record Thresholds(
            double availabilityPercent,
            double errorRatePercent,
            double maxP99LatencyMs,
            double redisHitRatePercent,
            boolean perService,
            int maxPodRestarts,
            double worstIntervalP99LatencyMs,
            double maxPostgresP99LatencyMs) {
        public Thresholds {
            check("thresholds.worstIntervalP99LatencyMs", worstIntervalP99LatencyMs, 0, Double.MAX_VALUE);
            check("thresholds.maxPostgresP99LatencyMs", maxPostgresP99LatencyMs, 0, Double.MAX_VALUE);
            check("thresholds.availabilityPercent", availabilityPercent, 0, 100);
            check("thresholds.errorRatePercent", errorRatePercent, 0, 100);
            check("thresholds.maxP99LatencyMs", maxP99LatencyMs, 0, Double.MAX_VALUE);
            check("thresholds.redisHitRatePercent", redisHitRatePercent, 0, 100);
            if (maxPodRestarts < 0) {
                throw new IllegalArgumentException("thresholds.maxPodRestarts must not be negative");
            }
        }

        static void check(String key, double value, double min, double max) {
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
        variables.put("service", String.join(", ", labels.service()));
        for (ServiceFamily family : ServiceFamily.values()) {
            variables.put(family.placeholder(), String.join(", ", labels.serviceLabels(family)));
        }
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
