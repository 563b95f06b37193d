package dev.gaday.kpi.collect;

import dev.gaday.common.io.AtomicFiles;
import dev.gaday.common.model.kpi.DataGap;
import dev.gaday.common.model.kpi.KpiSnapshot;
import dev.gaday.common.model.kpi.KpiSummary;
import dev.gaday.common.model.kpi.Window;
import dev.gaday.kpi.report.OutputFiles;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * A live collection: a snapshot when each interval ends (intervals missed while the process was
 * down or busy are caught up with one range query), the summary when the window ends. A stop
 * request (SIGTERM, SIGINT) ends the wait at once and writes a partial summary of [start, now].
 */
public final class LiveRun {
    /** How long a stopped run may spend on its partial summary's queries (the whole stop must fit in 5 s). */
    public static final Duration PARTIAL_QUERY_DEADLINE = Duration.ofMillis(2500);

    /** Writes snapshots {@code first..} ending at the given time, each one interval long. */
    public interface SnapshotSource {
        List<KpiSnapshot> collect(int firstSequence, Instant firstEnd, int count, Duration interval);
    }

    /** Progress for people: one call per written snapshot. */
    public interface Progress {
        void snapshotWritten(KpiSnapshot snapshot, int total);

        void waiting(Instant next, int written, int total);

        /** The run is over (complete or stopped): end the progress display. */
        void done();
    }

    private final LiveClock clock;
    private final Instant start;
    private final Instant end;
    private final Duration interval;
    private final SnapshotSource snapshots;
    /** (whole window, snapshots) to the final summary. */
    private final BiFunction<Window, List<KpiSnapshot>, KpiSummary> finalSummary;

    private final PartialSummary partialSummary;
    private final OutputFiles output;
    private final Progress progress;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final java.util.concurrent.atomic.AtomicBoolean summaryClaimed =
            new java.util.concurrent.atomic.AtomicBoolean();
    private final List<KpiSnapshot> collected = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile KpiSummary result;

    /** The summary of a run stopped early: (window so far, snapshots) to the partial summary. */
    public interface PartialSummary {
        KpiSummary summarize(Window window, List<KpiSnapshot> snapshots, List<DataGap> gaps);
    }

    public LiveRun(
            LiveClock clock,
            Instant start,
            Instant end,
            Duration interval,
            SnapshotSource snapshots,
            BiFunction<Window, List<KpiSnapshot>, KpiSummary> finalSummary,
            PartialSummary partialSummary,
            OutputFiles output,
            Progress progress) {
        this.clock = clock;
        this.start = start;
        this.end = end;
        this.interval = interval;
        this.snapshots = snapshots;
        this.finalSummary = finalSummary;
        this.partialSummary = partialSummary;
        this.output = output;
        this.progress = progress;
    }

    public int totalSnapshots() {
        long total = Duration.between(start, end).toSeconds() / interval.toSeconds();
        return (int) Math.max(1, total);
    }

    /** Runs to the window's end or a stop request; returns the summary written. */
    public KpiSummary run(List<KpiSnapshot> existing) {
        collected.addAll(existing);
        try {
            int total = totalSnapshots();
            while (collected.size() < total) {
                int next = collected.size() + 1;
                Instant nextEnd = start.plus(interval.multipliedBy(next));
                Instant now = clock.now();
                if (!nextEnd.isAfter(now)) {
                    long due = Duration.between(start, now).toSeconds() / interval.toSeconds();
                    int count = (int) Math.min(due, total) - collected.size();
                    List<KpiSnapshot> fresh = snapshots.collect(next, nextEnd, count, interval);
                    output.writeSnapshots(fresh, AtomicFiles.Durability.FSYNC);
                    for (KpiSnapshot snapshot : fresh) {
                        collected.add(snapshot);
                        progress.snapshotWritten(snapshot, total);
                    }
                    continue;
                }
                if (stop.getCount() == 0) {
                    break;
                }
                progress.waiting(nextEnd, collected.size(), total);
                long waitMillis = clock.millisUntil(nextEnd) + 1;
                if (stop.await(waitMillis, TimeUnit.MILLISECONDS)) {
                    break;
                }
            }
            progress.done();
            if (!summaryClaimed.compareAndSet(false, true)) {
                // The stop hook gave up waiting and wrote the partial summary itself.
                finished.await();
                return result;
            }
            KpiSummary summary = collected.size() < totalSnapshots()
                    ? writePartial()
                    : finalSummary.apply(new Window(start, end, interval.toSeconds()), new ArrayList<>(collected));
            if (!summary.partial()) {
                output.writeSummaryAsSet(summary);
                result = summary;
            }
            return summary;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("live collection interrupted", e);
        } finally {
            finished.countDown();
        }
    }

    private KpiSummary writePartial() {
        Instant stoppedAt = clock.now();
        if (!stoppedAt.isAfter(start)) {
            stoppedAt = start.plusSeconds(1);
        }
        Instant windowEnd = stoppedAt.isBefore(end) ? stoppedAt : end;
        List<DataGap> gaps = List.of(new DataGap(
                "window",
                null,
                windowEnd,
                end,
                "partial: the run was stopped at " + windowEnd + " before the window ended"));
        KpiSummary summary = partialSummary.summarize(
                new Window(start, windowEnd, interval.toSeconds()), new ArrayList<>(collected), gaps);
        output.writeSummaryAsSet(summary);
        result = summary;
        return summary;
    }

    /**
     * Asks the run to stop and waits until its partial summary is written. When the run is stuck in
     * a slow request (retries against an unreachable source), the caller writes the partial summary
     * itself after {@code patience}, from the snapshots collected so far. False if nothing was written.
     */
    public boolean stopAndAwait(Duration patience) {
        stop.countDown();
        try {
            if (finished.await(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            if (summaryClaimed.compareAndSet(false, true)) {
                try {
                    writePartial();
                } finally {
                    finished.countDown();
                }
                return true;
            }
            return finished.await(LiveRun.PARTIAL_QUERY_DEADLINE.toMillis() + 500, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public boolean stopRequested() {
        return stop.getCount() == 0;
    }

    public KpiSummary result() {
        return result;
    }
}
