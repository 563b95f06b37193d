package dev.gaday.kpi.validate;

import dev.gaday.common.cli.BuildInfo;
import dev.gaday.common.cli.Finding;
import dev.gaday.common.cli.GaWindowOptions;
import dev.gaday.common.cli.OutputDirMixin;
import dev.gaday.common.cli.OutputFormatMixin;
import dev.gaday.common.cli.PrometheusConnectionMixin;
import dev.gaday.common.cli.RunOutput;
import dev.gaday.common.cli.RunReport;
import dev.gaday.common.cli.TerminalFacts;
import dev.gaday.common.cli.ToolCommand;
import dev.gaday.common.error.ExitCode;
import dev.gaday.common.error.ToolException;
import dev.gaday.common.prometheus.PrometheusClient;
import dev.gaday.common.text.ReportFormat;
import dev.gaday.common.verdict.Status;
import dev.gaday.kpi.validate.check.Check;
import dev.gaday.kpi.validate.check.CheckResult;
import dev.gaday.kpi.validate.check.CheckStatus;
import dev.gaday.kpi.validate.check.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kpi-collector validate}: the GA validation suite and the user's own checks, as JUnit XML, HTML and JSON. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        versionProvider = BuildInfo.class,
        sortOptions = false,
        description = {
            "Runs the GA validation suite (--ga-mode) and the checks of --checks over the GA window.",
            "",
            "A check whose source is not configured is skipped with the reason; one whose source fails or has no "
                    + "data is an error, never a failure. Only critical checks decide the exit code.",
            "",
            "Writes validation_results.xml (JUnit), validation_results.html and validation_results.json."
        },
        footer = {
            "%nExit codes of validate: 0 every critical check passed (skipped allowed); 1 a critical check "
                    + "failed; 4 a critical check's source was unreachable or failed; 2 bad options or an invalid check "
                    + "in --checks; 3 a critical check had no data. When several apply, 1 wins, then 4, 2, 3.",
            "%nExamples:",
            "  kpi-collector validate --prometheus-url http://prometheus:9090 --ga-start 2025-01-15T00:00:00Z --ga-end 2025-01-16T00:00:00Z --ga-mode --inputs drift --inputs slo_monitor -o ga_validation",
            "  kpi-collector validate --ga-start now-24h --ga-end now --ga-mode --format json > validation-verdict.json",
            "  kpi-collector validate --ga-mode --checks checks.yaml --list"
        })
public final class ValidateCommand extends ToolCommand {
    static final Path DEFAULT_OUTPUT = Path.of("ga_validation");

    @ArgGroup(exclusive = false, multiplicity = "0..1")
    GaWindowOptions window;

    @Option(names = "--ga-mode", description = "Run the GA set (also when GA_MODE=true).")
    boolean gaMode;

    @Option(
            names = "--checks",
            paramLabel = "FILE",
            description = "checks.yaml: settings of the GA set (ga:) and your own checks (checks:), which add to "
                    + "or replace GA checks of the same name.")
    Path checksFile;

    @Option(
            names = "--inputs",
            paramLabel = "DIR",
            description = "Directory with other tools' files (drift_analysis.json, slo_status.json, "
                    + "ws_health_metrics.json, files of json checks); repeatable, the first holding a file wins.")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--check", paramLabel = "NAME", description = "Run only this check; repeatable.")
    List<String> only = new ArrayList<>();

    @Option(names = "--list", description = "Print the checks with their thresholds and exit.")
    boolean list;

    @Option(
            names = "--kubeconfig",
            paramLabel = "FILE",
            description = "Kubernetes config file (default: $KUBECONFIG, ~/.kube/config, or in-cluster; none: the "
                    + "cluster checks use kube-state-metrics from Prometheus, or skip).")
    Path kubeconfig;

    @Option(
            names = "--namespace",
            paramLabel = "NS",
            description = "Kubernetes namespace of the release (default: the kubeconfig's, else 'default').")
    String namespace;

    @Mixin
    PrometheusConnectionMixin prometheus;

    @Mixin
    OutputDirMixin output;

    @Mixin
    OutputFormatMixin format = new OutputFormatMixin();

    // Seams for tests.
    Map<String, String> environment = System.getenv();
    Clock clock = Clock.systemUTC();
    Function<PrometheusConnectionMixin, PrometheusClient> clientFactory;

    @Override
    protected void validate() {
        for (Path dir : inputs) {
            if (!Files.isDirectory(dir)) {
                throw ToolException.usage("--inputs " + dir + ": no such directory");
            }
        }
        if (checksFile != null && !Files.isRegularFile(checksFile)) {
            throw ToolException.usage("--checks " + checksFile + ": no such file");
        }
        if (kubeconfig != null && !Files.isReadable(kubeconfig)) {
            throw ToolException.usage("--kubeconfig " + kubeconfig + ": no such readable file");
        }
        if (!gaMode() && checksFile == null) {
            throw ToolException.usage("nothing to run: give --ga-mode (or GA_MODE=true) and/or --checks FILE");
        }
        if (list) {
            return;
        }
        if (window == null) {
            throw ToolException.usage("give the GA window: --ga-start TIME and --ga-end TIME");
        }
        window.validate(clock.instant().plusSeconds(60));
        prometheus.environment(environment::get).endpoint();
    }

    private boolean gaMode() {
        return gaMode
                || "true"
                        .equalsIgnoreCase(
                                environment.getOrDefault("GA_MODE", "").strip());
    }

    @Override
    protected ExitCode execute() {
        ValidationSettings settings = new ValidationSettings(
                window == null ? null : window.start(),
                window == null ? null : window.end(),
                gaMode(),
                checksFile,
                inputs,
                only,
                kubeconfig,
                namespace,
                list ? null : output.resolve(DEFAULT_OUTPUT),
                environment);
        List<Check> checks = ValidationSuite.select(settings);
        if (list) {
            ValidationSuite.list(checks, out());
            return ExitCode.PASS;
        }
        if (checks.isEmpty()) {
            throw ToolException.usage("no checks to run");
        }
        try (PrometheusClient client =
                clientFactory != null ? clientFactory.apply(prometheus) : prometheus.connect(diagnostics())) {
            ValidationSuite.Completed completed =
                    ValidationSuite.run(settings, checks, client, client.baseUrl(), diagnostics(), clock);
            new RunOutput(
                            out(),
                            err(),
                            format.json(),
                            TerminalFacts.detect(environment::get),
                            environment::get,
                            diagnostics())
                    .print(runReport(completed));
            return completed.exitCode();
        }
    }

    /**
     * The run summary: each check that did not pass (a critical one fails, a warning or info check warns, a check
     * that could not be evaluated has no data) and the three files.
     */
    static RunReport runReport(ValidationSuite.Completed completed) {
        List<Finding> findings = new ArrayList<>();
        int passed = 0;
        for (CheckResult result : completed.results()) {
            CheckStatus status = result.status();
            if (status == CheckStatus.PASSED) {
                passed++;
                continue;
            }
            if (status == CheckStatus.SKIPPED) {
                continue;
            }
            Status severity = status == CheckStatus.ERROR
                    ? Status.NO_DATA
                    : result.check().severity() == Severity.CRITICAL ? Status.FAIL : Status.WARN;
            Double observed = result.outcome().observed();
            findings.add(new Finding(
                    severity,
                    result.check().name(),
                    result.check().category(),
                    // In the unit the threshold is written in: "88.474%, needs >= 95%", "1 alert, needs <= 0 alerts".
                    observed == null
                            ? null
                            : ReportFormat.count(observed, 3, result.check().unit()),
                    result.check().thresholdText(),
                    (status == CheckStatus.ERROR ? "error: " : "")
                            + result.outcome().reason(),
                    0));
        }
        return RunReport.of(
                "kpi-collector validate",
                completed.exitCode(),
                false,
                passed + " of " + completed.results().size() + " checks passed",
                findings,
                completed.files().stream().map(Path::toString).toList());
    }
}
