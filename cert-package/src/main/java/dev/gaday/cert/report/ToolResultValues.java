package dev.gaday.cert.report;

import dev.gaday.cert.certification.Thresholds;
import dev.gaday.cert.chart.ReportCharts;
import dev.gaday.cert.input.InputFiles;
import dev.gaday.common.model.drift.Drift;
import dev.gaday.common.model.drift.DriftAnalysis;
import dev.gaday.common.model.drift.DriftFormat;
import dev.gaday.common.model.drift.Mitigation;
import dev.gaday.common.model.slo.SloResult;
import dev.gaday.common.model.slo.SloStatus;
import dev.gaday.common.model.slo.SloTypeSummary;
import dev.gaday.common.model.slo.SloViolation;
import dev.gaday.common.model.validation.ValidationResults;
import dev.gaday.common.text.MarkdownText;
import dev.gaday.common.text.ReportFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The drift, SLO and validation sections, from those tools' typed files (drift_analysis.json, slo_status.json,
 * validation_results.json): the baseline comparison, drift details with each check's "why" sentence, the
 * error-budget table and violations, the test breakdown by category and the failed tests.
 */
final class ToolResultValues {
    /** Rows of the baseline comparison: the drifted checks first, then the largest changes. */
    static final int COMPARISON_ROWS = 15;

    private ToolResultValues() {}

    static void fill(ReportContext context, PlaceholderValues values) {
        if (context.inputs().drift() != null) {
            drift(context.inputs().drift(), values, figures(context, ReportCharts.DRIFT_PREFIX));
        }
        if (context.inputs().slo() != null) {
            slo(context.inputs().slo(), values, figures(context, ReportCharts.SLO_PREFIX));
        }
        if (context.inputs().validation() != null) {
            validation(context.inputs().validation(), values);
        }
    }

    private static void drift(DriftAnalysis drift, PlaceholderValues values, String figures) {
        values.text("TOTAL_DRIFT_CHECKS", ReportFormat.count(drift.totalChecks()), null);
        values.text("DRIFTS_DETECTED", ReportFormat.count(drift.driftsDetected()), null);
        values.text("CRITICAL_DRIFTS", ReportFormat.count(drift.criticalDrifts()), null);
        values.markdown(
                "INSERT_DRIFT_SEVERITY_BREAKDOWN",
                MarkdownText.bullets(
                        List.of(
                                "critical: " + drift.severityBreakdown().critical(),
                                "warning: " + drift.severityBreakdown().warning(),
                                "info: " + drift.severityBreakdown().info()),
                        "  "),
                null);
        List<Drift> ordered = DriftValueFormat.ordered(drift.drifts());
        List<List<String>> rows = new ArrayList<>();
        for (Drift d : ordered.subList(0, Math.min(COMPARISON_ROWS, ordered.size()))) {
            rows.add(List.of(
                    d.metric(),
                    d.service() == null || d.service().isEmpty() ? "—" : d.service(),
                    DriftFormat.value(d, d.baseline()),
                    DriftFormat.value(d, d.current()),
                    DriftFormat.change(d),
                    DriftValueFormat.result(d)));
        }
        String table = "| Metric | Service | Baseline | Current | Change | Result |\n|---|---|---:|---:|---:|---|\n"
                + MarkdownText.rows(rows)
                + (ordered.size() > COMPARISON_ROWS
                        ? "\n\n" + (ordered.size() - COMPARISON_ROWS)
                                + " more checks in drift_analysis.json (in this package)."
                        : "");
        values.markdown(
                "INSERT_DRIFT_BASELINE_COMPARISON",
                "Mode " + MarkdownText.escape(drift.mode()) + ", verdict **"
                        + MarkdownText.escape(drift.status()) + "**: "
                        + MarkdownText.escape(MarkdownText.singleLine(drift.reason() == null ? "" : drift.reason()))
                        + "\n\n" + table,
                null);
        List<String> details = new ArrayList<>();
        for (Drift d : ordered) {
            if (d.drifted()) {
                details.add(d.metric() + (d.service() == null || d.service().isEmpty() ? "" : " — " + d.service())
                        + " (" + d.severity() + "): " + MarkdownText.singleLine(d.reason()));
            }
        }
        values.markdown(
                "INSERT_DRIFT_DETAILS",
                (details.isEmpty()
                                ? MarkdownText.escape("No drift: " + drift.totalChecks() + " checks, none drifted.")
                                : MarkdownText.bullets(details, ""))
                        + figures,
                null);
        List<String> actions = new ArrayList<>();
        for (Mitigation m : drift.mitigationActions()) {
            actions.add(m.severity() + " · " + m.metric()
                    + (m.service() == null || m.service().isEmpty() ? "" : " — " + m.service()) + ": " + m.action());
        }
        values.markdown(
                "INSERT_DRIFT_MITIGATION_ACTIONS",
                actions.isEmpty() ? MarkdownText.escape("None needed.") : MarkdownText.bullets(actions, ""),
                null);
    }

    private static void slo(SloStatus slo, PlaceholderValues values, String figures) {
        values.text("SLO_COMPLIANCE_STATUS", slo.status() + (slo.partial() ? " (partial)" : ""), null);
        List<List<String>> rows = new ArrayList<>();
        List<SloResult> ordered = new ArrayList<>(slo.slos());
        ordered.sort(Comparator.comparingInt((SloResult s) -> SloResult.stateRank(s.state()))
                .thenComparingDouble(s -> s.errorBudget() == null
                        ? Double.MAX_VALUE
                        : s.errorBudget().remainingPercent()));
        for (SloResult s : ordered) {
            Double actual = s.errorRatio() == null ? null : (1 - s.errorRatio()) * 100;
            rows.add(List.of(
                    s.name() + (s.service() == null ? "" : " (" + s.service() + ")"),
                    ReportFormat.percent(s.objective(), 3),
                    ReportFormat.percent(actual, 3),
                    (s.state().equals("OK") ? "✔ " : "✘ ") + s.state(),
                    s.errorBudget() == null
                            ? ReportFormat.NOT_AVAILABLE
                            : ReportFormat.percent(s.errorBudget().remainingPercent(), 1)));
        }
        values.markdown(
                "INSERT_SLO_COMPLIANCE_TABLE",
                rows.isEmpty() ? null : MarkdownText.rows(rows),
                InputFiles.SLO_STATUS + " lists no SLOs");
        budget(slo, "availability", "AVAILABILITY_ERROR_BUDGET", values);
        budget(slo, "latency", "LATENCY_ERROR_BUDGET", values);
        budget(slo, "errorRate", "ERROR_RATE_ERROR_BUDGET", values);
        List<String> violations = new ArrayList<>();
        for (SloViolation v : slo.violations()) {
            violations.add(v.slo() + ": " + v.severity() + " alert from " + ReportFormat.timestamp(v.from()) + " to "
                    + (v.to() == null ? "the end (still firing)" : ReportFormat.timestamp(v.to()))
                    + ", peak burn rate " + ReportFormat.number(v.peakBurnRate(), 1) + "×");
        }
        values.markdown(
                "INSERT_SLO_VIOLATIONS",
                (violations.isEmpty()
                                ? MarkdownText.escape("None: no alert fired.")
                                : MarkdownText.bullets(violations, ""))
                        + figures,
                null);
    }

    /** The figures whose names start with the prefix, as Markdown images after a blank line; "" when none. */
    private static String figures(ReportContext context, String prefix) {
        StringBuilder images = new StringBuilder();
        context.charts().forEach((chart, title) -> {
            if (chart.startsWith(prefix)) {
                images.append("\n\n").append(ReportValues.image(chart, title));
            }
        });
        return images.toString();
    }

    /** The template writes "{{X}}%": the number alone, the smallest remaining budget of the SLOs of that type. */
    private static void budget(SloStatus slo, String type, String name, PlaceholderValues values) {
        SloTypeSummary summary = slo.summary().get(type);
        values.text(
                name,
                summary == null || summary.minRemainingBudgetPercent() == null
                        ? null
                        : ReportFormat.number(summary.minRemainingBudgetPercent(), 1),
                InputFiles.SLO_STATUS + " has no " + type + " SLO");
    }

    private static void validation(ValidationResults v, PlaceholderValues values) {
        ValidationResults.Summary s = v.summary();
        values.text(
                "INSERT_VALIDATION_SUITE_SUMMARY",
                v.status() + ": " + ReportFormat.count(s.total()) + " checks, "
                        + ReportFormat.count(s.passed()) + " passed, " + ReportFormat.count(s.failed()) + " failed, "
                        + ReportFormat.count(s.errors()) + " errors, " + ReportFormat.count(s.skipped()) + " skipped"
                        + (v.window() == null
                                ? ""
                                : " (window "
                                        + ReportFormat.timestamp(v.window().start()) + " to "
                                        + ReportFormat.timestamp(v.window().end()) + ")")
                        + (v.gaMode() ? "; GA mode" : ""),
                null);
        List<List<String>> rows = new ArrayList<>();
        for (ValidationResults.Category c : v.categories()) {
            rows.add(List.of(
                    c.name(),
                    ReportFormat.count(c.total()),
                    ReportFormat.count(c.passed()),
                    ReportFormat.count(c.failed() + c.errors()),
                    ReportFormat.count(c.skipped()),
                    passRate(c)));
        }
        values.markdown(
                "INSERT_TEST_RESULTS_BREAKDOWN",
                rows.isEmpty() ? null : MarkdownText.rows(rows),
                InputFiles.VALIDATION_JSON + " lists no categories");
        List<String> critical = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (ValidationResults.Case c : v.cases()) {
            String line = c.name() + (c.category() == null ? "" : " (" + c.category() + ")") + ": " + c.status()
                    + (c.observed() == null
                            ? ""
                            : ", " + Thresholds.value(c.observed(), c.unit())
                                    + (c.threshold() == null
                                            ? ""
                                            : " vs "
                                                    + (c.comparator() == null
                                                            ? ""
                                                            : Thresholds.sign(c.comparator()) + " ")
                                                    + Thresholds.value(c.threshold(), c.unit())))
                    + (c.reason() == null ? "" : " — " + MarkdownText.singleLine(c.reason()));
            if ("critical".equalsIgnoreCase(c.severity())) {
                critical.add(line);
            }
            if (c.status().equals(ValidationResults.STATUS_FAILED)
                    || c.status().equals(ValidationResults.STATUS_ERROR)) {
                failed.add(line);
            }
        }
        values.markdown(
                "INSERT_CRITICAL_TEST_RESULTS",
                critical.isEmpty() ? MarkdownText.escape("No critical checks.") : MarkdownText.bullets(critical, ""),
                null);
        values.markdown(
                "INSERT_FAILED_TESTS",
                failed.isEmpty() ? MarkdownText.escape("None: every check passed.") : MarkdownText.bullets(failed, ""),
                null);
        category(v, "load", "INSERT_LOAD_TEST_RESULTS", values);
        category(v, "security", "INSERT_SECURITY_TEST_RESULTS", values);
    }

    /**
     * Passed over the checks that ran (skipped ones are not judged); words, not "N/A", when none ran, since a
     * category whose checks were all skipped (their source not configured) is a different story from one without
     * checks.
     */
    static String passRate(ValidationResults.Category c) {
        int judged = c.total() - c.skipped();
        if (c.total() == 0) {
            return "no checks";
        }
        return judged == 0 ? "all skipped" : ReportFormat.percent(100.0 * c.passed() / judged, 1);
    }

    private static void category(ValidationResults v, String word, String name, PlaceholderValues values) {
        List<String> lines = new ArrayList<>();
        for (ValidationResults.Case c : v.cases()) {
            if (c.category() != null && c.category().toLowerCase(Locale.ROOT).contains(word)) {
                lines.add(c.name() + ": " + c.status()
                        + (c.reason() == null ? "" : " — " + MarkdownText.singleLine(c.reason())));
            }
        }
        values.markdown(
                name,
                lines.isEmpty() ? null : MarkdownText.bullets(lines, ""),
                InputFiles.VALIDATION_JSON + " has no " + word + " checks");
    }
}
