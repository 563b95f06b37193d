package dev.gaday.cert.report;

import dev.gaday.cert.input.InputFiles;
import dev.gaday.common.model.drift.Drift;
import dev.gaday.common.model.drift.DriftAnalysis;
import dev.gaday.common.model.drift.DriftFormat;
import dev.gaday.common.model.drift.DriftWindow;
import dev.gaday.common.text.MarkdownText;
import dev.gaday.common.text.ReportFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The canary section from a {@code drift-detector canary} run (drift_analysis.json with mode canary): when the
 * canary started and how long it ran, its error and success rates, the gate's decision and the stable-against-canary
 * comparison. Any other drift mode (compare, deploy) judged no canary, and the section says so.
 */
final class CanaryValues {
    static final List<String> PLACEHOLDERS = List.of(
            "INSERT_CANARY_SUMMARY",
            "CANARY_START_TIME",
            "CANARY_DURATION_MINUTES",
            "CANARY_SUCCESS_RATE",
            "CANARY_ERROR_RATE",
            "CANARY_GATE_DECISION",
            "INSERT_CANARY_BASELINE_COMPARISON");

    private CanaryValues() {}

    static void fill(ReportContext context, PlaceholderValues values) {
        DriftAnalysis drift = context.inputs().drift();
        if (drift == null) {
            String reason = "no input file " + InputFiles.DRIFT_ANALYSIS + ": run drift-detector canary and pass its "
                    + "output with --inputs, or give it in the release file";
            PLACEHOLDERS.forEach(name -> values.absent(name, reason));
            return;
        }
        if (!drift.mode().equals("canary") || drift.windows().get("canary") == null) {
            String reason = InputFiles.DRIFT_ANALYSIS + " is a " + drift.mode() + " run, not a canary run: run "
                    + "drift-detector canary and pass its output with --inputs, or give it in the release file";
            PLACEHOLDERS.forEach(name -> values.absent(name, reason));
            return;
        }
        DriftWindow canary = drift.windows().get("canary");
        values.text("CANARY_START_TIME", ReportFormat.timestamp(canary.start()), null);
        values.text(
                "CANARY_DURATION_MINUTES",
                ReportFormat.number(
                        Duration.between(canary.start(), canary.end()).toSeconds() / 60.0, 1),
                null);
        Drift errors = worstErrorRatio(drift);
        String noErrorRatio = InputFiles.DRIFT_ANALYSIS + ": no error-ratio check with data on the canary side";
        if (errors != null && errors.current() != null) {
            long checks =
                    drift.drifts().stream().filter(CanaryValues::isErrorRatio).count();
            String where = checks > 1 && errors.service() != null
                    ? " (" + errors.service() + ", the highest of " + checks + ")"
                    : "";
            // The template puts the % sign after the placeholder.
            values.text("CANARY_ERROR_RATE", ReportFormat.number(errors.current() * 100, 3) + where, null);
            values.text("CANARY_SUCCESS_RATE", ReportFormat.number(100 - errors.current() * 100, 3) + where, null);
        } else {
            values.absent("CANARY_ERROR_RATE", noErrorRatio);
            values.absent("CANARY_SUCCESS_RATE", noErrorRatio);
        }
        String score = drift.canary() == null || drift.canary().score() == null
                ? ""
                : ", score " + ReportFormat.number(drift.canary().score(), 1) + " (pass ≥ "
                        + ReportFormat.number(drift.canary().passThreshold(), 1) + ")";
        values.text("CANARY_GATE_DECISION", drift.status() + score, null);
        List<String> summary = new ArrayList<>();
        summary.add("drift-detector canary: " + drift.status() + score + ", " + drift.totalChecks() + " checks, "
                + drift.driftsDetected() + " drifted, " + drift.criticalDrifts() + " critical");
        if (drift.reason() != null && !drift.reason().isBlank()) {
            summary.add(MarkdownText.singleLine(drift.reason()));
        }
        if (!drift.complete()) {
            summary.add("partial: the canary run did not finish; its verdict does not certify");
        }
        values.markdown("INSERT_CANARY_SUMMARY", MarkdownText.bullets(summary, ""), null);
        List<List<String>> rows = new ArrayList<>();
        for (Drift d : DriftValueFormat.ordered(drift.drifts())
                .subList(
                        0,
                        Math.min(
                                ToolResultValues.COMPARISON_ROWS, drift.drifts().size()))) {
            rows.add(List.of(
                    d.metric() + (d.service() == null || d.service().isEmpty() ? "" : " (" + d.service() + ")"),
                    DriftFormat.value(d, d.baseline()),
                    DriftFormat.value(d, d.current()),
                    DriftFormat.change(d),
                    DriftValueFormat.result(d)));
        }
        values.markdown(
                "INSERT_CANARY_BASELINE_COMPARISON",
                rows.isEmpty() ? null : MarkdownText.rows(rows),
                InputFiles.DRIFT_ANALYSIS + " lists no checks");
    }

    private static boolean isErrorRatio(Drift d) {
        return "ratio".equals(d.kind()) && d.current() != null;
    }

    /** The error-ratio check with the highest canary-side ratio: the one a gate would be decided on. */
    private static Drift worstErrorRatio(DriftAnalysis drift) {
        return drift.drifts().stream()
                .filter(CanaryValues::isErrorRatio)
                .max(Comparator.comparingDouble(Drift::current))
                .orElse(null);
    }
}
