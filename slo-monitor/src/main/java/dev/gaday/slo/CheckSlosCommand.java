package dev.gaday.slo;

import dev.gaday.common.cli.DurationConverter;
import dev.gaday.common.cli.InstantConverter;
import dev.gaday.common.cli.PrometheusConnectionMixin;
import dev.gaday.common.cli.ToolCommand;
import dev.gaday.common.error.ExitCode;
import dev.gaday.common.error.ToolException;
import dev.gaday.common.prometheus.PrometheusClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Validates slos.yaml against the server: queries parse and return series, latency thresholds are buckets. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Validates slos.yaml against a Prometheus: every query parses and returns series, every "
                    + "latency threshold is an existing le bucket of its histogram, every objective is in (0, 100).",
            "Prints one line per SLO. Exit: 0 all fine, 2 a problem in the spec, 4 Prometheus unreachable."
        })
public final class CheckSlosCommand extends ToolCommand {
    @Option(names = "--slos", required = true, paramLabel = "FILE", description = "The SLOs to check.")
    Path slos;

    @Option(
            names = "--at",
            paramLabel = "TIME",
            defaultValue = "now",
            converter = InstantConverter.class,
            description = "Check the series present at this time (default: ${DEFAULT-VALUE}).")
    Instant at;

    @Option(
            names = "--lookback",
            paramLabel = "DURATION",
            defaultValue = "1h",
            converter = DurationConverter.class,
            description = "Window the queries are evaluated over, ending at --at (default: ${DEFAULT-VALUE}).")
    Duration lookback;

    @Mixin
    PrometheusConnectionMixin prometheus;

    @Override
    protected void validate() {
        if (lookback.isZero() || lookback.isNegative()) {
            throw ToolException.usage("--lookback must be positive");
        }
        prometheus.endpoint();
    }

    @Override
    protected ExitCode execute() {
        var definitions = SloSources.fromFile(slos);
        try (PrometheusClient client = prometheus.connect(diagnostics())) {
            List<SloSpecCheck.Finding> findings = new SloSpecCheck(client).check(definitions, at.minus(lookback), at);
            int problems = 0;
            for (SloSpecCheck.Finding finding : findings) {
                out().println(finding.slo() + ": " + (finding.problem() == null ? "ok" : finding.problem()));
                if (finding.problem() != null) {
                    problems++;
                }
            }
            out().flush();
            if (problems > 0) {
                throw ToolException.usage(
                        problems + " of " + findings.size() + " SLOs in " + slos + " have a problem (listed above)");
            }
            diagnostics().info(findings.size() + " SLOs in " + slos + " check out");
            return ExitCode.PASS;
        }
    }
}
