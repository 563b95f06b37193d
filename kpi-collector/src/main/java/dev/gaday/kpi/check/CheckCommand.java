package dev.gaday.kpi.check;

import dev.gaday.common.cli.BuildInfo;
import dev.gaday.common.cli.DurationConverter;
import dev.gaday.common.cli.InstantConverter;
import dev.gaday.common.cli.PrometheusConnectionMixin;
import dev.gaday.common.cli.ToolCommand;
import dev.gaday.common.error.ExitCode;
import dev.gaday.common.error.ToolException;
import dev.gaday.common.prometheus.PrometheusClient;
import dev.gaday.kpi.config.KpiConfig;
import dev.gaday.kpi.config.KpiConfigLoader;
import dev.gaday.kpi.query.QueryRunner;
import dev.gaday.kpi.query.ShardedQueries;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kpi-collector check}: the pre-flight against the server, before GA day. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        versionProvider = BuildInfo.class,
        sortOptions = false,
        description = {
            "Pre-flight before GA day: runs every KPI query over --lookback and says, for each KPI, whether its "
                    + "series exist, which label carries the service and how many services it sees, which KPIs "
                    + "would be null and why, and the configured criteria with the KPIs they read.",
            "",
            "Writes no file."
        },
        footer = {
            "%nExit codes of check: 0 every KPI an enabled (on) criterion reads has data; 3 one has none; "
                    + "4 the server could not be asked; 2 bad options or configuration.",
            "%nExamples:",
            "  kpi-collector check --prometheus-url http://prometheus:9090",
            "  kpi-collector check --config kpi-config.yaml --at 2025-01-14T12:00:00Z --lookback 6h"
        })
public final class CheckCommand extends ToolCommand {
    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "YAML file overriding the built-in configuration (labels, metrics, queries, thresholds, "
                    + "criteria, services).")
    Path configFile;

    @Option(
            names = "--at",
            paramLabel = "TIME",
            converter = InstantConverter.class,
            description = "When to look: RFC 3339, 'now' or 'now-24h' (default: now).")
    Instant at;

    @Option(
            names = "--lookback",
            paramLabel = "DURATION",
            defaultValue = "1h",
            converter = DurationConverter.class,
            description = "How far back each query looks, e.g. 1h, 24h (default: ${DEFAULT-VALUE}).")
    Duration lookback;

    @Mixin
    PrometheusConnectionMixin prometheus;

    // Seams for tests.
    Clock clock = Clock.systemUTC();
    Function<PrometheusConnectionMixin, PrometheusClient> clientFactory;

    @Override
    protected void validate() {
        if (lookback.toSeconds() < 60 || lookback.toNanos() % 1_000_000_000L != 0) {
            throw ToolException.usage("--lookback must be a whole number of seconds, at least 1m, was "
                    + DurationConverter.format(lookback));
        }
        prometheus.endpoint();
    }

    @Override
    protected ExitCode execute() {
        KpiConfig config = KpiConfigLoader.load(configFile);
        Instant when = at != null ? at : clock.instant();
        try (PrometheusClient client =
                        clientFactory != null ? clientFactory.apply(prometheus) : prometheus.connect(diagnostics());
                QueryRunner runner = new QueryRunner(client, 4, diagnostics(), new ShardedQueries(config))) {
            Preflight.Report report = new Preflight(config).run(runner, when, lookback.toSeconds());
            Preflight.format(report, client.baseUrl()).forEach(out()::println);
            out().flush();
            return report.requiredWithoutData().isEmpty() ? ExitCode.PASS : ExitCode.INCONCLUSIVE;
        }
    }
}
