package dev.gaday.drift;

import dev.gaday.common.cli.DurationConverter;
import dev.gaday.common.cli.InstantConverter;
import dev.gaday.common.error.ExitCode;
import dev.gaday.common.error.ToolException;
import dev.gaday.common.model.drift.DriftAnalysis;
import dev.gaday.common.model.drift.DriftWindow;
import dev.gaday.common.prometheus.PrometheusClient;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "deploy",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Judges the window after a deploy against the window before it.",
            "before = [T-gap-window, T-gap], after = [T+warmup, T+warmup+window].",
            "Writes DIR/drift_analysis.json (mode deploy)."
        },
        footer = {"%nExample:", "  drift-detector deploy --at 2025-01-15T12:00:00Z --window 2h --warmup 10m -o drift"})
final class DeployCommand extends DriftCommandBase {
    @Option(
            names = "--at",
            required = true,
            paramLabel = "TIME",
            converter = InstantConverter.class,
            description = "When the deploy happened (RFC 3339, now-3h).")
    Instant at;

    @Option(
            names = "--window",
            paramLabel = "DURATION",
            defaultValue = "2h",
            converter = DurationConverter.class,
            description = "Length of each side (default: ${DEFAULT-VALUE}).")
    Duration length;

    @Option(
            names = "--warmup",
            paramLabel = "DURATION",
            defaultValue = "10m",
            converter = DurationConverter.class,
            description = "Time after the deploy left out of 'after' (default: ${DEFAULT-VALUE}).")
    Duration warmup;

    @Option(
            names = "--gap",
            paramLabel = "DURATION",
            defaultValue = "0m",
            converter = DurationConverter.class,
            description = "Time before the deploy left out of 'before' (default: ${DEFAULT-VALUE}).")
    Duration gap;

    @Option(
            names = "--selector",
            paramLabel = "MATCHERS",
            defaultValue = "",
            description = "Label matchers added to every query on both sides (default: none).")
    String selector;

    private DriftWindow before;
    private DriftWindow after;

    @Override
    protected void validate() {
        super.validate();
        if (length.isZero() || length.isNegative()) {
            throw ToolException.usage("--window must be positive");
        }
        if (warmup.isNegative() || gap.isNegative()) {
            throw ToolException.usage("--warmup and --gap must not be negative");
        }
        Instant beforeEnd = at.minus(gap);
        before = window("before", beforeEnd.minus(length), beforeEnd);
        Instant afterStart = at.plus(warmup);
        after = window("after", afterStart, afterStart.plus(length));
        notInFuture("the end of the after window (--at + --warmup + --window)", after.end());
        checkLongEnough("--window", before);
    }

    @Override
    protected ExitCode execute() {
        Map<String, DriftWindow> windows = new LinkedHashMap<>();
        windows.put("before", before);
        windows.put("after", after);
        DriftAnalysis analysis;
        try (PrometheusClient client = connect()) {
            analysis = runner(client)
                    .compareWindows("deploy", selector, before, selector, after, windows, clock.instant());
        }
        return finish(analysis);
    }
}
