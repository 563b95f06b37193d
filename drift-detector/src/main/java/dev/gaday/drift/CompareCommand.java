package dev.gaday.drift;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gaday.common.cli.DurationConverter;
import dev.gaday.common.cli.InstantConverter;
import dev.gaday.common.error.ExitCode;
import dev.gaday.common.error.ToolException;
import dev.gaday.common.json.Json;
import dev.gaday.common.model.FileKind;
import dev.gaday.common.model.drift.DriftAnalysis;
import dev.gaday.common.model.drift.DriftBaseline;
import dev.gaday.common.model.drift.DriftWindow;
import dev.gaday.common.prometheus.PrometheusClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Compares a window (or a live run) with a captured baseline.",
            "Retroactive: --from/--to. Live: --duration from now, a drift_snapshot_NNNN.json every --interval;"
                    + " SIGTERM/SIGINT writes the final drift_analysis.json (marked incomplete) within 5 s.",
            "The step and selector are the baseline's, so both sides are the same queries."
        },
        footer = {
            "%nExamples:",
            "  drift-detector compare --baseline drift/baseline_metrics.json --from now-1h --to now -o drift",
            "  drift-detector compare --baseline drift/baseline_metrics.json --duration 24h --interval 5m -o drift"
        })
final class CompareCommand extends DriftCommandBase {
    @Option(
            names = "--baseline",
            required = true,
            paramLabel = "FILE",
            description = "baseline_metrics.json written by 'capture'.")
    Path baselineFile;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    static final class Mode {
        @ArgGroup(exclusive = false, multiplicity = "1")
        Retroactive retroactive;

        @ArgGroup(exclusive = false, multiplicity = "1")
        Live live;
    }

    static final class Retroactive {
        @Option(
                names = "--from",
                required = true,
                paramLabel = "TIME",
                converter = InstantConverter.class,
                description = "Start of the current window (RFC 3339, now, now-1h).")
        Instant from;

        @Option(
                names = "--to",
                required = true,
                paramLabel = "TIME",
                converter = InstantConverter.class,
                description = "End of the current window (not in the future).")
        Instant to;
    }

    static final class Live {
        @Option(
                names = "--duration",
                required = true,
                paramLabel = "DURATION",
                converter = DurationConverter.class,
                description = "Live: run this long from now, e.g. 24h.")
        Duration duration;

        @Option(
                names = "--interval",
                required = true,
                paramLabel = "DURATION",
                converter = DurationConverter.class,
                description = "Live: judge and write a snapshot this often, e.g. 5m.")
        Duration interval;
    }

    @Option(
            names = "--selector",
            paramLabel = "MATCHERS",
            description = "Label matchers of the current side (default: the baseline's selector).")
    String selector;

    // Seams for tests: where 'now' is for the live run, and how a stop signal is delivered.
    LiveCompare.Hooks liveHooks = LiveCompare.Hooks.jvm();

    DriftBaseline baseline;
    private DriftWindow current;

    @Override
    protected void validate() {
        prometheus.endpoint();
        judge.config();
        checkKind(baselineFile);
        // A baseline that cannot be parsed is malformed input (exit 4, as in every tool), not a usage error:
        // Json.readFile's one line names the file and the place.
        baseline = Json.readFile(baselineFile, DriftBaseline.class);
        if (judge.step != null && judge.step.toSeconds() != baseline.stepSeconds()) {
            throw ToolException.usage("--step " + judge.step.toSeconds() + "s differs from the baseline's "
                    + baseline.stepSeconds() + "s step: the samples would not be comparable");
        }
        judge.step = Duration.ofSeconds(baseline.stepSeconds());
        if (mode.retroactive != null) {
            current = window("--from/--to", mode.retroactive.from, mode.retroactive.to);
            notInFuture("--to", mode.retroactive.to);
            checkLongEnough("the current window", current);
        } else {
            Duration duration = mode.live.duration;
            Duration interval = mode.live.interval;
            if (interval.toSeconds() < 1 || duration.compareTo(interval) < 0) {
                throw ToolException.usage("--interval must be at least 1s and not longer than --duration");
            }
            if (interval.compareTo(judge.step) < 0) {
                throw ToolException.usage("--interval must be at least the step (" + judge.step.toSeconds() + "s)");
            }
        }
    }

    /** The header first: a file of another kind is named as such, not as a missing field. */
    private static void checkKind(Path file) {
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw ToolException.usage(file + ": no such file");
        } catch (IOException e) {
            return; // Json.readFile names the place of the syntax error
        }
        if (tree != null && tree.isObject()) {
            try {
                FileKind.DRIFT_BASELINE.check(
                        tree.path("schemaVersion").asInt(0), tree.path("kind").asText(null));
            } catch (IllegalArgumentException e) {
                throw ToolException.usage(file + ": " + e.getMessage());
            }
        }
    }

    @Override
    protected ExitCode execute() {
        String scope = selector != null ? selector : baseline.selector();
        try (PrometheusClient client = connect()) {
            DriftRunner runner = runner(client);
            if (current != null) {
                return finish(runner.compareWithBaseline(baseline, scope, current, clock.instant(), true));
            }
            Path directory = output.resolve(DEFAULT_OUTPUT);
            LiveCompare live = new LiveCompare(
                    runner,
                    baseline,
                    scope,
                    directory,
                    mode.live.duration,
                    mode.live.interval,
                    clock,
                    liveHooks,
                    diagnostics());
            DriftAnalysis last = live.run();
            report(out(), last, directory.resolve(ANALYSIS_FILE));
            return judge.exitCode(last.status(), last.complete());
        }
    }
}
