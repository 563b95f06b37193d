package dev.gaday.kpi.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.cli.Diagnostics;
import dev.gaday.common.model.FileKind;
import dev.gaday.common.model.kpi.KpiSnapshot;
import dev.gaday.common.model.kpi.Window;
import dev.gaday.common.prometheus.PrometheusClient;
import dev.gaday.common.prometheus.QueryResult;
import dev.gaday.kpi.compute.KpiCalculator;
import dev.gaday.kpi.compute.SnapshotFigures;
import dev.gaday.kpi.compute.SummaryAssembler;
import dev.gaday.kpi.compute.WindowKpis;
import dev.gaday.kpi.config.KpiConfig;
import dev.gaday.kpi.config.KpiConfigLoader;
import dev.gaday.kpi.config.QueryKey;
import dev.gaday.kpi.query.Evaluation;
import dev.gaday.kpi.query.QueryRunner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Snapshots computed from the range answers one chunk at a time, in sequence order, and folded into the
 * summary's figures: what is held is the answers and one chunk, and what the summary keeps grows with
 * services and snapshots, not with the samples of the answers. The numbers are those of slicing every
 * timestamp's values out of the answers at once (the way before).
 */
class StreamedSnapshotsTest {
    private static final KpiConfig CONFIG = KpiConfigLoader.load(null);
    private static final Duration INTERVAL = Duration.ofMinutes(5);
    private static final Instant FIRST_END = Instant.parse("2026-06-01T00:05:00Z");

    /** Answers with {@code services} services and {@code bounds} latency buckets each, over {@code points} steps. */
    private static final class Fleet implements PrometheusClient {
        private final Map<String, QueryKey> keys = new HashMap<>();
        private final int services;
        private final int bounds;

        Fleet(int services, int bounds) {
            this.services = services;
            this.bounds = bounds;
            new KpiCalculator(CONFIG)
                    .queriesFor(INTERVAL.toSeconds(), true)
                    .forEach((key, promql) -> keys.put(promql, key));
        }

        @Override
        public QueryResult.Matrix queryRange(String promql, Instant start, Instant end, Duration step) {
            QueryKey key = keys.get(promql);
            List<QueryResult.Series> series = new ArrayList<>();
            for (int n = 0; n < services; n++) {
                int s = n;
                String name = "svc-" + s;
                if (key == QueryKey.LATENCY_BUCKETS) {
                    for (int b = 0; b < bounds; b++) {
                        String le = b == bounds - 1 ? "+Inf" : Double.toString(0.01 * (b + 1));
                        int bucket = b;
                        series.add(series(
                                Map.of("service", name, "le", le),
                                start,
                                end,
                                step,
                                i -> 1000.0 * (bucket + 1) / bounds + i + s));
                    }
                } else if (key == QueryKey.REQUESTS) {
                    series.add(series(Map.of("service", name), start, end, step, i -> 1000.0 + i * 7 + s));
                } else if (key == QueryKey.ERRORS) {
                    // Holes: errors only at every third step, and service 0 fails wholly at step 5 (down).
                    series.add(series(
                            Map.of("service", name),
                            start,
                            end,
                            step,
                            i -> s == 0 && i == 5 ? 1000.0 + i * 7 : i % 3 == 0 ? (double) (i % 4) : Double.NaN));
                } else if (key == QueryKey.UPTIME_PERCENT) {
                    series.add(series(Map.of("service", name), start, end, step, i -> 100.0));
                }
            }
            return new QueryResult.Matrix(series, List.of());
        }

        /** NaN from {@code value} means no sample at that step (a hole). */
        private static QueryResult.Series series(
                Map<String, String> labels,
                Instant start,
                Instant end,
                Duration step,
                java.util.function.IntToDoubleFunction value) {
            List<QueryResult.Sample> samples = new ArrayList<>();
            int i = 0;
            for (Instant t = start; !t.isAfter(end); t = t.plus(step), i++) {
                double v = value.applyAsDouble(i);
                if (!Double.isNaN(v)) {
                    samples.add(new QueryResult.Sample(t, v));
                }
            }
            return new QueryResult.Series(labels, samples);
        }

        @Override
        public QueryResult query(String promql, Instant time) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> labelValues(String label, List<String> matchers, Instant start, Instant end) {
            return List.of();
        }

        @Override
        public String baseUrl() {
            return "http://fleet";
        }

        @Override
        public void close() {}
    }

    private record Run(List<List<KpiSnapshot>> chunks, SnapshotFigures figures, List<KpiSnapshot> reference) {}

    private static Run run(int services, int bounds, int count) {
        KpiCalculator calculator = new KpiCalculator(CONFIG);
        Fleet fleet = new Fleet(services, bounds);
        try (QueryRunner runner =
                new QueryRunner(fleet, 4, new Diagnostics("kpi-collector", new PrintWriter(new StringWriter()), 0))) {
            SnapshotFigures figures = new SummaryAssembler(CONFIG).newFigures();
            List<List<KpiSnapshot>> chunks = new ArrayList<>();
            new SnapshotCollector(runner, calculator, true)
                    .submit(1, FIRST_END, count, INTERVAL)
                    .forEachChunk(chunk -> {
                        chunks.add(chunk);
                        chunk.forEach(figures::add);
                    });
            return new Run(chunks, figures, reference(runner, calculator, count));
        }
    }

    /** Every timestamp's values sliced out of the answers' sample lists at once, as before. */
    private static List<KpiSnapshot> reference(QueryRunner runner, KpiCalculator calculator, int count) {
        List<Instant> ends = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ends.add(FIRST_END.plus(INTERVAL.multipliedBy(i)));
        }
        Map<QueryKey, QueryRunner.Outcome> outcomes = runner.range(
                calculator.queriesFor(INTERVAL.toSeconds(), true),
                ends.get(0),
                ends.get(count - 1),
                INTERVAL,
                null,
                true);
        Map<Instant, Evaluation> byTime = new LinkedHashMap<>();
        ends.forEach(end -> byTime.put(end, new Evaluation(end)));
        outcomes.forEach((key, outcome) -> {
            Map<Instant, List<Evaluation.LabeledValue>> lists = new HashMap<>();
            ends.forEach(end -> lists.put(end, new ArrayList<>()));
            for (QueryResult.Series series : ((QueryResult.Matrix) outcome.result()).series()) {
                for (QueryResult.Sample sample : series.samples()) {
                    lists.get(sample.time()).add(new Evaluation.LabeledValue(series.metric(), sample.value()));
                }
            }
            ends.forEach(end -> byTime.get(end).add(key, outcome.promql(), lists.get(end), null));
        });
        List<KpiSnapshot> snapshots = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant end = ends.get(i);
            WindowKpis kpis = calculator.compute(
                    new Window(end.minus(INTERVAL), end, INTERVAL.toSeconds()), byTime.get(end), false);
            snapshots.add(new KpiSnapshot(
                    FileKind.KPI_SNAPSHOT.schemaVersion(),
                    FileKind.KPI_SNAPSHOT.id(),
                    i + 1,
                    kpis.window(),
                    kpis.overall(),
                    kpis.services(),
                    kpis.gaps(),
                    kpis.infrastructure()));
        }
        return snapshots;
    }

    @Test
    void snapshotsComeInSequenceOrderAChunkAtATimeWithTheNumbersOfSlicingEverythingAtOnce() {
        Run run = run(7, 5, 40);
        List<KpiSnapshot> streamed = new ArrayList<>();
        run.chunks().forEach(streamed::addAll);
        assertEquals(run.reference(), streamed);
        assertEquals(3, run.chunks().size(), "40 snapshots in chunks of at most 16");
        for (List<KpiSnapshot> chunk : run.chunks()) {
            assertTrue(chunk.size() <= 16, "a chunk of " + chunk.size());
        }
        for (int i = 0; i < streamed.size(); i++) {
            assertEquals(i + 1, streamed.get(i).sequence());
        }
        assertEquals(
                SnapshotFigures.of(CONFIG.thresholds().availabilityPercent(), run.reference())
                        .meanTimeToRecoveryMinutes(),
                run.figures().meanTimeToRecoveryMinutes());
        assertEquals(5.0, run.figures().downtimeMinutes(), "service 0 down in snapshot 6 only");
    }

    @Test
    void whatTheSummaryKeepsGrowsWithServicesAndSnapshotsNotWithSamples() {
        // Four times the buckets per service (four times the samples of the biggest answer), the same retained size.
        Run few = run(10, 3, 20);
        Run many = run(10, 12, 20);
        assertEquals(3 * 20 + 10, few.figures().retainedValues());
        assertEquals(few.figures().retainedValues(), many.figures().retainedValues());
        // It grows with services and snapshots.
        assertEquals(3 * 40 + 20, run(20, 3, 40).figures().retainedValues());
    }
}
