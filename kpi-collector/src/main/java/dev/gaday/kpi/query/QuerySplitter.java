package dev.gaday.kpi.query;

import dev.gaday.common.cli.Diagnostics;
import dev.gaday.common.cli.DurationConverter;
import dev.gaday.common.error.ExitCode;
import dev.gaday.common.error.ToolException;
import dev.gaday.common.prometheus.PrometheusClient;
import dev.gaday.common.prometheus.PrometheusException;
import dev.gaday.common.prometheus.QueryRange;
import dev.gaday.common.prometheus.QueryResult;
import dev.gaday.kpi.config.QueryKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Sends one KPI query; when the server answers that it hit a query limit (too many samples, points or series,
 * a server-side timeout) or the request timed out, splits the query and sends the parts instead, recursively: a range
 * query first by time (halves on the same step grid, down to one step), then by shards of services
 * ({@link ServiceShard}, for the service-level queries {@link ShardedQueries} can restrict); an instant
 * query only by services (its window is one evaluation: halves of it would not add up exactly, e.g. an
 * {@code increase} extrapolates at each edge). The parts' answers are stitched back ({@link ResultStitcher}):
 * the same numbers as one answer. A query and its parts must end within the retry budget (a part is not
 * sent once it is spent); each part's own failures are retried as any request. Every split is one line at -v. A
 * query that cannot be split further fails with {@link LimitReached} (exit 4), naming the KPI and the limit.
 */
public final class QuerySplitter {
    /** Lookback of a selector beyond the query's window: label values are read over it too. */
    private static final Duration LOOKBACK = Duration.ofMinutes(5);

    private final PrometheusClient client;
    private final ShardedQueries shardedQueries;
    private final Diagnostics diagnostics;
    private final Duration budget;
    private final LongSupplier nanoClock;

    /** A query that hit a limit and cannot be split further (or ran out of retry budget while split). */
    public static final class LimitReached extends ToolException {
        private static final long serialVersionUID = 1L;

        LimitReached(String message, Throwable cause) {
            super(ExitCode.RUNTIME_ERROR, message, cause);
        }
    }

    public QuerySplitter(
            PrometheusClient client,
            ShardedQueries shardedQueries,
            Diagnostics diagnostics,
            Duration budget,
            LongSupplier nanoClock) {
        this.client = Objects.requireNonNull(client, "client");
        this.shardedQueries = Objects.requireNonNull(shardedQueries, "shardedQueries");
        this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /** An instant query at {@code time}, split by services when it hits a limit. */
    public QueryResult instant(QueryKey key, String promql, Instant time) {
        long began = nanoClock.getAsLong();
        try {
            return client.query(promql, time);
        } catch (PrometheusException e) {
            if (!splittable(e, began)) {
                throw e;
            }
            return new Split(key, promql, began).instant(time, ServiceShard.WHOLE, e);
        }
    }

    /** A range query, split by time and then by services when it hits a limit. */
    public QueryResult.Matrix range(QueryKey key, String promql, Instant start, Instant end, Duration step) {
        long began = nanoClock.getAsLong();
        try {
            return client.queryRange(promql, start, end, step);
        } catch (PrometheusException e) {
            if (!splittable(e, began)) {
                throw e;
            }
            return new Split(key, promql, began).range(new QueryRange(start, end, step), ServiceShard.WHOLE, e);
        }
    }

    /**
     * A limit, with some of the retry budget left: a request that timed out on every retry until the budget
     * was spent (a dead source, or a query that slow) fails as it is.
     */
    private boolean splittable(PrometheusException e, long began) {
        return e.limit().isPresent() && nanoClock.getAsLong() - began < budget.toNanos();
    }

    /** The splitting of one query. */
    private final class Split {
        private final QueryKey key;
        private final String original;
        private final ShardedQueries.Shardable shardable;
        private final String notShardable;
        private final long deadlineNanos;
        private int parts = 1;
        // The fewest steps that hit the limit, per shard: a part as long is split without being sent (it
        // would almost surely fail too; if it would not, splitting it costs requests, never exactness).
        private final Map<List<String>, PrometheusException> failedAt = new HashMap<>();
        private final Map<List<String>, Long> fewestFailedSteps = new HashMap<>();
        // Service values per (label, shard matchers), read once over the whole query: the rest shard keeps
        // the partition exact for a service a part's own time would have named.
        private final Map<String, List<String>> values = new HashMap<>();
        private Instant valuesFrom;
        private Instant valuesTo;

        Split(QueryKey key, String promql, long began) {
            this.key = key;
            this.original = promql;
            this.shardable = shardedQueries.of(key, promql).orElse(null);
            this.notShardable = shardedQueries.whyNot(key);
            this.deadlineNanos = began + budget.toNanos();
        }

        QueryResult.Matrix range(QueryRange range, ServiceShard shard, PrometheusException failure) {
            if (valuesFrom == null) {
                valuesFrom = range.start();
                valuesTo = range.end();
            }
            Long fewest = fewestFailedSteps.get(shard.matchers());
            if (fewest == null || range.points() < fewest) {
                fewestFailedSteps.put(shard.matchers(), range.points());
                failedAt.put(shard.matchers(), failure);
            }
            if (range.points() > 1) {
                List<QueryRange> halves = range.split((int) ((range.points() + 1) / 2));
                log(failure, halves.size(), "by time (" + range.points() + " steps from " + range.start() + ")");
                List<QueryResult.Matrix> answers = new ArrayList<>();
                for (QueryRange half : halves) {
                    answers.add(attempt(half, shard));
                }
                return QueryResult.Matrix.stitch(answers);
            }
            String where = "one step at " + range.start();
            List<ServiceShard> shards = shards(shard, where, failure);
            log(failure, shards.size(), byService(shard, shards) + " (" + where + ")");
            List<QueryResult.Matrix> answers = new ArrayList<>();
            for (ServiceShard part : shards) {
                answers.add(attempt(range, part));
            }
            return QueryResult.Matrix.stitch(answers);
        }

        private QueryResult.Matrix attempt(QueryRange range, ServiceShard shard) {
            Long fewest = fewestFailedSteps.get(shard.matchers());
            if (fewest != null && range.points() >= fewest) {
                return range(range, shard, failedAt.get(shard.matchers()));
            }
            String promql = inBudget(shard);
            try {
                return client.queryRange(promql, range.start(), range.end(), range.step());
            } catch (PrometheusException e) {
                if (e.limit().isEmpty()) {
                    throw e;
                }
                return range(range, shard, e);
            }
        }

        QueryResult instant(Instant time, ServiceShard shard, PrometheusException failure) {
            if (valuesFrom == null) {
                valuesFrom = time;
                valuesTo = time;
            }
            String where = "the evaluation at " + time;
            List<ServiceShard> shards = shards(shard, where, failure);
            log(failure, shards.size(), byService(shard, shards) + " (" + where + ")");
            List<QueryResult.Vector> answers = new ArrayList<>();
            for (ServiceShard part : shards) {
                String promql = inBudget(part);
                QueryResult answer;
                try {
                    answer = client.query(promql, time);
                } catch (PrometheusException e) {
                    if (e.limit().isEmpty()) {
                        throw e;
                    }
                    answer = instant(time, part, e);
                }
                if (!(answer instanceof QueryResult.Vector vector)) {
                    throw new LimitReached(
                            name() + " cannot be split by service: a part answered with a "
                                    + answer.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT)
                                    + ", not a vector",
                            failure);
                }
                answers.add(vector);
            }
            return ResultStitcher.vectors(answers);
        }

        /** The shards that split {@code shard}; fails when there are none. */
        private List<ServiceShard> shards(ServiceShard shard, String where, PrometheusException failure) {
            if (shardable == null) {
                throw cannotSplit(failure, where, shard, "not split by service: " + notShardable);
            }
            Instant since = valuesFrom.minusSeconds(shardable.windowSeconds()).minus(LOOKBACK);
            List<ServiceShard> shards = shard.split(
                    shardable.labels(),
                    (label, matchers) -> values.computeIfAbsent(label + " " + matchers, k -> {
                        List<String> selectors = new ArrayList<>();
                        for (String metric : shardable.metricSelectors()) {
                            selectors.add(metric + "{" + String.join(",", matchers) + "}");
                        }
                        return client.labelValues(label, selectors, since, valuesTo);
                    }));
            if (shards.isEmpty()) {
                throw cannotSplit(failure, where, shard, null);
            }
            return shards;
        }

        private String byService(ServiceShard parent, List<ServiceShard> shards) {
            int level = shards.get(0).level();
            return "by service (" + shardable.labels().get(level)
                    + (parent.matchers().isEmpty() ? "" : " within " + parent.describe()) + ")";
        }

        private String inBudget(ServiceShard shard) {
            if (nanoClock.getAsLong() - deadlineNanos > 0) {
                throw new LimitReached(
                        name() + " was split into " + parts + " parts and the retry budget of "
                                + DurationConverter.format(budget)
                                + " is spent (raise --retry-budget or the server's limit)",
                        null);
            }
            return shard.matchers().isEmpty() || shardable == null ? original : shardable.render(shard);
        }

        private void log(PrometheusException failure, int count, String how) {
            parts += count - 1;
            diagnostics.detail("split " + name() + " into " + count + " parts " + how + ": "
                    + failure.limit().orElseThrow().description());
        }

        private LimitReached cannotSplit(PrometheusException failure, String where, ServiceShard shard, String why) {
            String what = shard.named() && shard.values().size() == 1
                    ? "one service (" + shard.describe() + ")"
                    : shard.describe();
            return new LimitReached(
                    name() + " cannot be split further: "
                            + failure.limit().orElseThrow().description() + " even for " + where + " of " + what
                            + (why == null ? "" : "; " + why),
                    failure);
        }

        private String name() {
            return "queries." + key.configKey();
        }
    }
}
