package dev.gaday.kpi.validate;

import dev.gaday.common.cli.Diagnostics;
import dev.gaday.common.error.ExitCode;
import dev.gaday.common.error.ToolException;
import dev.gaday.common.io.AtomicFiles;
import dev.gaday.common.json.Json;
import dev.gaday.common.model.validation.ValidationResults;
import dev.gaday.common.prometheus.PrometheusClient;
import dev.gaday.kpi.validate.catalog.ChecksFile;
import dev.gaday.kpi.validate.catalog.GaChecks;
import dev.gaday.kpi.validate.catalog.GaSettings;
import dev.gaday.kpi.validate.check.Check;
import dev.gaday.kpi.validate.check.CheckContext;
import dev.gaday.kpi.validate.check.CheckResult;
import dev.gaday.kpi.validate.check.CheckRunner;
import dev.gaday.kpi.validate.check.CheckStatus;
import dev.gaday.kpi.validate.report.HtmlReport;
import dev.gaday.kpi.validate.report.JUnitXml;
import dev.gaday.kpi.validate.report.ResultsAssembler;
import dev.gaday.kpi.validate.source.KubernetesRollouts;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The validation suite: which checks run, running them, and the three result files. */
public final class ValidationSuite {
    public static final String XML_FILE = "validation_results.xml";
    public static final String HTML_FILE = "validation_results.html";
    public static final String JSON_FILE = "validation_results.json";

    private ValidationSuite() {}

    /**
     * The checks to run: the GA set (with --ga-mode), then checks.yaml's own checks, a same-named one replacing a
     * GA check; restricted to {@code only} when given (an unknown name is a usage error).
     */
    static List<Check> select(ValidationSettings settings) {
        ChecksFile.Contents contents = settings.checksFile() == null
                ? new ChecksFile.Contents(GaSettings.defaults(), List.of())
                : ChecksFile.read(settings.checksFile());
        Map<String, Check> checks = new LinkedHashMap<>();
        if (settings.gaMode()) {
            for (Check check : GaChecks.all(contents.ga())) {
                checks.put(check.name(), check);
            }
        }
        for (Check check : contents.checks()) {
            checks.put(check.name(), check);
        }
        if (!settings.only().isEmpty()) {
            Map<String, Check> selected = new LinkedHashMap<>();
            for (String name : settings.only()) {
                Check check = checks.get(name);
                if (check == null) {
                    throw ToolException.usage(
                            "--check " + name + ": no such check (known: " + String.join(", ", checks.keySet()) + ")");
                }
                selected.put(name, check);
            }
            checks = selected;
        }
        return new ArrayList<>(checks.values());
    }

    /** {@code --list}: name, severity, category, threshold and description of each check. */
    static void list(List<Check> checks, PrintWriter out) {
        int width = 8;
        for (Check check : checks) {
            width = Math.max(width, check.name().length());
        }
        out.printf(
                "%-" + width + "s  %-8s  %-13s  %-18s  %s%n",
                "CHECK",
                "SEVERITY",
                "CATEGORY",
                "THRESHOLD",
                "PASSES WHEN");
        for (Check check : checks) {
            out.printf(
                    "%-" + width + "s  %-8s  %-13s  %-18s  %s%n",
                    check.name(),
                    check.severity().id(),
                    check.category(),
                    check.thresholdText(),
                    check.description());
        }
        out.flush();
    }

    /** A finished validation: its exit code, each check's result, the files written. */
    record Completed(ExitCode exitCode, List<CheckResult> results, List<Path> files) {}

    static Completed run(
            ValidationSettings settings,
            List<Check> checks,
            PrometheusClient prometheus,
            String prometheusUrl,
            Diagnostics diagnostics,
            Clock clock) {
        Instant began = clock.instant();
        KubernetesRollouts.LazyClient kubernetes =
                KubernetesRollouts.connector(settings.kubeconfig(), settings.environment());
        CheckContext context = new CheckContext(
                settings.start(),
                settings.end(),
                prometheus,
                settings.inputs(),
                settings.environment(),
                kubernetes,
                settings.namespace());
        List<CheckResult> results;
        try {
            results = new CheckRunner(context, result -> report(result, diagnostics)).run(checks);
        } finally {
            if (kubernetes != null) {
                kubernetes.close();
            }
        }
        ValidationResults document = ResultsAssembler.assemble(
                results, settings.start(), settings.end(), prometheusUrl, settings.gaMode(), began);
        write(settings.outputDir(), document);
        return new Completed(
                ResultsAssembler.exitCode(results),
                results,
                List.of(
                        settings.outputDir().resolve(XML_FILE),
                        settings.outputDir().resolve(HTML_FILE),
                        settings.outputDir().resolve(JSON_FILE)));
    }

    /** One line per check that did not pass; errors on stderr name the check and the reason. */
    private static void report(CheckResult result, Diagnostics diagnostics) {
        String line = result.check().name() + ": " + result.outcome().reason();
        if (result.status() == CheckStatus.ERROR) {
            diagnostics.error(line);
        } else if (result.status() == CheckStatus.FAILED) {
            diagnostics.info("FAILED " + line);
        } else if (result.status() == CheckStatus.SKIPPED) {
            diagnostics.detail("skipped " + line);
        } else {
            diagnostics.detail("passed " + line);
        }
    }

    /** The three files together: each whole or absent, never a mix of two runs. */
    static void write(Path directory, ValidationResults document) {
        Map<Path, AtomicFiles.Writer> files = new LinkedHashMap<>();
        byte[] xml = JUnitXml.write(document).getBytes(StandardCharsets.UTF_8);
        byte[] html = HtmlReport.write(document).getBytes(StandardCharsets.UTF_8);
        byte[] json = Json.write(document).getBytes(StandardCharsets.UTF_8);
        files.put(directory.resolve(XML_FILE), out -> out.write(xml));
        files.put(directory.resolve(HTML_FILE), out -> out.write(html));
        files.put(directory.resolve(JSON_FILE), out -> out.write(json));
        AtomicFiles.writeAll(files, AtomicFiles.Durability.FSYNC);
    }

    static Set<String> fileNames() {
        return Set.of(XML_FILE, HTML_FILE, JSON_FILE);
    }
}
