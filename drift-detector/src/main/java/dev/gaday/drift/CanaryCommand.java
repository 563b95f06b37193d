package dev.gaday.drift;

import dev.gaday.common.cli.InstantConverter;
import dev.gaday.common.error.ExitCode;
import dev.gaday.common.error.ToolException;
import dev.gaday.common.model.drift.DriftAnalysis;
import dev.gaday.common.model.drift.DriftWindow;
import dev.gaday.common.prometheus.PrometheusClient;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "canary",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Judges the canary against stable over the same window and scores it.",
            "Writes DIR/drift_analysis.json (mode canary) with the score, groups and every check's reason."
        },
        footer = {
            "%nExample:",
            "  drift-detector canary --canary 'track=\"canary\"' --stable 'track=\"stable\"' \\",
            "      --from now-2h --to now -o drift"
        })
final class CanaryCommand extends DriftCommandBase {
    @Option(
            names = "--canary",
            required = true,
            paramLabel = "MATCHERS",
            description = "Label matchers of the canary's series, e.g. 'track=\"canary\"'.")
    String canary;

    @Option(
            names = "--stable",
            required = true,
            paramLabel = "MATCHERS",
            description = "Label matchers of the stable (control) series, e.g. 'track=\"stable\"'.")
    String stable;

    @Option(
            names = "--from",
            required = true,
            paramLabel = "TIME",
            converter = InstantConverter.class,
            description = "Start of the window (RFC 3339, now, now-2h).")
    Instant from;

    @Option(
            names = "--to",
            required = true,
            paramLabel = "TIME",
            converter = InstantConverter.class,
            description = "End of the window (not in the future).")
    Instant to;

    private DriftWindow window;

    @Override
    protected void validate() {
        super.validate();
        if (canary.isBlank() || stable.isBlank()) {
            throw ToolException.usage("--canary and --stable need label matchers, e.g. 'track=\"canary\"'");
        }
        if (canary.trim().equals(stable.trim())) {
            throw ToolException.usage("--canary and --stable select the same series: " + canary);
        }
        window = window("--from/--to", from, to);
        notInFuture("--to", to);
        checkLongEnough("the window", window);
    }

    @Override
    protected ExitCode execute() {
        Map<String, DriftWindow> windows = new LinkedHashMap<>();
        windows.put("stable", window);
        windows.put("canary", window);
        DriftAnalysis analysis;
        try (PrometheusClient client = connect()) {
            analysis =
                    runner(client).compareWindows("canary", stable, window, canary, window, windows, clock.instant());
        }
        return finish(analysis);
    }
}
