package dev.gaday.drift;

import dev.gaday.common.cli.Finding;
import dev.gaday.common.cli.OutputDirMixin;
import dev.gaday.common.cli.OutputFormatMixin;
import dev.gaday.common.cli.PrometheusConnectionMixin;
import dev.gaday.common.cli.RunOutput;
import dev.gaday.common.cli.RunReport;
import dev.gaday.common.cli.TerminalFacts;
import dev.gaday.common.cli.ToolCommand;
import dev.gaday.common.error.ExitCode;
import dev.gaday.common.error.ToolException;
import dev.gaday.common.json.Json;
import dev.gaday.common.model.drift.Drift;
import dev.gaday.common.model.drift.DriftAnalysis;
import dev.gaday.common.model.drift.DriftWindow;
import dev.gaday.common.prometheus.PrometheusClient;
import dev.gaday.common.text.ReportFormat;
import dev.gaday.common.verdict.Status;
import dev.gaday.drift.collect.Fetcher;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.UnaryOperator;
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

    @Mixin
    OutputFormatMixin format = new OutputFormatMixin();

    /** A seam for tests: the environment the CI outputs (GITHUB_ACTIONS, GITLAB_CI) and the terminal are read from. */
    UnaryOperator<String> environment = System::getenv;

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

    /**
     * Writes drift_analysis.json, prints the verdict and the drifts, then the run summary (or, with --format json,
     * only the summary on stdout and the drifts on stderr), returns the exit code.
     */
    ExitCode finish(DriftAnalysis analysis) {
        Path directory = output.resolve(DEFAULT_OUTPUT);
        Path file = directory.resolve(ANALYSIS_FILE);
        Json.writeFile(file, analysis);
        ExitCode exit = judge.exitCode(analysis.status(), analysis.complete());
        if (!format.json()) {
            report(out(), analysis, file);
        } else if (diagnostics().verbosity() >= 0) {
            report(err(), analysis, file);
        }
        new RunOutput(out(), err(), format.json(), TerminalFacts.detect(environment), environment, diagnostics())
                .print(runReport(analysis, exit, file));
        return exit;
    }

    /** The run summary: each drift (critical: FAIL, else WARN) and each metric without a verdict (NO_DATA). */
    static RunReport runReport(DriftAnalysis analysis, ExitCode exit, Path file) {
        List<Finding> findings = new ArrayList<>();
        for (Drift drift : analysis.drifts()) {
            if ("Pass".equals(drift.classification())) {
                continue;
            }
            Status severity = !drift.drifted() ? Status.NO_DATA : drift.critical() ? Status.FAIL : Status.WARN;
            String change = drift.changePercent() == null
                    ? null
                    : (drift.changePercent() > 0 ? "+" : "") + ReportFormat.percent(drift.changePercent(), 1);
            double miss = drift.changePercent() == null ? 0 : Math.abs(drift.changePercent()) / 100;
            findings.add(new Finding(
                    severity,
                    drift.metric(),
                    drift.service().isEmpty() ? null : "service " + drift.service(),
                    change,
                    "|change| < " + ReportFormat.number(drift.threshold(), 3) + "%",
                    drift.classification() + ": " + drift.reason(),
                    miss));
        }
        return RunReport.of(
                "drift-detector " + analysis.mode(),
                exit,
                !analysis.complete(),
                analysis.reason(),
                findings,
                List.of(file.toString()));
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
