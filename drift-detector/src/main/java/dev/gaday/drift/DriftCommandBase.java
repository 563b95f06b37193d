package dev.gaday.drift;

import dev.gaday.common.cli.OutputDirMixin;
import dev.gaday.common.cli.PrometheusConnectionMixin;
import dev.gaday.common.cli.ToolCommand;
import dev.gaday.common.error.ExitCode;
import dev.gaday.common.error.ToolException;
import dev.gaday.common.json.Json;
import dev.gaday.common.model.drift.Drift;
import dev.gaday.common.model.drift.DriftAnalysis;
import dev.gaday.common.model.drift.DriftWindow;
import dev.gaday.common.prometheus.PrometheusClient;
import dev.gaday.drift.collect.Fetcher;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Function;
import picocli.CommandLine.Mixin;

/** What the judging subcommands share: connection, output directory, metric set, writing the analysis. */
abstract class DriftCommandBase extends ToolCommand {
    static final Path DEFAULT_OUTPUT = Path.of("drift");
    static final String ANALYSIS_FILE = "drift_analysis.json";

    @Mixin
    PrometheusConnectionMixin prometheus;

    @Mixin
    OutputDirMixin output;

    @Mixin
    JudgeOptions judge;

    // Seams for tests: the clock (windows in the future are refused) and the client.
    Clock clock = Clock.systemUTC();
    Function<PrometheusConnectionMixin, PrometheusClient> clientFactory;

    @Override
    protected void validate() {
        prometheus.endpoint();
        judge.config();
        judge.effectiveStep();
    }

    PrometheusClient connect() {
        return clientFactory != null ? clientFactory.apply(prometheus) : prometheus.connect(diagnostics());
    }

    DriftRunner runner(PrometheusClient client) {
        return new DriftRunner(new Fetcher(client, judge.effectiveStep(), diagnostics()::detail), judge.config());
    }

    static DriftWindow window(String what, Instant start, Instant end) {
        if (!end.isAfter(start)) {
            throw ToolException.usage(what + ": end " + end + " is not after start " + start);
        }
        return new DriftWindow(start, end);
    }

    void notInFuture(String option, Instant time) {
        if (time.isAfter(clock.instant().plusSeconds(60))) {
            throw ToolException.usage(option + " " + time + " is in the future");
        }
    }

    void checkLongEnough(String what, DriftWindow window) {
        if (window.end().isBefore(window.start().plus(judge.effectiveStep()))) {
            throw ToolException.usage(what + " (" + window.start() + " to " + window.end()
                    + ") is shorter than one step (" + judge.effectiveStep().toSeconds() + "s)");
        }
    }

    /** Writes drift_analysis.json, prints the verdict and the drifts, returns the exit code. */
    ExitCode finish(DriftAnalysis analysis) {
        Path directory = output.resolve(DEFAULT_OUTPUT);
        Path file = directory.resolve(ANALYSIS_FILE);
        Json.writeFile(file, analysis);
        report(out(), analysis, file);
        return judge.exitCode(analysis.status(), analysis.complete());
    }

    static void report(PrintWriter out, DriftAnalysis analysis, Path file) {
        out.printf(
                Locale.ROOT,
                "%s %s: %d checks, %d drifts (%d critical)%s%n",
                analysis.mode(),
                analysis.status(),
                analysis.totalChecks(),
                analysis.driftsDetected(),
                analysis.criticalDrifts(),
                analysis.canary() != null && analysis.canary().score() != null
                        ? String.format(
                                Locale.ROOT, ", score %.2f", analysis.canary().score())
                        : "");
        out.println("  " + analysis.reason());
        for (Drift drift : analysis.drifts()) {
            if (!"Pass".equals(drift.classification())) {
                out.printf(
                        Locale.ROOT,
                        "  %-12s %s%s: %s%n",
                        drift.classification(),
                        drift.metric(),
                        drift.service().isEmpty() ? "" : " [" + drift.service() + "]",
                        drift.reason());
            }
        }
        out.println("  wrote " + file);
        out.flush();
    }
}
