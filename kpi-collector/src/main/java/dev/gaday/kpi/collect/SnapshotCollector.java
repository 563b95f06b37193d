package dev.gaday.kpi.collect;

import dev.gaday.common.model.FileKind;
import dev.gaday.common.model.kpi.KpiSnapshot;
import dev.gaday.common.model.kpi.Window;
import dev.gaday.kpi.compute.KpiCalculator;
import dev.gaday.kpi.compute.WindowKpis;
import dev.gaday.kpi.config.QueryKey;
import dev.gaday.kpi.query.Evaluation;
import dev.gaday.kpi.query.QueryRunner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Snapshots from range queries: one range query per KPI with step = the interval covers every
 * snapshot at once, each point's {@code [interval]} range being that snapshot's interval.
 */
public final class SnapshotCollector {
    private final QueryRunner runner;
    private final KpiCalculator calculator;
    private final boolean failRun;

    /**
     * @param failRun a source failure fails the run (retroactive); false records it as the snapshots' gap
     *                (live: the summary's whole-window queries, which fail the run, decide the verdict)
     */
    public SnapshotCollector(QueryRunner runner, KpiCalculator calculator, boolean failRun) {
        this.runner = runner;
        this.calculator = calculator;
        this.failRun = failRun;
    }

    /**
     * Snapshots {@code firstSequence}.. ending at {@code firstEnd}, {@code firstEnd + interval}, ...
     * {@code count} of them, each covering the {@code interval} before its end.
     */
    public List<KpiSnapshot> collect(int firstSequence, Instant firstEnd, int count, Duration interval) {
        return submit(firstSequence, firstEnd, count, interval).snapshots();
    }

    /** As {@link #collect}, in two steps: the range queries are queued now, the snapshots computed by {@link Pending#snapshots}. */
    public Pending submit(int firstSequence, Instant firstEnd, int count, Duration interval) {
        List<Instant> ends = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ends.add(firstEnd.plus(interval.multipliedBy(i)));
        }
        Map<QueryKey, String> queries = calculator.queriesFor(interval.toSeconds(), true);
        QueryRunner.Batch batch =
                runner.submitRange(queries, ends.get(0), ends.get(ends.size() - 1), interval, null, failRun);
        return new Pending(firstSequence, ends, interval, batch);
    }

    /** Snapshots whose range queries are on their way. */
    public final class Pending {
        /** Snapshots computed together (in parallel) before they are handed on in sequence order. */
        static final int CHUNK = 16;

        private final int firstSequence;
        private final List<Instant> ends;
        private final Duration interval;
        private QueryRunner.Batch batch;

        private Pending(int firstSequence, List<Instant> ends, Duration interval, QueryRunner.Batch batch) {
            this.firstSequence = firstSequence;
            this.ends = ends;
            this.interval = interval;
            this.batch = batch;
        }

        /** Waits for the queries and computes the snapshots. */
        public List<KpiSnapshot> snapshots() {
            List<KpiSnapshot> snapshots = new ArrayList<>(ends.size());
            forEach(snapshots::add);
            return snapshots;
        }

        /** Waits for the queries, then hands each snapshot to {@code sink} in sequence order (see {@link #forEachChunk}). */
        public void forEach(Consumer<KpiSnapshot> sink) {
            forEachChunk(chunk -> chunk.forEach(sink));
        }

        /**
         * Waits for the queries, then computes the snapshots a chunk at a time and hands each chunk to
         * {@code sink}, in sequence order: only the answers (primitive arrays) and one chunk of snapshots are
         * held at once, and the answers are let go when the last snapshot is computed.
         */
        public void forEachChunk(Consumer<List<KpiSnapshot>> sink) {
            Evaluation.RangeAnswers answers = new Evaluation.RangeAnswers(ends, batch.await());
            batch = null;
            for (int from = 0; from < ends.size(); from += CHUNK) {
                int to = Math.min(from + CHUNK, ends.size());
                // Each snapshot's computation is independent: spread them over the cores.
                sink.accept(IntStream.range(from, to)
                        .parallel()
                        .mapToObj(i -> compute(answers, i))
                        .toList());
            }
        }

        private KpiSnapshot compute(Evaluation.RangeAnswers answers, int i) {
            Instant end = ends.get(i);
            Window window = new Window(end.minus(interval), end, interval.toSeconds());
            WindowKpis kpis = calculator.compute(window, answers.at(i), false);
            return new KpiSnapshot(
                    FileKind.KPI_SNAPSHOT.schemaVersion(),
                    FileKind.KPI_SNAPSHOT.id(),
                    firstSequence + i,
                    window,
                    kpis.overall(),
                    kpis.services(),
                    kpis.gaps(),
                    kpis.infrastructure());
        }
    }

    /** True when every query of the batch failed because the source could not be reached. */
    public static boolean allUnreachable(Map<QueryKey, QueryRunner.Outcome> outcomes) {
        return !outcomes.isEmpty()
                && outcomes.values().stream()
                        .allMatch(o -> o.failed() && o.error().startsWith("source unreachable"));
    }
}
