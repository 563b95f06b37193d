package dev.gaday.kpi.query;

import dev.gaday.common.cli.Diagnostics;
import dev.gaday.common.error.ToolException;
import dev.gaday.common.prometheus.HttpPrometheusClient;
import dev.gaday.common.prometheus.PrometheusClient;
import dev.gaday.common.prometheus.PrometheusException;
import dev.gaday.common.prometheus.QueryResult;
import dev.gaday.common.prometheus.RetryPolicy;
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
 * Runs a set of queries concurrently in a bounded pool. A source that fails (an HTTP error, an answer
 * that is not the API's JSON, {@code status: error}, a timeout after the retries) fails the whole run
 * with one line naming the cause ({@link SourceFailure}, exit 4): every query still queued or running is
 * cancelled, so a dead source costs one retry budget, not one per query. "No series" is not a failure:
 * it is an empty result, and the KPIs it feeds become NO_DATA. A batch submitted with
 * {@code failRun = false} keeps failures as failed {@link Outcome}s instead (the KPIs become NO_DATA with
 * the reason): a live run's snapshots (the summary's whole-window queries decide the verdict) and the
 * partial summary of a stopped run (which never certifies).
 * A PromQL syntax error, the configuration's fault, is a usage error. Each request is logged at -v in
 * a form the benchmark replays with curl. A query that hits Prometheus's limits (too many samples, a
 * timeout) is split and its parts stitched back by {@link QuerySplitter}; one that cannot be split further
 * fails as a source failure does, with one line naming the KPI and the limit.
 */
public final class QueryRunner implements AutoCloseable {
    private final PrometheusClient client;
    private final ExecutorService pool;
    private final Diagnostics diagnostics;
    private final QuerySplitter splitter;
    private final AtomicInteger requests = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicReference<SourceFailure> sourceFailure =
            new java.util.concurrent.atomic.AtomicReference<>();
    private final List<Future<Outcome>> strictFutures = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** The source failed: the run stops with exit 4 and this one line. */
    public static final class SourceFailure extends ToolException {
        private static final long serialVersionUID = 1L;

        SourceFailure(String message, Throwable cause) {
            super(dev.gaday.common.error.ExitCode.RUNTIME_ERROR, message, cause);
        }
    }

    public QueryRunner(PrometheusClient client, int concurrency, Diagnostics diagnostics) {
        this(client, concurrency, diagnostics, ShardedQueries.NONE);
    }

    /**
     * @param shardedQueries how service-level queries are split by service when they hit a Prometheus limit
     *     (range queries are split by time in any case; see {@link QuerySplitter})
     */
    public QueryRunner(
            PrometheusClient client, int concurrency, Diagnostics diagnostics, ShardedQueries shardedQueries) {
        this.client = client;
        this.diagnostics = diagnostics;
        this.splitter = new QuerySplitter(
                client,
                shardedQueries,
                diagnostics,
                client instanceof HttpPrometheusClient http
                        ? http.endpoint().retryPolicy().budget()
                        : RetryPolicy.DEFAULT_BUDGET,
                System::nanoTime);
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

    /**
     * Instant queries at {@code time}; {@code deadline} null waits for all.
     *
     * @param failRun a source failure fails the run (true) or becomes a failed outcome (false)
     */
    public Map<QueryKey, Outcome> instant(
            Map<QueryKey, String> queries, Instant time, Duration deadline, boolean failRun) {
        return submitInstant(queries, time, deadline, failRun).await();
    }

    /** Range queries from {@code start} to {@code end} (inclusive) at {@code step}. */
    public Map<QueryKey, Outcome> range(
            Map<QueryKey, String> queries,
            Instant start,
            Instant end,
            Duration step,
            Duration deadline,
            boolean failRun) {
        return submitRange(queries, start, end, step, deadline, failRun).await();
    }

    /** Queues instant queries without waiting; the pool runs batches in the order they were submitted. */
    public Batch submitInstant(Map<QueryKey, String> queries, Instant time, Duration deadline, boolean failRun) {
        return submit(
                queries,
                (key, promql) -> {
                    diagnostics.detail("query time=" + time.getEpochSecond() + " promql=" + promql);
                    QueryResult result = splitter.instant(key, promql, time);
                    if (result instanceof QueryResult.StringValue) {
                        throw new WrongResultType(
                                "answered a KPI query with a string, expected numbers (a vector or scalar)");
                    }
                    return result;
                },
                deadline,
                failRun);
    }

    /** Queues range queries without waiting; the pool runs batches in the order they were submitted. */
    public Batch submitRange(
            Map<QueryKey, String> queries,
            Instant start,
            Instant end,
            Duration step,
            Duration deadline,
            boolean failRun) {
        return submit(
                queries,
                (key, promql) -> {
                    diagnostics.detail("query_range start=" + start.getEpochSecond() + " end=" + end.getEpochSecond()
                            + " step=" + step.toSeconds() + " promql=" + promql);
                    return splitter.range(key, promql, start, end, step);
                },
                deadline,
                failRun);
    }

    private interface Request {
        QueryResult send(QueryKey key, String promql);
    }

    private static final class WrongResultType extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WrongResultType(String message) {
            super(message, null, false, false);
        }
    }

    // The queries grouped by (service, le) or over every request series return the most data and take
    // Prometheus longest: started first, they do not end up alone at the end of the batch.
    private static final List<QueryKey> HEAVIEST_FIRST =
            List.of(QueryKey.LATENCY_BUCKETS, QueryKey.REQUESTS, QueryKey.ERRORS);

    private Batch submit(Map<QueryKey, String> queries, Request request, Duration deadline, boolean failRun) {
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
        boolean strict = failRun;
        List<Future<Outcome>> futures = new ArrayList<>();
        for (QueryKey key : keys) {
            String promql = queries.get(key);
            Future<Outcome> future = pool.submit(() -> {
                if (strict && sourceFailure.get() != null) {
                    throw sourceFailure.get();
                }
                requests.incrementAndGet();
                try {
                    return new Outcome(promql, request.send(key, promql), null);
                } catch (QuerySplitter.LimitReached e) {
                    if (strict) {
                        throw failSource(e.getMessage(), e);
                    }
                    return new Outcome(promql, null, "query error: " + e.getMessage());
                } catch (PrometheusException e) {
                    if (e.kind() == PrometheusException.Kind.API_ERROR && "bad_data".equals(e.errorType())) {
                        throw ToolException.usage("queries." + key.configKey() + " was rejected: " + e.getMessage());
                    }
                    if (strict) {
                        throw failSource(sourceFailureLine(e), e);
                    }
                    return new Outcome(promql, null, describe(e));
                } catch (WrongResultType e) {
                    if (strict) {
                        throw failSource(
                                client.baseUrl() + " " + e.getMessage() + " (queries." + key.configKey() + ")", e);
                    }
                    return new Outcome(promql, null, "query error: " + e.getMessage());
                }
            });
            futures.add(future);
            if (strict) {
                strictFutures.add(future);
            }
        }
        return new Batch(keys, queries, futures, deadline == null ? null : deadlineNanos, strict);
    }

    /** Queries on their way; {@link #await} gives each one's outcome. */
    public final class Batch {
        private final List<QueryKey> keys;
        private final Map<QueryKey, String> queries;
        private final List<Future<Outcome>> futures;
        private final Long deadlineNanos;
        private final boolean failRun;

        private Batch(
                List<QueryKey> keys,
                Map<QueryKey, String> queries,
                List<Future<Outcome>> futures,
                Long deadlineNanos,
                boolean failRun) {
            this.failRun = failRun;
            this.keys = keys;
            this.queries = queries;
            this.futures = futures;
            this.deadlineNanos = deadlineNanos;
        }

        /** Waits for every query (or the deadline: those still running are cancelled and fail). */
        public Map<QueryKey, Outcome> await() {
            waitForAll();
            // Done futures hold their answers: the runner lets go of them, so a batch's answers live only as
            // long as its caller keeps them.
            strictFutures.removeAll(futures);
            SourceFailure failed = sourceFailure.get();
            if (failed != null && failRun) {
                throw failed;
            }
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
                    if (failRun && sourceFailure.get() != null) {
                        throw sourceFailure.get();
                    }
                    if (failRun && e.getCause() instanceof Error error) {
                        // E.g. an OutOfMemoryError: the launcher's one line, never a gap reason in the summary.
                        throw error;
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

    /** Records the run's first source failure and cancels every strict query still queued or running. */
    private SourceFailure failSource(String line, Throwable cause) {
        SourceFailure failure = new SourceFailure(line, cause);
        if (sourceFailure.compareAndSet(null, failure)) {
            strictFutures.forEach(f -> f.cancel(true));
        }
        return sourceFailure.get();
    }

    /** "Prometheus failed: HTTP 401 Unauthorized from POST http://prom:9090/api/v1/query_range". */
    static String sourceFailureLine(PrometheusException e) {
        String request = e.request() == null ? "" : e.request();
        int parameters = request.indexOf(" [");
        String shortRequest = parameters < 0 ? request : request.substring(0, parameters);
        return "Prometheus failed: " + e.detail() + (shortRequest.isEmpty() ? "" : " from " + shortRequest);
    }

    private static String describe(PrometheusException e) {
        String kind =
                switch (e.kind()) {
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
