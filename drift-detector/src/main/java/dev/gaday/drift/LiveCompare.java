package dev.gaday.drift;

import dev.gaday.common.cli.Diagnostics;
import dev.gaday.common.json.Json;
import dev.gaday.common.model.drift.DriftAnalysis;
import dev.gaday.common.model.drift.DriftBaseline;
import dev.gaday.common.model.drift.DriftWindow;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The live compare: from now for --duration, every --interval the window so far is judged against the
 * baseline and written as drift_snapshot_NNNN.json (complete: false); at the end drift_analysis.json
 * (complete: true). A stop signal (SIGTERM, SIGINT) writes drift_analysis.json marked incomplete within
 * {@link #STOP_DEADLINE}: judged afresh if that fits in {@link #FRESH_BUDGET}, else the last snapshot's
 * judgement. An incomplete file never passes (exit 3 unless it failed). When the source fails mid-run
 * the last snapshot's judgement is written as the final file before the run ends with exit 4.
 */
final class LiveCompare {
    static final Duration STOP_DEADLINE = Duration.ofSeconds(5);
    static final Duration FRESH_BUDGET = Duration.ofSeconds(3);

    /** How the run learns of a stop signal, and how fast its clock runs (tests accelerate it). */
    interface Hooks {
        void onStop(Runnable stop);

        default double speed() {
            return 1;
        }

        static Hooks jvm() {
            return stop -> Runtime.getRuntime().addShutdownHook(new Thread(stop, "drift-detector-stop"));
        }
    }

    private final DriftRunner runner;
    private final DriftBaseline baseline;
    private final String scope;
    private final Path directory;
    private final Duration duration;
    private final Duration interval;
    private final Clock clock;
    private final Hooks hooks;
    private final Diagnostics diagnostics;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Object writeLock = new Object();
    private volatile DriftAnalysis lastSnapshot;
    private volatile Instant start;
    private DriftAnalysis finalAnalysis;

    LiveCompare(
            DriftRunner runner,
            DriftBaseline baseline,
            String scope,
            Path directory,
            Duration duration,
            Duration interval,
            Clock clock,
            Hooks hooks,
            Diagnostics diagnostics) {
        this.runner = runner;
        this.baseline = baseline;
        this.scope = scope;
        this.directory = directory;
        this.duration = duration;
        this.interval = interval;
        this.clock = clock;
        this.hooks = hooks;
        this.diagnostics = diagnostics;
    }

    DriftAnalysis run() {
        start = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant end = start.plus(duration);
        hooks.onStop(this::stopAndAwait);
        diagnostics.info(String.format(
                Locale.ROOT,
                "live compare from %s to %s, a snapshot every %ds; stop with "
                        + "Ctrl-C or SIGTERM for a partial analysis",
                start,
                end,
                interval.toSeconds()));
        try {
            for (int number = 1; ; number++) {
                Instant tick = start.plus(interval.multipliedBy(number));
                if (tick.isAfter(end)) {
                    tick = end;
                }
                if (waitUntil(tick)) {
                    break;
                }
                boolean last = !tick.isBefore(end);
                DriftAnalysis analysis = runner.compareWithBaseline(
                        baseline, scope, new DriftWindow(start, tick), clock.instant(), last);
                if (last) {
                    return writeFinal(analysis);
                }
                Json.writeFile(
                        directory.resolve(String.format(Locale.ROOT, "drift_snapshot_%04d.json", number)), analysis);
                lastSnapshot = analysis;
                diagnostics.detail(
                        "snapshot " + number + ": " + analysis.status() + ", " + analysis.driftsDetected() + " drifts");
            }
            return writeFinal(partial(FRESH_BUDGET));
        } catch (RuntimeException e) {
            // The source failed mid-run (exit 4): the directory still ends with a final file, marked incomplete.
            writeFinal(fallback());
            throw e;
        } finally {
            finished.countDown();
        }
    }

    /** Returns true when a stop was requested before {@code tick}. */
    private boolean waitUntil(Instant tick) {
        try {
            while (true) {
                long millis = Duration.between(clock.instant(), tick).toMillis();
                if (millis <= 0) {
                    return stop.getCount() == 0;
                }
                if (stop.await(Math.max(1, (long) (millis / hooks.speed())), TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** The stop signal's handler: wakes the run and waits until the final file is written. */
    void stopAndAwait() {
        stop.countDown();
        try {
            if (!finished.await(STOP_DEADLINE.minusMillis(500).toMillis(), TimeUnit.MILLISECONDS)) {
                // The run is stuck (a slow query): write what is known, so the directory still ends complete.
                writeFinal(fallback());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The window so far judged afresh within the budget, or the last snapshot's judgement. */
    private DriftAnalysis partial(Duration budget) {
        Instant now = clock.instant();
        if (now.isAfter(start.plus(runner.step()))) {
            ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
                Thread thread = new Thread(r, "drift-detector-partial");
                thread.setDaemon(true);
                return thread;
            });
            try {
                Future<DriftAnalysis> fresh = executor.submit(
                        () -> runner.compareWithBaseline(baseline, scope, new DriftWindow(start, now), now, false));
                return fresh.get(budget.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                diagnostics.warn("the partial analysis could not be judged afresh in time ("
                        + e.getClass().getSimpleName() + "); writing the last snapshot's");
            } finally {
                executor.shutdownNow();
            }
        }
        return fallback();
    }

    private DriftAnalysis fallback() {
        DriftAnalysis snapshot = lastSnapshot;
        if (snapshot != null) {
            return snapshot;
        }
        Instant now = clock.instant();
        Instant end = now.isAfter(start) ? now : start.plusSeconds(1);
        return runner.empty(
                "compare",
                baseline.window(),
                new DriftWindow(start, end),
                now,
                "stopped before the first snapshot: nothing was judged");
    }

    private DriftAnalysis writeFinal(DriftAnalysis analysis) {
        synchronized (writeLock) {
            if (finalAnalysis == null) {
                finalAnalysis = analysis;
                Json.writeFile(directory.resolve(DriftCommandBase.ANALYSIS_FILE), analysis);
            }
            return finalAnalysis;
        }
    }
}
