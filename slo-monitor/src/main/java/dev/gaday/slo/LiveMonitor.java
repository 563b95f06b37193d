package dev.gaday.slo;

import dev.gaday.common.cli.BuildInfo;
import dev.gaday.common.cli.Diagnostics;
import dev.gaday.common.cli.DurationConverter;
import dev.gaday.common.cli.PrometheusConnectionMixin;
import dev.gaday.common.error.ExitCode;
import dev.gaday.common.error.ToolException;
import dev.gaday.common.json.Json;
import dev.gaday.common.model.slo.SloAlert;
import dev.gaday.common.model.slo.SloResult;
import dev.gaday.common.model.slo.SloStatus;
import dev.gaday.common.model.slo.SloWindow;
import dev.gaday.common.prometheus.PrometheusClient;
import dev.gaday.common.text.ReportFormat;
import dev.gaday.slo.evaluate.SloEvaluator;
import dev.gaday.slo.evaluate.SloRun;
import dev.gaday.slo.evaluate.StatusAssembler;
import dev.gaday.slo.math.WindowCounts;
import dev.gaday.slo.spec.SloDefinition;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The live mode: at every interval tick, instant queries at the tick give each SLO's counts over the window
 * so far and over every alert window; the alert history kept in memory is replayed as in the retroactive
 * mode, slo_status_NNNN.json is written (partial) and each alert transition is one log line (and a Slack
 * message). At the end the final slo_status.json; on SIGTERM/SIGINT the final file at once from the last
 * evaluation, marked partial. {@code --resume} takes the window start and sequence from the newest
 * slo_status_NNNN.json and rebuilds the alert history with range queries.
 */
final class LiveMonitor {
    private static final Pattern SNAPSHOT = Pattern.compile("slo_status_(\\d{4,})\\.json");
    /** How long the stop handler waits for the final file (the whole stop must fit in 5 s). */
    private static final Duration STOP_WAIT = Duration.ofMillis(4000);

    /** The exit code of a run that a signal stopped, for the stop hook to exit with. */
    private static volatile Integer exitAfterStop;

    /**
     * Seam for tests: registers the action to run on SIGTERM/SIGINT; returns how to unregister it. The real
     * hook halts with the run's exit code once the final file is written: a JVM stopped by a signal would
     * otherwise exit 143 whatever the verdict.
     */
    static java.util.function.Function<Runnable, Runnable> stopHook = action -> {
        Thread hook = new Thread(
                () -> {
                    action.run();
                    Integer code = exitAfterStop;
                    if (code != null) {
                        Runtime.getRuntime().halt(code);
                    }
                },
                "slo-monitor-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        return () -> {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already stopping: nothing to remove
            }
        };
    };

    private final SloMonitorConfig config;
    private final PrometheusConnectionMixin prometheus;
    private final Diagnostics diagnostics;
    private final Duration interval;
    private final boolean resume;
    private final SlackNotifier slack;
    private final Clock clock = Clock.systemUTC();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Map<String, History> histories = new HashMap<>();
    private final Map<String, Boolean> firing = new HashMap<>();
    private volatile SloStatus last;
    private volatile Instant runStart;
    /** Whoever writes the final file first (the run, or the stop handler when a cycle is still busy) claims it. */
    private final java.util.concurrent.atomic.AtomicBoolean finalClaimed =
            new java.util.concurrent.atomic.AtomicBoolean();
    /** How long the stop handler lets a busy cycle run before it writes the final file itself. */
    private static final Duration BUSY_CYCLE_GRACE = Duration.ofMillis(2500);

    LiveMonitor(
            SloMonitorConfig config,
            PrometheusConnectionMixin prometheus,
            Diagnostics diagnostics,
            PrintWriter out,
            Duration interval,
            boolean resume,
            SlackNotifier slack) {
        this.config = config;
        this.prometheus = prometheus;
        this.diagnostics = diagnostics;
        this.interval = interval;
        this.resume = resume;
        this.slack = slack;
    }

    /** One SLO's observations so far, one entry per tick. */
    private static final class History {
        final List<Instant> times = new ArrayList<>();
        final Map<Duration, List<WindowCounts>> windows = new LinkedHashMap<>();

        void add(Instant time, Map<Duration, WindowCounts> counts) {
            times.add(time);
            counts.forEach((window, c) ->
                    windows.computeIfAbsent(window, w -> new ArrayList<>()).add(c));
        }
    }

    ExitCode run(Duration duration) {
        List<SloDefinition> explicit = SloSources.fromFile(config.slosFile());
        Runnable unregister = stopHook.apply(this::stopAndAwait);
        try (PrometheusClient client = prometheus.connect(diagnostics)) {
            Instant start;
            int sequence = 0;
            Resumed resumed = resume ? resumed() : null;
            if (resumed != null) {
                start = resumed.start();
                sequence = resumed.sequence();
            } else {
                start = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            }
            runStart = start;
            Instant end = start.plus(duration);
            List<SloDefinition> slos = explicit != null
                    ? explicit
                    : SloSources.defaults(client, start.minus(Duration.ofHours(1)), clock.instant(), diagnostics);
            SloRun run = new SloRun(client, diagnostics, config.policy(), config.windowFloor());
            run.lookUpBuckets(slos, start.minus(Duration.ofHours(1)), clock.instant());
            if (resumed != null) {
                catchUp(run, slos, start, start.plus(interval.multipliedBy(sequence)));
            }
            diagnostics.info("live SLO monitoring from " + start + " to " + end + ", every "
                    + DurationConverter.format(interval) + ": " + slos.size() + " SLOs; stop with SIGTERM or Ctrl-C");
            while (true) {
                Instant tick = start.plus(interval.multipliedBy(sequence + 1L));
                if (tick.isAfter(end)) {
                    tick = end;
                }
                if (!waitUntil(tick)) {
                    return finish(start, true);
                }
                sequence++;
                long began = System.nanoTime();
                try {
                    last = evaluate(run, slos, start, tick);
                } catch (dev.gaday.common.prometheus.PrometheusException e) {
                    // A 24-hour run outlives a Prometheus restart: this tick is a gap, the next one tries again.
                    diagnostics.warn("cycle " + sequence + " at " + tick + " skipped: " + e.getMessage());
                    if (!tick.isBefore(end)) {
                        return finish(start, true); // the last evaluation is missing: the file is partial
                    }
                    continue;
                }
                diagnostics.detail(String.format(
                        Locale.ROOT, "cycle %d at %s: %.3f s", sequence, tick, (System.nanoTime() - began) / 1e9));
                Json.writeFile(
                        config.outputDir().resolve(String.format(Locale.ROOT, "slo_status_%04d.json", sequence)), last);
                if (!tick.isBefore(end)) {
                    return finish(start, false);
                }
            }
        } finally {
            finished.countDown();
            unregister.run();
        }
    }

    /** Waits until {@code tick}; false when a stop came first. */
    private boolean waitUntil(Instant tick) {
        long millis = Duration.between(clock.instant(), tick).toMillis();
        try {
            return !stop.await(Math.max(0, millis), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void stopAndAwait() {
        stop.countDown();
        try {
            if (!finished.await(BUSY_CYCLE_GRACE.toMillis(), TimeUnit.MILLISECONDS) && runStart != null) {
                // A cycle is still querying: the final file comes from the last completed one, now.
                finish(runStart, true);
            }
            finished.await(STOP_WAIT.minus(BUSY_CYCLE_GRACE).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private SloStatus evaluate(SloRun run, List<SloDefinition> slos, Instant start, Instant tick) {
        List<SloRun.Sample> samples = run.forEach(slos, slo -> run.sample(slo, start, tick));
        List<SloEvaluator.Evaluated> evaluated = new ArrayList<>();
        for (SloRun.Sample sample : samples) {
            SloEvaluator.Target target = sample.target();
            if (sample.whole() == null) {
                evaluated.add(SloEvaluator.unavailable(target, sample.state(), sample.reason()));
                continue;
            }
            History history = histories.computeIfAbsent(target.name(), n -> new History());
            history.add(tick, sample.windows());
            evaluated.add(SloEvaluator.evaluate(target, observations(start, tick, sample.whole(), history)));
        }
        SloStatus status = StatusAssembler.assemble(
                BuildInfo.version(),
                clock.instant(),
                true,
                new SloWindow(start, tick, interval.toSeconds()),
                config.policy().name(),
                evaluated);
        logTransitions(status, tick);
        return status;
    }

    private static SloEvaluator.Observations observations(
            Instant start, Instant tick, WindowCounts whole, History history) {
        Map<Duration, WindowCounts[]> windows = new LinkedHashMap<>();
        history.windows.forEach((window, counts) -> windows.put(window, counts.toArray(WindowCounts[]::new)));
        return new SloEvaluator.Observations(
                start, Duration.between(start, tick), whole, history.times.toArray(Instant[]::new), windows);
    }

    private void logTransitions(SloStatus status, Instant tick) {
        for (SloResult slo : status.slos()) {
            for (SloAlert alert : slo.alerts()) {
                String key = slo.name() + "|" + alert.severity() + "|" + alert.longWindow() + "/" + alert.shortWindow();
                boolean was = firing.getOrDefault(key, false);
                if (alert.firing() != was) {
                    firing.put(key, alert.firing());
                    Double burn = slo.burnRates().get(alert.longWindow());
                    String line = String.format(
                            Locale.ROOT,
                            "%s ALERT %s %s %s over %s/%s (factor %s, burn rate %s)",
                            tick,
                            alert.firing() ? "FIRING" : "RESOLVED",
                            alert.severity(),
                            slo.name(),
                            alert.longWindow(),
                            alert.shortWindow(),
                            ReportFormat.plain(alert.factor()),
                            burn == null ? "n/a" : String.format(Locale.ROOT, "%.2f", burn));
                    diagnostics.info(line);
                    if (slack != null) {
                        slack.post(line, diagnostics);
                    }
                }
            }
        }
    }

    /** Writes the final slo_status.json: the last evaluation, partial when stopped early. */
    private ExitCode finish(Instant start, boolean stopped) {
        if (!finalClaimed.compareAndSet(false, true)) {
            Integer code = exitAfterStop;
            return code == null
                    ? ExitCode.INCONCLUSIVE
                    : java.util.Arrays.stream(ExitCode.values())
                            .filter(c -> c.code() == code)
                            .findFirst()
                            .orElse(ExitCode.INCONCLUSIVE);
        }
        SloStatus status = last;
        if (status == null) {
            Instant now = clock.instant();
            status = StatusAssembler.assemble(
                    BuildInfo.version(),
                    now,
                    true,
                    new SloWindow(start, now.isAfter(start) ? now : start.plusSeconds(1), interval.toSeconds()),
                    config.policy().name(),
                    List.of());
        } else {
            status = new SloStatus(
                    status.schemaVersion(),
                    status.kind(),
                    status.toolVersion(),
                    clock.instant(),
                    stopped,
                    status.window(),
                    status.policy(),
                    status.status(),
                    status.slos(),
                    status.violations(),
                    status.summary());
        }
        Json.writeFile(config.outputDir().resolve(SloMonitorConfig.STATUS_FILE), status);
        SloReport.print(diagnostics, status);
        if (stopped) {
            diagnostics.info("stopped: " + SloMonitorConfig.STATUS_FILE + " covers "
                    + status.window().start() + " to " + status.window().end() + " and is marked partial");
        }
        ExitCode code = StatusAssembler.exitCode(status);
        // An interrupted run never certifies: a pass becomes inconclusive.
        if (stopped && code == ExitCode.PASS) {
            code = ExitCode.INCONCLUSIVE;
        }
        if (stopped) {
            exitAfterStop = code.code();
        }
        return code;
    }

    private record Resumed(Instant start, int sequence) {}

    /** The newest snapshot's window start and number, or null (with a note) when there is none. */
    private Resumed resumed() {
        Path newest = null;
        int sequence = -1;
        try (Stream<Path> files = Files.list(config.outputDir())) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Matcher m = SNAPSHOT.matcher(file.getFileName().toString());
                if (m.matches() && Integer.parseInt(m.group(1)) > sequence) {
                    sequence = Integer.parseInt(m.group(1));
                    newest = file;
                }
            }
        } catch (IOException e) {
            throw ToolException.badInput("cannot list " + config.outputDir() + ": " + e.getMessage(), e);
        }
        if (newest == null) {
            diagnostics.warn("--resume: no slo_status_NNNN.json in " + config.outputDir() + "; starting a new run");
            return null;
        }
        SloStatus snapshot = Json.readFile(newest, SloStatus.class);
        diagnostics.info(
                "resuming the run that started at " + snapshot.window().start() + " after " + newest.getFileName());
        return new Resumed(snapshot.window().start(), sequence);
    }

    /** Rebuilds each SLO's alert history from the run's start to its last tick with range queries. */
    private void catchUp(SloRun run, List<SloDefinition> slos, Instant start, Instant lastTick) {
        if (!lastTick.isAfter(start)) {
            return;
        }
        List<SloRun.Observed> observed = run.forEach(slos, slo -> run.observe(slo, start, lastTick, interval));
        for (SloRun.Observed o : observed) {
            if (o.observations() == null) {
                continue;
            }
            History history = histories.computeIfAbsent(o.target().name(), n -> new History());
            Instant[] times = o.observations().times();
            for (int i = 1; i < times.length; i++) { // index 0 is the start itself, not a tick
                Map<Duration, WindowCounts> counts = new LinkedHashMap<>();
                int index = i;
                o.observations().windows().forEach((window, series) -> counts.put(window, series[index]));
                history.add(times[i], counts);
            }
        }
    }
}
