package dev.gaday.kpi.query;

import dev.gaday.common.cli.Diagnostics;
import dev.gaday.common.error.ToolException;
import dev.gaday.common.prometheus.PrometheusClient;
import dev.gaday.common.prometheus.PrometheusException;
import dev.gaday.common.prometheus.QueryResult;
import dev.gaday.kpi.config.QueryKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a set of queries concurrently in a bounded pool. A query that fails is kept as a failed
 * {@link Outcome} (the KPIs it feeds become NO_DATA with the reason); only a PromQL syntax error,
 * which is the configuration's fault, stops the run. Each request is logged at -v in a form the
 * benchmark replays with curl.
 */
public final class QueryRunner implements AutoCloseable {
    private final PrometheusClient client;
    private final ExecutorService pool;
    private final Diagnostics diagnostics;
    private final AtomicInteger requests = new AtomicInteger();

    public QueryRunner(PrometheusClient client, int concurrency, Diagnostics diagnostics) {
        this.client = client;
        this.diagnostics = diagnostics;
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, "kpi-query-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A query's result, or why there is none. */
    public record Outcome(String promql, QueryResult result, String error) {
        public boolean failed() {
            return error != null;
        }
    }

    public int requestCount() {
        return requests.get();
    }

    /** Instant queries at {@code time}; {@code deadline} null waits for all. */
    public Map<QueryKey, Outcome> instant(Map<QueryKey, String> queries, Instant time, Duration deadline) {
        return submitInstant(queries, time, deadline).await();
    }

    /** Range queries from {@code start} to {@code end} (inclusive) at {@code step}. */
    public Map<QueryKey, Outcome> range(Map<QueryKey, String> queries, Instant start, Instant end, Duration step,
            Duration deadline) {
        return submitRange(queries, start, end, step, deadline).await();
    }

    /** Queues instant queries without waiting; the pool runs batches in the order they were submitted. */
    public Batch submitInstant(Map<QueryKey, String> queries, Instant time, Duration deadline) {
        return submit(queries, promql -> {
            diagnostics.detail("query time=" + time.getEpochSecond() + " promql=" + promql);
            return client.query(promql, time);
        }, deadline);
    }

    /** Queues range queries without waiting; the pool runs batches in the order they were submitted. */
    public Batch submitRange(Map<QueryKey, String> queries, Instant start, Instant end, Duration step,
            Duration deadline) {
        return submit(queries, promql -> {
            diagnostics.detail("query_range start=" + start.getEpochSecond() + " end=" + end.getEpochSecond()
                    + " step=" + step.toSeconds() + " promql=" + promql);
            return client.queryRange(promql, start, end, step);
        }, deadline);
    }

    private interface Request {
        QueryResult send(String promql);
    }

    // The queries grouped by (service, le) or over every request series return the most data and take
    // Prometheus longest: started first, they do not end up alone at the end of the batch.
    private static final List<QueryKey> HEAVIEST_FIRST = List.of(QueryKey.LATENCY_BUCKETS, QueryKey.REQUESTS,
            QueryKey.ERRORS);

    private Batch submit(Map<QueryKey, String> queries, Request request, Duration deadline) {
        List<QueryKey> keys = new ArrayList<>();
        for (QueryKey key : HEAVIEST_FIRST) {
            if (queries.containsKey(key)) {
                keys.add(key);
            }
        }
        for (QueryKey key : queries.keySet()) {
            if (!HEAVIEST_FIRST.contains(key)) {
                keys.add(key);
            }
        }
        long deadlineNanos = deadline == null ? 0 : System.nanoTime() + Math.max(1, deadline.toMillis()) * 1_000_000;
        List<Future<Outcome>> futures = new ArrayList<>();
        for (QueryKey key : keys) {
            String promql = queries.get(key);
            futures.add(pool.submit(() -> {
                requests.incrementAndGet();
                try {
                    return new Outcome(promql, request.send(promql), null);
                } catch (PrometheusException e) {
                    if (e.kind() == PrometheusException.Kind.API_ERROR && "bad_data".equals(e.errorType())) {
                        throw ToolException.usage("queries." + key.configKey() + " was rejected: " + e.getMessage());
                    }
                    return new Outcome(promql, null, describe(e));
                }
            }));
        }
        return new Batch(keys, queries, futures, deadline == null ? null : deadlineNanos);
    }

    /** Queries on their way; {@link #await} gives each one's outcome. */
    public final class Batch {
        private final List<QueryKey> keys;
        private final Map<QueryKey, String> queries;
        private final List<Future<Outcome>> futures;
        private final Long deadlineNanos;

        private Batch(List<QueryKey> keys, Map<QueryKey, String> queries, List<Future<Outcome>> futures,
                Long deadlineNanos) {
            this.keys = keys;
            this.queries = queries;
            this.futures = futures;
            this.deadlineNanos = deadlineNanos;
        }

        /** Waits for every query (or the deadline: those still running are cancelled and fail). */
        public Map<QueryKey, Outcome> await() {
            waitForAll();
            Map<QueryKey, Outcome> outcomes = new EnumMap<>(QueryKey.class);
            for (int i = 0; i < keys.size(); i++) {
                QueryKey key = keys.get(i);
                String promql = queries.get(key);
                try {
                    outcomes.put(key, futures.get(i).get());
                } catch (CancellationException e) {
                    outcomes.put(key, new Outcome(promql, null, "query error: no answer before the deadline"));
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof ToolException tool) {
                        throw tool;
                    }
                    outcomes.put(key, new Outcome(promql, null, "query error: " + e.getCause()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    outcomes.put(key, new Outcome(promql, null, "query error: interrupted"));
                }
            }
            for (Outcome outcome : outcomes.values()) {
                if (outcome.result() != null) {
                    for (String warning : outcome.result().warnings()) {
                        diagnostics.warn("Prometheus warned about '" + outcome.promql() + "': " + warning);
                    }
                }
            }
            return outcomes;
        }

        // As ExecutorService.invokeAll: past the deadline, or when interrupted, unfinished queries are cancelled.
        private void waitForAll() {
            try {
                for (Future<Outcome> future : futures) {
                    try {
                        if (deadlineNanos == null) {
                            future.get();
                        } else {
                            long left = deadlineNanos - System.nanoTime();
                            if (left <= 0) {
                                break;
                            }
                            future.get(left, TimeUnit.NANOSECONDS);
                        }
                    } catch (ExecutionException | CancellationException e) {
                        // Reported per query by await().
                    }
                }
            } catch (TimeoutException e) {
                // The deadline passed: the unfinished queries are cancelled below.
            } catch (InterruptedException e) {
                futures.forEach(f -> f.cancel(true));
                Thread.currentThread().interrupt();
                throw ToolException.inconclusive("interrupted while querying Prometheus");
            }
            futures.forEach(f -> f.cancel(true));
        }
    }

    private static String describe(PrometheusException e) {
        String kind = switch (e.kind()) {
            case UNREACHABLE, TIMEOUT -> "source unreachable";
            default -> "query error";
        };
        return kind + ": " + e.getMessage();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
