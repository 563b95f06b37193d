package dev.gaday.kpi.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.cli.Diagnostics;
import dev.gaday.common.prometheus.PrometheusClient;
import dev.gaday.common.prometheus.PrometheusException;
import dev.gaday.common.prometheus.QueryResult;
import dev.gaday.kpi.config.QueryKey;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class QueryRunnerTest {
    private static final Instant TIME = Instant.parse("2026-01-15T00:00:00Z");
    private static final Map<QueryKey, String> QUERIES = Map.of(
            QueryKey.REQUESTS, "a", QueryKey.ERRORS, "b", QueryKey.LATENCY_BUCKETS, "c", QueryKey.UPTIME_PERCENT, "d");

    private static PrometheusClient client(Function<String, QueryResult> answer) {
        return new PrometheusClient() {
            @Override
            public QueryResult query(String promql, Instant time) {
                return answer.apply(promql);
            }

            @Override
            public QueryResult.Matrix queryRange(String promql, Instant start, Instant end, Duration step) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<String> labelValues(String label, List<String> matchers, Instant start, Instant end) {
                return List.of();
            }

            @Override
            public String baseUrl() {
                return "http://source";
            }

            @Override
            public void close() {}
        };
    }

    private static QueryRunner runner(PrometheusClient client, int concurrency) {
        return new QueryRunner(
                client, concurrency, new Diagnostics("kpi-collector", new PrintWriter(new StringWriter()), 0));
    }

    private static PrometheusException http500(String promql) {
        return PrometheusException.of(
                PrometheusException.Kind.HTTP_STATUS,
                "POST http://source/api/v1/query [query=" + promql + "]",
                500,
                null,
                "HTTP 500 Internal Server Error",
                null,
                null);
    }

    @Test
    void aSourceFailureFailsTheRunAndNoFurtherQueryIsSent() {
        AtomicInteger sent = new AtomicInteger();
        try (QueryRunner runner = runner(
                client(promql -> {
                    sent.incrementAndGet();
                    throw http500(promql);
                }),
                1)) {
            QueryRunner.SourceFailure failure =
                    assertThrows(QueryRunner.SourceFailure.class, () -> runner.instant(QUERIES, TIME, null, true));
            assertTrue(
                    failure.getMessage()
                            .startsWith("Prometheus failed: HTTP 500 Internal Server Error from POST "
                                    + "http://source/api/v1/query"),
                    failure.getMessage());
            assertTrue(!failure.getMessage().contains("[query="), "the PromQL stays out of the line");
            assertEquals(1, sent.get(), "the queued queries are cancelled");
        }
    }

    @Test
    void withoutFailRunAFailureIsAGap() {
        try (QueryRunner runner = runner(
                client(promql -> {
                    throw http500(promql);
                }),
                2)) {
            Map<QueryKey, QueryRunner.Outcome> outcomes = runner.instant(QUERIES, TIME, Duration.ofSeconds(5), false);
            assertEquals(4, outcomes.size());
            assertTrue(outcomes.values().stream()
                    .allMatch(o -> o.failed() && o.error().startsWith("query error: ")));
        }
    }

    @Test
    void anErrorIsNeverAGapReason() {
        try (QueryRunner runner = runner(
                client(promql -> {
                    throw new OutOfMemoryError("Java heap space");
                }),
                2)) {
            assertThrows(OutOfMemoryError.class, () -> runner.instant(QUERIES, TIME, null, true));
        }
    }

    @Test
    void aStringWhereNumbersWereAskedForIsASourceFailure() {
        try (QueryRunner runner = runner(client(promql -> new QueryResult.StringValue(TIME, "hello", List.of())), 2)) {
            QueryRunner.SourceFailure failure =
                    assertThrows(QueryRunner.SourceFailure.class, () -> runner.instant(QUERIES, TIME, null, true));
            assertTrue(failure.getMessage().contains("answered a KPI query with a string"), failure.getMessage());
        }
    }
}
