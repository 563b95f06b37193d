package dev.gaday.slo;

import dev.gaday.common.cli.BuildInfo;
import dev.gaday.common.cli.DurationConverter;
import dev.gaday.common.cli.GaWindowOptions;
import dev.gaday.common.cli.OutputDirMixin;
import dev.gaday.common.cli.OutputFormatMixin;
import dev.gaday.common.cli.PrometheusConnectionMixin;
import dev.gaday.common.cli.RunOutput;
import dev.gaday.common.cli.SlackWebhookOptions;
import dev.gaday.common.cli.TerminalFacts;
import dev.gaday.common.cli.ToolCommand;
import dev.gaday.common.cli.ToolLauncher;
import dev.gaday.common.error.ExitCode;
import dev.gaday.common.error.ToolException;
import dev.gaday.common.json.Json;
import dev.gaday.common.model.slo.SloStatus;
import dev.gaday.slo.math.BurnRatePolicy;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Checks service level objectives: error budgets and multi-window burn-rate alerts, live or retroactively. */
@Command(
        name = "slo-monitor",
        mixinStandardHelpOptions = true,
        versionProvider = BuildInfo.class,
        sortOptions = false,
        subcommands = {CheckSlosCommand.class, ImportSlosCommand.class},
        description = {
            "Checks service level objectives: error budgets and multi-window burn-rate alerts.",
            "",
            "Retroactive: --ga-start/--ga-end evaluate a past window, replaying the alerts at every --resolution.",
            "Live: --duration from now, slo_status_NNNN.json every --interval; SIGTERM writes the final file. "
                    + "Alert transitions also go to Slack with --slack-webhook-env or --slack-webhook-file.",
            "Without --slos: per service of http_requests_total, availability 99.9%% (non-5xx) and latency 99%% "
                    + "within 1 s.",
            "",
            "Writes DIR/slo_status.json. Exit: 0 within budget, 1 budget exhausted or page alert fired, 2 bad "
                    + "input, 3 no data / no traffic / too few events, 4 Prometheus unreachable or a query failed."
        },
        footer = {
            "%nExamples:",
            "  slo-monitor --prometheus-url http://prometheus:9090 --ga-start 2025-01-15T00:00:00Z \\",
            "      --ga-end 2025-01-16T00:00:00Z -o slo",
            "  slo-monitor --duration 24h --interval 1m --slos slos.yaml -o slo",
            "  slo-monitor check --slos slos.yaml --prometheus-url http://prometheus:9090",
            "  slo-monitor import --sloth sloth.yaml --output-file slos.yaml"
        })
public final class MonitorSlosCommand extends ToolCommand {
    static final Path DEFAULT_OUTPUT = Path.of("slo_monitor");

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Mode mode;

    static final class Mode {
        @ArgGroup(exclusive = false, multiplicity = "1")
        GaWindowOptions retroactive;

        @Option(
                names = "--duration",
                paramLabel = "DURATION",
                converter = DurationConverter.class,
                description = "Live mode: monitor for this long from now, e.g. 24h.")
        Duration duration;
    }

    @Option(
            names = "--interval",
            paramLabel = "DURATION",
            defaultValue = "1m",
            converter = DurationConverter.class,
            description = "Live mode: time between evaluations (default: ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(names = "--resume", description = "Live mode: continue a run interrupted earlier in the same --output.")
    boolean resume;

    @Option(names = "--slos", paramLabel = "FILE", description = "The SLOs (slos.yaml); default: per service found.")
    Path slos;

    @Option(
            names = "--policy",
            paramLabel = "NAME",
            defaultValue = BurnRatePolicy.GA_24H,
            description = "Burn-rate alert policy for SLOs without their own: ga-24h (for a 24-hour window) or "
                    + "google-30d (the SRE Workbook's) (default: ${DEFAULT-VALUE}).")
    String policy;

    @Option(
            names = "--scrape-interval",
            paramLabel = "DURATION",
            defaultValue = "15s",
            converter = DurationConverter.class,
            description = "The targets' scrape interval: no alert window is shorter than four of them "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration scrapeInterval;

    @Option(
            names = "--resolution",
            paramLabel = "DURATION",
            defaultValue = "1m",
            converter = DurationConverter.class,
            description = "Retroactive mode: step at which the alerts are replayed (default: ${DEFAULT-VALUE}).")
    Duration resolution;

    /** Live mode: alert transitions are posted there too. */
    @Mixin
    SlackWebhookOptions slack = new SlackWebhookOptions();

    @Mixin
    PrometheusConnectionMixin prometheus;

    @Mixin
    OutputDirMixin output;

    @Mixin
    OutputFormatMixin format = new OutputFormatMixin();

    @Override
    protected void validate() {
        if (mode == null) {
            throw ToolException.usage(
                    "give a window: --ga-start T1 --ga-end T2 (retroactive) or --duration D " + "(live); see --help");
        }
        if (BurnRatePolicy.named(policy) == null) {
            throw ToolException.usage("--policy '" + policy + "' is unknown (built in: " + BurnRatePolicy.GA_24H + ", "
                    + BurnRatePolicy.GOOGLE_30D + "; custom policies go in slos.yaml)");
        }
        requirePositive("--scrape-interval", scrapeInterval);
        requirePositive("--resolution", resolution);
        requirePositive("--interval", interval);
        if (resolution.toSeconds() == 0 || resolution.toNanos() % 1_000_000_000L != 0) {
            throw ToolException.usage("--resolution must be a whole number of seconds");
        }
        if (mode.retroactive != null) {
            mode.retroactive.validate(null);
            if (resume) {
                throw ToolException.usage("--resume continues a live run; it does not go with --ga-start/--ga-end");
            }
        } else {
            requirePositive("--duration", mode.duration);
            if (mode.duration.compareTo(interval) < 0) {
                throw ToolException.usage("--duration " + DurationConverter.format(mode.duration)
                        + " is shorter than --interval " + DurationConverter.format(interval));
            }
        }
        slack.checkOnce();
        prometheus.endpoint();
    }

    private static void requirePositive(String option, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw ToolException.usage(option + " must be positive");
        }
    }

    @Override
    protected ExitCode execute() {
        SloMonitorConfig config = new SloMonitorConfig(
                slos,
                BurnRatePolicy.named(policy),
                scrapeInterval.multipliedBy(4),
                resolution,
                output.resolve(DEFAULT_OUTPUT));
        Path file = config.outputDir().resolve(SloMonitorConfig.STATUS_FILE);
        ExitCode exit;
        SloStatus written;
        if (mode.retroactive != null) {
            RetroactiveMonitor.Outcome outcome = new RetroactiveMonitor(config, prometheus, diagnostics())
                    .run(mode.retroactive.start(), mode.retroactive.end());
            exit = outcome.exit();
            written = outcome.status();
        } else {
            exit = live(config);
            // The final file may come from the stop handler rather than the last cycle: the summary reads what
            // was written. (Not in retroactive mode: reading JSON back costs a cold JVM ~0.2 s of Jackson.)
            written = Json.readFile(file, SloStatus.class);
        }
        new RunOutput(out(), err(), format.json(), TerminalFacts.detect(System::getenv), System::getenv, diagnostics())
                .print(SloReport.runReport(written, exit, file));
        return exit;
    }

    private ExitCode live(SloMonitorConfig config) {
        return new LiveMonitor(
                        config,
                        prometheus,
                        diagnostics(),
                        out(),
                        interval,
                        resume,
                        SlackNotifier.from(slack, System::getenv))
                .run(mode.duration);
    }

    public static void main(String[] args) {
        ToolLauncher.run("slo-monitor", MonitorSlosCommand::new, args);
    }
}
