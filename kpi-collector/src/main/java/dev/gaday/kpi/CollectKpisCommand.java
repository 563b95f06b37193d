package dev.gaday.kpi;

import dev.gaday.common.cli.BuildInfo;
import dev.gaday.common.cli.DurationConverter;
import dev.gaday.common.cli.Finding;
import dev.gaday.common.cli.GaWindowOptions;
import dev.gaday.common.cli.OutputDirMixin;
import dev.gaday.common.cli.OutputFormatMixin;
import dev.gaday.common.cli.ProgressLine;
import dev.gaday.common.cli.PrometheusConnectionMixin;
import dev.gaday.common.cli.RunOutput;
import dev.gaday.common.cli.RunReport;
import dev.gaday.common.cli.TerminalFacts;
import dev.gaday.common.cli.ToolCommand;
import dev.gaday.common.cli.ToolLauncher;
import dev.gaday.common.error.ExitCode;
import dev.gaday.common.error.ToolException;
import dev.gaday.common.io.AtomicFiles;
import dev.gaday.common.model.kpi.DataGap;
import dev.gaday.common.model.kpi.KpiSnapshot;
import dev.gaday.common.model.kpi.KpiSummary;
import dev.gaday.common.model.kpi.KubernetesStatus;
import dev.gaday.common.model.kpi.Window;
import dev.gaday.common.prometheus.PrometheusClient;
import dev.gaday.common.prometheus.PrometheusException;
import dev.gaday.common.text.ReportFormat;
import dev.gaday.common.verdict.CriterionResult;
import dev.gaday.kpi.cli.BareNumberDuration;
import dev.gaday.kpi.collect.LiveClock;
import dev.gaday.kpi.collect.LiveRun;
import dev.gaday.kpi.collect.SnapshotCollector;
import dev.gaday.kpi.collect.WindowCollector;
import dev.gaday.kpi.compute.KpiCalculator;
import dev.gaday.kpi.compute.SnapshotFigures;
import dev.gaday.kpi.compute.SummaryAssembler;
import dev.gaday.kpi.compute.WindowKpis;
import dev.gaday.kpi.config.KpiConfig;
import dev.gaday.kpi.config.KpiConfigLoader;
import dev.gaday.kpi.kubernetes.KubeStateMetrics;
import dev.gaday.kpi.kubernetes.KubernetesConnector;
import dev.gaday.kpi.query.QueryRunner;
import dev.gaday.kpi.query.ShardedQueries;
import dev.gaday.kpi.report.OutputFiles;
import dev.gaday.kpi.report.OutputSet;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Collects the GA window's KPIs from Prometheus and Kubernetes and gives a certification verdict. */
@Command(
        name = "kpi-collector",
        mixinStandardHelpOptions = true,
        versionProvider = BuildInfo.class,
        sortOptions = false,
        subcommands = {dev.gaday.kpi.validate.ValidateCommand.class, dev.gaday.kpi.check.CheckCommand.class},
        description = {
            "Collects the GA window's KPIs from Prometheus (and Kubernetes) and gives a certification verdict.",
            "",
            "Retroactive: --ga-start/--ga-end compute every snapshot and the summary of a past window at once.",
            "Live: for --duration from now (24h; a bare number is hours), a snapshot every --interval (5m; a bare"
                    + " number is minutes), the summary at the end; SIGTERM/SIGINT writes a partial summary; --resume"
                    + " continues from the snapshots in --output.",
            "",
            "Writes snapshot_NNNN.json, ga_kpi_summary.json, ga_kpi_summary.md and ga_kpi_summary.json.sha256"
                    + " into --output as one set: a run that fails (a broken Prometheus is exit 4) or is stopped"
                    + " leaves the previous set as it was."
        },
        footer = {
            "%nExamples:",
            "  kpi-collector --prometheus-url http://prometheus:9090 --ga-start 2025-01-15T00:00:00Z --ga-end 2025-01-16T00:00:00Z --output ga_kpis",
            "  kpi-collector --ga-start now-24h --ga-end now --format json > verdict.json",
            "  kpi-collector --duration 24h --interval 5m --output ga_kpis",
            "  kpi-collector --print-config > kpi-config.yaml"
        })
public final class CollectKpisCommand extends ToolCommand {
    static final Path DEFAULT_OUTPUT = Path.of("ga_kpis");
    static final Duration MAX_DURATION = Duration.ofDays(31);

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Mode mode;

    static final class Mode {
        @ArgGroup(exclusive = false, multiplicity = "1")
        GaWindowOptions retroactive;

        @Option(
                names = "--duration",
                paramLabel = "DURATION",
                converter = BareNumberDuration.Hours.class,
                description = "Live mode: collect for this long from now, e.g. 24h, 90m; a bare number is hours "
                        + "(fractions allowed, e.g. 0.25).")
        Duration duration;
    }

    @Option(
            names = "--interval",
            paramLabel = "DURATION",
            defaultValue = "5m",
            converter = BareNumberDuration.Minutes.class,
            description = "Snapshot interval, e.g. 5m, 60s; a bare number is minutes (default: ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(
            names = "--resume",
            description = "Live mode: continue the run whose snapshots are in --output (after a crash).")
    boolean resume;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "YAML configuration merged over the defaults (metric/label names, queries, thresholds).")
    Path configFile;

    @Option(names = "--print-config", description = "Print the effective configuration as YAML on stdout and exit.")
    boolean printConfig;

    @Option(
            names = "--namespace",
            paramLabel = "NS",
            description = "Kubernetes namespace of the release (default: the kubeconfig's, else 'default').")
    String namespace;

    @Option(
            names = "--kubeconfig",
            paramLabel = "FILE",
            description = "Kubernetes config file (default: $KUBECONFIG, ~/.kube/config, or in-cluster).")
    Path kubeconfig;

    @Option(names = "--no-kubernetes", description = "Do not ask any cluster; the Kubernetes section says so.")
    boolean noKubernetes;

    @Option(
            names = "--require-kubernetes",
            description = "Make rollouts, pod readiness and restarts part of the verdict (NO_DATA without a cluster).")
    boolean requireKubernetes;

    @Option(
            names = "--concurrency",
            paramLabel = "N",
            defaultValue = "4",
            description = "Queries sent to Prometheus at the same time (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Mixin
    PrometheusConnectionMixin prometheus;

    @Mixin
    OutputDirMixin output;

    @Mixin
    OutputFormatMixin format = new OutputFormatMixin();

    // Seams for tests: the clock (live mode against backfilled history), the client, the stop hook.
    LiveClock clock = LiveClock.of(Clock.systemUTC());
    Function<PrometheusConnectionMixin, PrometheusClient> clientFactory;
    Consumer<Runnable> shutdownHooks = CollectKpisCommand::addJvmShutdownHook;
    Map<String, String> environment = System.getenv();
    volatile LiveRun liveRun;

    private Instant gaStart;
    private Instant gaEnd;

    @Override
    protected void validate() {
        if (printConfig) {
            return;
        }
        if (mode == null) {
            throw ToolException.usage("choose a mode: --ga-start and --ga-end (retroactive) or --duration (live)");
        }
        if (interval.toNanos() % 1_000_000_000L != 0 || interval.toSeconds() < 1) {
            throw ToolException.usage("--interval must be a whole number of seconds (at least 1s), was "
                    + DurationConverter.format(interval));
        }
        if (concurrency < 1 || concurrency > 64) {
            throw ToolException.usage("--concurrency must be between 1 and 64, was " + concurrency);
        }
        if (mode.retroactive != null) {
            if (resume) {
                throw ToolException.usage("--resume applies to live mode (--duration), not to --ga-start/--ga-end");
            }
            mode.retroactive.validate(clock.now().plusSeconds(60));
            gaStart = mode.retroactive.start();
            gaEnd = mode.retroactive.end();
            if (Duration.between(gaStart, gaEnd).compareTo(interval) < 0) {
                throw ToolException.usage("the GA window is shorter than one --interval");
            }
        } else {
            Duration duration = mode.duration;
            if (duration.isZero() || duration.compareTo(MAX_DURATION) > 0) {
                throw ToolException.usage("--duration must be positive and at most 31d (744h), was "
                        + DurationConverter.format(duration));
            }
            if (duration.compareTo(interval) < 0) {
                throw ToolException.usage("--duration is shorter than one --interval");
            }
        }
    }

    @Override
    protected ExitCode execute() {
        KpiConfig config = KpiConfigLoader.load(configFile);
        if (printConfig) {
            out().print(KpiConfigLoader.toCommentedYaml(config));
            out().flush();
            return ExitCode.PASS;
        }
        Path directory = output.resolve(DEFAULT_OUTPUT);
        OutputFiles files = new OutputFiles(directory);
        try (PrometheusClient client =
                        clientFactory != null ? clientFactory.apply(prometheus) : prometheus.connect(diagnostics());
                QueryRunner runner = new QueryRunner(client, concurrency, diagnostics(), new ShardedQueries(config))) {
            KpiCalculator calculator = new KpiCalculator(config);
            SummaryAssembler assembler = new SummaryAssembler(config);
            KpiSummary summary = mode.retroactive != null
                    ? retroactive(client, runner, calculator, assembler, files)
                    : live(client, runner, calculator, assembler, files);
            diagnostics().detail(runner.requestCount() + " queries");
            ExitCode exit = dev.gaday.common.verdict.Verdict.of(
                            summary.certification().criteria())
                    .exitCode();
            runOutput().print(runReport(summary, exit, directory));
            return exit;
        }
    }

    /**
     * Every file of a retroactive run goes into a staging directory that is swapped in for --output
     * only when all are written: a failed or interrupted run leaves the previous set as it was.
     */
    private KpiSummary retroactive(
            PrometheusClient client,
            QueryRunner runner,
            KpiCalculator calculator,
            SummaryAssembler assembler,
            OutputFiles output) {
        OutputSet set = OutputSet.stage(output.directory());
        shutdownHooks.accept(() -> {
            if (set.abandonOnStop()) {
                diagnostics().error("interrupted; nothing written (" + output.directory() + " is as it was)");
            }
        });
        try {
            KpiSummary summary =
                    collectRetroactive(client, runner, calculator, assembler, new OutputFiles(set.staging()));
            set.swap();
            return summary;
        } catch (RuntimeException | Error e) {
            set.abandon();
            if (set.stopped()) {
                // Stopped by a signal: the stop hook has said what happened; the JVM is exiting.
                awaitExit();
            }
            if (e instanceof ToolException tool && tool.exitCode() == ExitCode.RUNTIME_ERROR) {
                throw new ToolException(ExitCode.RUNTIME_ERROR, tool.getMessage() + "; nothing written", tool);
            }
            throw e;
        }
    }

    private static void awaitExit() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private KpiSummary collectRetroactive(
            PrometheusClient client,
            QueryRunner runner,
            KpiCalculator calculator,
            SummaryAssembler assembler,
            OutputFiles files) {
        Window window = new Window(gaStart, gaEnd, interval.toSeconds());
        long began = System.nanoTime();
        // Snapshot range queries and summary queries share the bounded pool, so both batches run together.
        // The range queries are queued first: their results still have to be sliced, computed and written.
        List<SnapshotCollector.Pending> snapshotQueries =
                submitRetroactiveSnapshots(new SnapshotCollector(runner, calculator, true));
        ExecutorService snapshotThread = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "kpi-snapshots");
            thread.setDaemon(true);
            return thread;
        });
        // Each chunk of snapshots is written as soon as it is computed and only its figures are kept for the
        // summary: memory holds the answers and one chunk, not every snapshot of the window.
        SnapshotFigures figures = assembler.newFigures();
        Future<Integer> pending = snapshotThread.submit(() -> {
            for (SnapshotCollector.Pending part : snapshotQueries) {
                part.forEachChunk(chunk -> {
                    files.writeSnapshots(chunk, AtomicFiles.Durability.NO_FSYNC);
                    chunk.forEach(figures::add);
                });
            }
            return figures.count();
        });
        int written;
        WindowKpis kpis;
        try {
            kpis = new WindowCollector(runner, calculator, client).collect(window, null, true, client.baseUrl());
            diagnostics().detail("summary queries: " + elapsedMillis(began) + " ms");
            written = pending.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ToolException.inconclusive("interrupted while collecting snapshots");
        } finally {
            snapshotThread.shutdownNow();
        }
        diagnostics().detail(written + " snapshots queried, computed and written: " + elapsedMillis(began) + " ms");
        KubernetesStatus kubernetes = pastKubernetes(client, gaStart, gaEnd);
        KpiSummary summary =
                assembler.assemble(kpis, figures, kubernetes, requireKubernetes, false, clock.now(), List.of());
        files.writeSummary(summary);
        return summary;
    }

    private List<SnapshotCollector.Pending> submitRetroactiveSnapshots(SnapshotCollector snapshotCollector) {
        List<SnapshotCollector.Pending> parts = new ArrayList<>();
        int whole = (int) (Duration.between(gaStart, gaEnd).toSeconds() / interval.toSeconds());
        if (whole > 0) {
            parts.add(snapshotCollector.submit(1, gaStart.plus(interval), whole, interval));
        }
        Instant lastEnd = gaStart.plus(interval.multipliedBy(whole));
        if (lastEnd.isBefore(gaEnd)) {
            // The window is not a whole number of intervals: a last, shorter snapshot up to --ga-end.
            parts.add(snapshotCollector.submit(whole + 1, gaEnd, 1, Duration.between(lastEnd, gaEnd)));
        }
        return parts;
    }

    private KpiSummary live(
            PrometheusClient client,
            QueryRunner runner,
            KpiCalculator calculator,
            SummaryAssembler assembler,
            OutputFiles files) {
        Duration duration = mode.duration;
        List<KpiSnapshot> existing = resume ? files.readSnapshots() : List.of();
        Instant start;
        if (!existing.isEmpty()) {
            KpiSnapshot first = existing.get(0);
            if (first.window().intervalSeconds() != interval.toSeconds()) {
                throw ToolException.usage("--resume: the snapshots in " + files.directory() + " use an interval of "
                        + first.window().intervalSeconds() + " s, not " + interval.toSeconds() + " s");
            }
            start = first.window().start();
            diagnostics().info("resuming the run that started at " + start + " after snapshot " + existing.size());
        } else {
            if (resume) {
                diagnostics().warn("--resume: no snapshots in " + files.directory() + "; starting a new run");
            }
            // The directory holds one run: a new run's first snapshot never lands beside another run's files.
            files.startNewSet();
            start = clock.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        }
        Instant end = start.plus(duration);
        WindowCollector windowCollector = new WindowCollector(runner, calculator, client);
        SnapshotCollector snapshotCollector = new SnapshotCollector(runner, calculator, false);
        LiveRun run = new LiveRun(
                clock,
                start,
                end,
                interval,
                snapshotCollector::collect,
                (window, snapshots) -> assembler.assemble(
                        windowCollector.collect(window, null, true, client.baseUrl()),
                        snapshots,
                        kubernetes(window.start(), window.end()),
                        requireKubernetes,
                        false,
                        clock.now(),
                        List.of()),
                (window, snapshots, gaps) ->
                        partialSummary(windowCollector, assembler, client, window, snapshots, gaps),
                files,
                new LiveProgress(
                        diagnostics(),
                        new ProgressLine(
                                        spec.root().name(),
                                        err(),
                                        terminal(),
                                        diagnostics().verbosity())
                                .counting("snapshots"),
                        clock::now,
                        end));
        liveRun = run;
        shutdownHooks.accept(() -> {
            // 1.5 s for the run to notice, then at most 2.5 s of queries: the partial summary is out within 5 s.
            if (!run.stopAndAwait(Duration.ofMillis(1500))) {
                diagnostics().error("the partial summary could not be written after the stop signal");
            }
        });
        diagnostics()
                .info("live collection from " + start + " to " + end + ", a snapshot every "
                        + interval.toSeconds() + " s (" + run.totalSnapshots()
                        + " in all); stop with Ctrl-C or SIGTERM for a"
                        + " partial summary");
        try {
            return run.run(existing);
        } catch (QueryRunner.SourceFailure e) {
            throw new ToolException(
                    ExitCode.RUNTIME_ERROR,
                    e.getMessage() + "; the snapshots in " + files.directory()
                            + " are kept: run again with --resume for the summary",
                    e);
        }
    }

    private KpiSummary partialSummary(
            WindowCollector windowCollector,
            SummaryAssembler assembler,
            PrometheusClient client,
            Window window,
            List<KpiSnapshot> snapshots,
            List<DataGap> gaps) {
        WindowKpis kpis = windowCollector.collect(window, LiveRun.PARTIAL_QUERY_DEADLINE, false, client.baseUrl());
        KubernetesStatus kubernetes = noKubernetes || !requireKubernetes
                ? KubernetesStatus.unavailable("not collected for a partial summary")
                : kubernetes(window.start(), window.end());
        return assembler.assemble(kpis, snapshots, kubernetes, requireKubernetes, true, clock.now(), gaps);
    }

    /**
     * A past window's Kubernetes figures: from kube-state-metrics in Prometheus over the window when it
     * has them, else the API (the cluster as it is now).
     */
    private KubernetesStatus pastKubernetes(PrometheusClient client, Instant start, Instant end) {
        if (noKubernetes) {
            return kubernetes(start, end);
        }
        try {
            KubernetesStatus fromMetrics = KubeStateMetrics.read(client, namespace, start, end);
            if (fromMetrics != null) {
                return fromMetrics;
            }
            diagnostics().detail("kubernetes: no kube-state-metrics series in Prometheus; asking the API");
        } catch (PrometheusException e) {
            diagnostics()
                    .detail("kubernetes: kube-state-metrics queries failed (" + e.getMessage() + "); asking the API");
        }
        return kubernetes(start, end);
    }

    private KubernetesStatus kubernetes(Instant start, Instant end) {
        if (noKubernetes) {
            return KubernetesStatus.unavailable("not collected: --no-kubernetes");
        }
        KubernetesStatus status = KubernetesConnector.collect(kubeconfig, namespace, start, end, environment);
        if (!status.available()) {
            diagnostics().detail("kubernetes: " + status.unavailableReason());
        }
        return status;
    }

    private static long elapsedMillis(long began) {
        return (System.nanoTime() - began) / 1_000_000;
    }

    private TerminalFacts terminal() {
        return TerminalFacts.detect(environment::get);
    }

    private RunOutput runOutput() {
        return new RunOutput(out(), err(), format.json(), terminal(), environment::get, diagnostics());
    }

    /**
     * The run summary: each criterion that did not pass (a service's under its name), each data gap as a
     * warning, and the files written.
     */
    static RunReport runReport(KpiSummary summary, ExitCode exit, Path directory) {
        List<Finding> findings = new ArrayList<>();
        List<String> services = summary.services().stream().map(s -> s.name()).toList();
        // Made once, not once per criterion and service (at 1,000 services that was 3 million strings).
        List<String> prefixes = services.stream()
                .map(service -> dev.gaday.kpi.compute.KpiCriteria.serviceCriterion(service, ""))
                .toList();
        for (CriterionResult result : summary.certification().criteria()) {
            String where = "overall";
            String name = result.name();
            for (int i = 0; i < services.size(); i++) {
                String service = services.get(i);
                String prefix = prefixes.get(i);
                if (name.startsWith(prefix)) {
                    where = "service " + service;
                    name = name.substring(prefix.length());
                    break;
                }
            }
            Finding finding = Finding.of(
                    new CriterionResult(
                            name,
                            result.value(),
                            result.threshold(),
                            result.comparator(),
                            result.unit(),
                            result.warningOnly(),
                            result.status(),
                            result.source(),
                            result.reason()),
                    where);
            if (finding != null) {
                findings.add(finding);
            }
        }
        for (DataGap gap : summary.gaps()) {
            findings.add(Finding.of(
                    dev.gaday.common.verdict.Status.WARN,
                    "data gap",
                    gap.field() != null ? gap.field() : gap.query(),
                    gap.reason() + (gap.from() != null ? " from " + gap.from() + " to " + gap.to() : "")));
        }
        List<String> files = List.of(
                directory.resolve(OutputFiles.SUMMARY_JSON).toString(),
                directory.resolve(OutputFiles.SUMMARY_MARKDOWN).toString(),
                directory + java.io.File.separator + "snapshot_*.json");
        return RunReport.of(
                "kpi-collector",
                exit,
                summary.partial(),
                "availability "
                        + ReportFormat.percent(summary.overall().availabilityPercent(), 3)
                        + ", error rate "
                        + ReportFormat.percent(summary.overall().errorRatePercent(), 3)
                        + ", max p99 " + ReportFormat.millis(summary.overall().maxP99LatencyMs(), 3),
                findings,
                files);
    }

    private static void addJvmShutdownHook(Runnable hook) {
        Runtime.getRuntime().addShutdownHook(new Thread(hook, "kpi-collector-stop"));
    }

    public static void main(String[] args) {
        ToolLauncher.run("kpi-collector", CollectKpisCommand::new, args);
    }
}
