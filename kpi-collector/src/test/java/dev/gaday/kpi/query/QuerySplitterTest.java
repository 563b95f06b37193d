package dev.gaday.kpi.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.cli.Diagnostics;
import dev.gaday.common.error.ExitCode;
import dev.gaday.common.prometheus.PrometheusException;
import dev.gaday.common.prometheus.QueryResult;
import dev.gaday.kpi.config.KpiConfig;
import dev.gaday.kpi.config.KpiConfigLoader;
import dev.gaday.kpi.config.QueryKey;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The split planner and stitcher against an in-memory fleet with Prometheus's sample limit. */
class QuerySplitterTest {
    private static final Instant START = Instant.parse("2026-01-15T00:00:00Z");
    private static final Duration STEP = Duration.ofMinutes(5);
    private static final KpiConfig CONFIG = KpiConfigLoader.load(null);
    private static final String REQUESTS = CONFIG.render(QueryKey.REQUESTS, 300);

    private final StringWriter log = new StringWriter();
    private final AtomicLong clock = new AtomicLong();

    private QuerySplitter splitter(LimitedPrometheus prometheus) {
        return new QuerySplitter(
                prometheus,
                new ShardedQueries(CONFIG),
                new Diagnostics("kpi-collector", new PrintWriter(log, true), 1),
                Duration.ofMinutes(2),
                clock::get);
    }

    private static LimitedPrometheus fleet() {
        return new LimitedPrometheus().services("checkout", "cart", "search", "pay.ments", "auth");
    }

    private static Instant at(int step) {
        return START.plus(STEP.multipliedBy(step));
    }

    private List<String> splitLines() {
        return log.toString().lines().filter(l -> l.contains("split ")).toList();
    }

    /** Every series has each grid timestamp once, in order, with the unsplit answer's value. */
    private static void assertSameAnswer(QueryResult.Matrix expected, QueryResult.Matrix actual) {
        assertEquals(expected.series().size(), actual.series().size());
        Map<Map<String, String>, List<QueryResult.Sample>> byLabels = new java.util.HashMap<>();
        actual.series().forEach(s -> byLabels.put(s.metric(), s.samples()));
        for (QueryResult.Series series : expected.series()) {
            List<QueryResult.Sample> samples = byLabels.get(series.metric());
            assertEquals(series.samples(), samples, series.metric().toString());
            Set<Instant> seen = new HashSet<>();
            samples.forEach(s -> assertTrue(seen.add(s.time()), "timestamp " + s.time() + " twice"));
        }
    }

    @Test
    void aRangeOverTheLimitIsHalvedByTimeAndStitchedExactly() {
        LimitedPrometheus prometheus = fleet();
        QueryResult.Matrix unsplit = prometheus.queryRange(REQUESTS, at(0), at(11), STEP);
        prometheus.maxSamples = 5 * 6; // 12 steps x 5 services = 60: halves of 6 steps pass.
        prometheus.requests.clear();

        QueryResult.Matrix split = splitter(prometheus).range(QueryKey.REQUESTS, REQUESTS, at(0), at(11), STEP);

        assertSameAnswer(unsplit, split);
        assertEquals(3, prometheus.requests.size(), prometheus.requests.toString());
        assertTrue(prometheus.requests.get(1).endsWith(at(0) + ".." + at(5)), prometheus.requests.toString());
        assertTrue(prometheus.requests.get(2).endsWith(at(6) + ".." + at(11)), prometheus.requests.toString());
        assertEquals(
                List.of("kpi-collector: split queries.requests into 2 parts by time (12 steps from " + at(0)
                        + "): too many samples (Prometheus's --query.max-samples limit)"),
                splitLines());
        assertTrue(prometheus.labelRequests.isEmpty(), "no service shards were needed");
    }

    @Test
    void oddRangesAreHalvedOnTheGridDownToOneStep() {
        LimitedPrometheus prometheus = fleet();
        QueryResult.Matrix unsplit = prometheus.queryRange(REQUESTS, at(0), at(6), STEP);
        prometheus.maxSamples = 5; // one step of the fleet at a time
        prometheus.requests.clear();

        QueryResult.Matrix split = splitter(prometheus).range(QueryKey.REQUESTS, REQUESTS, at(0), at(6), STEP);

        assertSameAnswer(unsplit, split);
        // 7 -> 4 + 3 -> 2 + 2 + 2 + 1 -> 1 x 7: every piece on the 5-minute grid, never below one step.
        long oneStepQueries = prometheus.requests.stream()
                .filter(r -> r.matches(".* (\\S+)\\.\\.\\1$"))
                .count();
        assertEquals(7, oneStepQueries, prometheus.requests.toString());
        // Only 7, 4 and 2 steps were sent and failed: a part as long as one that failed is split unsent.
        assertEquals(7 + 3, prometheus.requests.size(), prometheus.requests.toString());
        assertTrue(
                splitLines().stream().noneMatch(l -> l.contains("by service")),
                splitLines().toString());
        assertEquals(6, splitLines().size(), splitLines().toString());
    }

    @Test
    void oneStepOverTheLimitIsShardedByServiceAndTheRestIsKept() {
        LimitedPrometheus prometheus = fleet();
        prometheus.series.add(Map.of("job", "exporter-without-service"));
        prometheus.series.add(Map.of("service", "born-after-the-lookup"));
        QueryResult.Matrix unsplit = prometheus.queryRange(REQUESTS, at(0), at(1), STEP);
        prometheus.maxSamples = 3;
        prometheus.requests.clear();

        QueryResult.Matrix split = splitter(prometheus).range(QueryKey.REQUESTS, REQUESTS, at(0), at(1), STEP);

        assertSameAnswer(unsplit, split);
        assertEquals(7, split.series().size());
        assertTrue(
                splitLines().stream()
                        .anyMatch(l -> l.startsWith("kpi-collector: split queries.requests into 3 parts"
                                + " by service (service) (one step at " + at(0) + ")")),
                splitLines().toString());
        assertTrue(
                prometheus.labelRequests.get(0).startsWith("service [http_requests_total{}] "),
                prometheus.labelRequests.toString());
        // Values are read once, over the whole range with the query's window and lookback before it.
        assertEquals(1, prometheus.labelRequests.size(), prometheus.labelRequests.toString());
        assertTrue(
                prometheus.labelRequests.get(0).endsWith(at(0).minusSeconds(300 + 300) + ".." + at(1)),
                prometheus.labelRequests.toString());
        // The second step goes to the shards at once: the whole fleet failed for one step already.
        assertEquals(2 + 3 + 3, prometheus.requests.size(), prometheus.requests.toString());
        assertTrue(
                prometheus.requests.stream().anyMatch(r -> r.contains("service=~\"pay\\\\.ments")),
                "regex metacharacters are escaped: " + prometheus.requests);
    }

    @Test
    void anInstantQueryIsShardedByServiceNeverByTime() {
        LimitedPrometheus prometheus = fleet();
        String promql = CONFIG.render(QueryKey.LATENCY_BUCKETS, 86_400);
        QueryResult.Vector unsplit = (QueryResult.Vector) prometheus.query(promql, at(0));
        prometheus.maxSamples = 2;
        prometheus.requests.clear();

        QueryResult.Vector split =
                (QueryResult.Vector) splitter(prometheus).instant(QueryKey.LATENCY_BUCKETS, promql, at(0));

        assertEquals(Set.copyOf(unsplit.samples()), Set.copyOf(split.samples()));
        assertEquals(unsplit.samples().size(), split.samples().size());
        assertTrue(prometheus.requests.stream().allMatch(r -> r.endsWith("@" + at(0))));
        assertTrue(
                prometheus.requests.stream()
                        .skip(1)
                        .allMatch(r -> r.contains("increase(http_request_duration" + "_seconds_bucket{service=~")
                                || r.contains("{service!~")),
                prometheus.requests.toString());
        assertTrue(
                splitLines().stream().allMatch(l -> l.contains("by service")),
                splitLines().toString());
    }

    @Test
    void evenOneServiceAtOneStepOverTheLimitFailsWithOneLineNamingTheKpiAndTheLimit() {
        LimitedPrometheus prometheus = fleet();
        prometheus.maxSamples = 0;

        QuerySplitter.LimitReached e = assertThrows(QuerySplitter.LimitReached.class, () -> splitter(prometheus)
                .range(QueryKey.REQUESTS, REQUESTS, at(0), at(3), STEP));

        assertEquals(ExitCode.RUNTIME_ERROR, e.exitCode());
        assertTrue(
                e.getMessage()
                        .startsWith("queries.requests cannot be split further: too many samples"
                                + " (Prometheus's --query.max-samples limit) even for one step at "),
                e.getMessage());
        assertTrue(e.getMessage().contains("one service (service=~"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aQueryThatIsNotPerServiceIsSplitByTimeOnly() {
        LimitedPrometheus prometheus = fleet();
        prometheus.maxSamples = 0;
        String promql = CONFIG.render(QueryKey.CLUSTER_CPU_PERCENT, 300);

        QuerySplitter.LimitReached e = assertThrows(QuerySplitter.LimitReached.class, () -> splitter(prometheus)
                .range(QueryKey.CLUSTER_CPU_PERCENT, promql, at(0), at(1), STEP));

        assertTrue(e.getMessage().startsWith("queries.clusterCpuPercent cannot be split further"), e.getMessage());
        assertTrue(
                e.getMessage().endsWith("of the whole fleet; not split by service: not a per-service query"),
                e.getMessage());
        assertEquals(2, prometheus.requests.size(), "the whole range, then its first step, which fails the query");
        assertTrue(prometheus.labelRequests.isEmpty());
    }

    @Test
    void otherFailuresAreNotSplit() {
        LimitedPrometheus prometheus = fleet();
        PrometheusException badData = PrometheusException.of(
                PrometheusException.Kind.API_ERROR, "POST q", 400, "bad_data", "parse error", null, null);
        prometheus.failEveryQuery = badData;

        PrometheusException e = assertThrows(PrometheusException.class, () -> splitter(prometheus)
                .range(QueryKey.REQUESTS, REQUESTS, at(0), at(11), STEP));

        assertSame(badData, e);
        assertEquals(1, prometheus.requests.size());
        assertTrue(splitLines().isEmpty());
    }

    @Test
    void splittingStopsWhenTheRetryBudgetIsSpent() {
        LimitedPrometheus prometheus = new LimitedPrometheus() {
            @Override
            public QueryResult.Matrix queryRange(String promql, Instant start, Instant end, Duration step) {
                clock.addAndGet(Duration.ofSeconds(50).toNanos());
                return super.queryRange(promql, start, end, step);
            }
        }.services("a", "b", "c", "d");
        prometheus.maxSamples = 4;

        QuerySplitter.LimitReached e = assertThrows(QuerySplitter.LimitReached.class, () -> splitter(prometheus)
                .range(QueryKey.REQUESTS, REQUESTS, at(0), at(7), STEP));

        assertTrue(e.getMessage().startsWith("queries.requests was split into "), e.getMessage());
        assertTrue(e.getMessage().contains("the retry budget of 2m is spent"), e.getMessage());
        assertTrue(prometheus.requests.size() <= 4, prometheus.requests.toString());
    }

    @Test
    void theRunnerSplitsAndAQueryThatCannotBeSplitFailsTheRunOrBecomesAGap() {
        LimitedPrometheus prometheus = fleet();
        String cluster = CONFIG.render(QueryKey.CLUSTER_CPU_PERCENT, 300);
        Map<QueryKey, String> queries = new java.util.EnumMap<>(QueryKey.class);
        queries.put(QueryKey.REQUESTS, REQUESTS);
        queries.put(QueryKey.CLUSTER_CPU_PERCENT, cluster);
        prometheus.maxSamples = 2; // the requests fit in shards of one step, the fleet-wide query not at all
        Diagnostics diagnostics = new Diagnostics("kpi-collector", new PrintWriter(log, true), 1);
        try (QueryRunner runner = new QueryRunner(prometheus, 1, diagnostics, new ShardedQueries(CONFIG))) {
            Map<QueryKey, QueryRunner.Outcome> outcomes = runner.range(queries, at(0), at(3), STEP, null, false);
            assertFalse(outcomes.get(QueryKey.REQUESTS).failed(), outcomes.toString());
            assertEquals(
                    5,
                    ((QueryResult.Matrix) outcomes.get(QueryKey.REQUESTS).result())
                            .series()
                            .size());
            assertTrue(
                    outcomes.get(QueryKey.CLUSTER_CPU_PERCENT)
                            .error()
                            .startsWith("query error: queries.clusterCpuPercent cannot be split further: too many"
                                    + " samples"),
                    outcomes.toString());

            QueryRunner.SourceFailure failure = assertThrows(
                    QueryRunner.SourceFailure.class, () -> runner.range(queries, at(0), at(3), STEP, null, true));
            assertEquals(ExitCode.RUNTIME_ERROR, failure.exitCode());
            assertTrue(
                    failure.getMessage().startsWith("queries.clusterCpuPercent cannot be split further"),
                    failure.getMessage());
        }
    }

    @Test
    void stitchingKeepsEachTimestampOnceInOrder() {
        Map<String, String> a = Map.of("service", "a");
        QueryResult.Matrix late = new QueryResult.Matrix(
                List.of(new QueryResult.Series(
                        a, List.of(new QueryResult.Sample(at(2), 2), new QueryResult.Sample(at(3), 3)))),
                List.of("w"));
        QueryResult.Matrix early = new QueryResult.Matrix(
                List.of(new QueryResult.Series(
                        a, List.of(new QueryResult.Sample(at(0), 0), new QueryResult.Sample(at(2), 99)))),
                List.of("w"));

        QueryResult.Matrix stitched = QueryResult.Matrix.stitch(List.of(late, early));

        assertEquals(
                List.of(
                        new QueryResult.Sample(at(0), 0),
                        new QueryResult.Sample(at(2), 2),
                        new QueryResult.Sample(at(3), 3)),
                stitched.series().get(0).samples());
        assertEquals(List.of("w"), stitched.warnings());
    }

    @Test
    void shardsPartitionTheFleetWithARestForUnnamedSeries() {
        List<String> labels = List.of("service", "job");
        List<ServiceShard> top = ServiceShard.WHOLE.split(
                labels, (label, matchers) -> label.equals("service") ? List.of("c", "a", "b", "") : List.of("x"));
        assertEquals(
                List.of(List.of("service=~\"a|b\""), List.of("service=~\"c\""), List.of("service!~\"a|b|c\"")),
                top.stream().map(ServiceShard::matchers).toList());
        assertEquals(
                List.of(List.of("service=~\"a\""), List.of("service=~\"b\"")),
                top.get(0).split(labels, (l, m) -> List.of()).stream()
                        .map(ServiceShard::matchers)
                        .toList());
        assertTrue(top.get(1).split(labels, (l, m) -> List.of()).isEmpty(), "one service: no further split");
        List<ServiceShard> rest = top.get(2).split(labels, (label, matchers) -> {
            assertEquals("job", label);
            assertEquals(List.of("service!~\"a|b|c\""), matchers);
            return List.of("x");
        });
        assertEquals(
                List.of(List.of("service!~\"a|b|c\"", "job=~\"x\""), List.of("service!~\"a|b|c\"", "job!~\"x\"")),
                rest.stream().map(ServiceShard::matchers).toList());
        assertTrue(rest.get(1).split(labels, (l, m) -> List.of("y")).isEmpty(), "no label left");
        List<String> many = java.util.stream.IntStream.range(0, 500)
                .mapToObj(i -> "service-" + i)
                .toList();
        String described =
                ServiceShard.WHOLE.split(labels, (l, m) -> many).get(2).describe();
        assertTrue(described.startsWith("service!~\"service-0|service-1|") && described.length() == 201, described);
        assertEquals("the whole fleet", ServiceShard.WHOLE.describe());
    }

    @Test
    void valuesAreQuotedForRe2InsideAPromqlString() {
        assertEquals(
                "a\\\\.b|c\\\\|d|e\\\"f|g\\\\\\\\h", ServiceShard.alternation(List.of("a.b", "c|d", "e\"f", "g\\h")));
    }

    @Test
    void shardedTemplatesCarryTheMatchersWhereTheSelectorIs() {
        ShardedQueries queries = new ShardedQueries(CONFIG);
        ShardedQueries.Shardable requests =
                queries.of(QueryKey.REQUESTS, REQUESTS).orElseThrow();
        assertEquals(300, requests.windowSeconds());
        assertEquals(List.of("service", "job"), requests.labels());
        ServiceShard shard = new ServiceShard(List.of("service=~\"a|b\""), 0, List.of("a", "b"), List.of("a", "b"));
        assertEquals(
                "sum by (service, job) (increase(http_requests_total{service=~\"a|b\"}[300s]))",
                requests.render(shard));
        String errors = CONFIG.render(QueryKey.ERRORS, 86_400);
        assertTrue(queries.of(QueryKey.ERRORS, errors)
                .orElseThrow()
                .render(shard)
                .contains("{status=~\"5..\",service=~\"a|b\"}[86400s]"));
        assertTrue(queries.of(QueryKey.CLUSTER_CPU_PERCENT, CONFIG.render(QueryKey.CLUSTER_CPU_PERCENT, 300))
                .isEmpty());
        assertTrue(queries.of(QueryKey.REQUESTS, "sum(increase(http_requests_total[300s]))")
                .isEmpty());
        assertTrue(ShardedQueries.NONE.of(QueryKey.REQUESTS, REQUESTS).isEmpty());
    }
}
