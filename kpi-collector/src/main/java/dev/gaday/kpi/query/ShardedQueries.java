package dev.gaday.kpi.query;

import dev.gaday.kpi.config.KpiConfig;
import dev.gaday.kpi.config.QueryKey;
import dev.gaday.kpi.config.ServiceFamily;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which queries can be split by service, and how: a service-level query's template is rendered again with
 * the shard's matchers added to {@code labels.selector}. Only a template that uses the selector and groups by
 * its family's service labels (as the defaults do) is shardable: then every group of the answer comes whole
 * from one shard, and the union of the shards' answers is the unsplit answer.
 */
public final class ShardedQueries {
    /** Queries are never sharded (the QueryRunner of tests and of {@code check}). */
    public static final ShardedQueries NONE = new ShardedQueries(null);

    private static final Pattern WINDOW = Pattern.compile("\\[(\\d+)s]");
    private static final String PROBE = "__gaday_shard_probe__=\"\"";

    private final KpiConfig config;

    public ShardedQueries(KpiConfig config) {
        this.config = config;
    }

    /** One query that can be split by service. */
    public interface Shardable {
        /** The family's service labels, in order of preference. */
        List<String> labels();

        /** Series selectors naming the family's metrics, to read the service values with. */
        List<String> metricSelectors();

        /** The window the query covers ({@code ${window}}), in seconds. */
        long windowSeconds();

        /** The query restricted to the shard. */
        String render(ServiceShard shard);
    }

    /** Why {@link #of} gives nothing for this key, for a message. */
    public String whyNot(QueryKey key) {
        if (config == null) {
            return "splitting by service is off";
        }
        return key.scope() != QueryKey.Scope.SERVICE
                ? "not a per-service query"
                : "its template does not use ${selector} and group by the service labels";
    }

    /** The query as shardable, or empty (not a service-level query, or a template that cannot be). */
    public Optional<Shardable> of(QueryKey key, String promql) {
        if (config == null || key.scope() != QueryKey.Scope.SERVICE) {
            return Optional.empty();
        }
        ServiceFamily family = key.serviceFamily();
        List<String> labels = config.labels().serviceLabels(family);
        if (!promql.contains("by (" + String.join(", ", labels))) {
            return Optional.empty();
        }
        Long window = windowOf(key, promql);
        if (window == null || render(key, window, List.of(PROBE)).equals(promql)) {
            return Optional.empty();
        }
        long windowSeconds = window;
        List<String> selectors = metricSelectors(family);
        return Optional.of(new Shardable() {
            @Override
            public List<String> labels() {
                return labels;
            }

            @Override
            public List<String> metricSelectors() {
                return selectors;
            }

            @Override
            public long windowSeconds() {
                return windowSeconds;
            }

            @Override
            public String render(ServiceShard shard) {
                return ShardedQueries.this.render(key, windowSeconds, shard.matchers());
            }
        });
    }

    /** The window this promql was rendered with: the one that renders the template to exactly this text. */
    private Long windowOf(QueryKey key, String promql) {
        Set<Long> candidates = new LinkedHashSet<>();
        Matcher matcher = WINDOW.matcher(promql);
        while (matcher.find()) {
            candidates.add(Long.parseLong(matcher.group(1)));
        }
        candidates.add(300L);
        for (long window : candidates) {
            if (config.render(key, window).equals(promql)) {
                return window;
            }
        }
        return null;
    }

    private String render(QueryKey key, long windowSeconds, List<String> matchers) {
        if (matchers.isEmpty()) {
            return config.render(key, windowSeconds);
        }
        KpiConfig.Labels labels = config.labels();
        String selector = labels.selector().isEmpty()
                ? String.join(",", matchers)
                : labels.selector() + "," + String.join(",", matchers);
        KpiConfig shard = new KpiConfig(
                new KpiConfig.Labels(
                        labels.service(),
                        labels.serviceByFamily(),
                        labels.status(),
                        labels.errorStatusRegex(),
                        selector),
                config.metrics(),
                config.queries(),
                config.thresholds(),
                config.criteria(),
                config.services());
        return shard.render(key, windowSeconds);
    }

    private List<String> metricSelectors(ServiceFamily family) {
        List<String> keys =
                switch (family) {
                    case REQUESTS -> List.of("requests");
                    case LATENCY -> List.of("latencyBucket");
                    case UP -> List.of("up");
                    case PROCESS -> List.of("cpuSeconds", "residentMemory");
                };
        Map<String, String> metrics = config.metrics();
        List<String> selectors = new ArrayList<>();
        for (String metricKey : keys) {
            String name = metrics.get(metricKey);
            if (name == null || !name.matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) {
                return List.of(); // Unknown: read the values of every series (a superset is still exact).
            }
            selectors.add(name);
        }
        return selectors;
    }
}
