package dev.gaday.drift;

import dev.gaday.common.cli.InstantConverter;
import dev.gaday.common.error.ExitCode;
import dev.gaday.common.error.ToolException;
import dev.gaday.common.json.Json;
import dev.gaday.common.model.drift.DriftBaseline;
import dev.gaday.common.model.drift.DriftWindow;
import dev.gaday.common.prometheus.PrometheusClient;
import java.nio.file.Path;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "capture",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Captures the baseline: every metric's samples over a known-good window.",
            "Writes DIR/baseline_metrics.json (kind drift-baseline) for a later 'compare'."
        },
        footer = {
            "%nExample:",
            "  drift-detector capture --prometheus-url http://prometheus:9090 --from now-24h --to now -o drift"
        })
final class CaptureCommand extends DriftCommandBase {
    static final String BASELINE_FILE = "baseline_metrics.json";

    @Option(
            names = "--from",
            required = true,
            paramLabel = "TIME",
            converter = InstantConverter.class,
            description = "Start of the baseline window (RFC 3339, now, now-24h).")
    Instant from;

    @Option(
            names = "--to",
            required = true,
            paramLabel = "TIME",
            converter = InstantConverter.class,
            description = "End of the baseline window (not in the future).")
    Instant to;

    @Option(
            names = "--selector",
            paramLabel = "MATCHERS",
            defaultValue = "",
            description = "Label matchers added to every query, e.g. 'namespace=\"prod\"' (default: none).")
    String selector;

    private DriftWindow window;

    @Override
    protected void validate() {
        super.validate();
        window = window("--from/--to", from, to);
        notInFuture("--to", to);
        checkLongEnough("the baseline window", window);
    }

    @Override
    protected ExitCode execute() {
        DriftBaseline baseline;
        try (PrometheusClient client = connect()) {
            baseline = runner(client).capture(window, selector, clock.instant());
        }
        if (baseline.series().isEmpty()) {
            throw ToolException.inconclusive(
                    "no metric returned any series between " + from + " and " + to + ": nothing to capture");
        }
        Path file = output.resolve(DEFAULT_OUTPUT).resolve(BASELINE_FILE);
        Json.writeFile(file, baseline);
        long metrics =
                baseline.series().stream().map(s -> s.metric()).distinct().count();
        out().printf(
                        "captured %d series of %d metrics (%ds step) from %s to %s%n  wrote %s%n",
                        baseline.series().size(), metrics, baseline.stepSeconds(), from, to, file);
        out().flush();
        return ExitCode.PASS;
    }
}
