package dev.gaday.cert.report;

import dev.gaday.cert.certification.CertificationDecision;
import dev.gaday.cert.certification.Thresholds;
import dev.gaday.cert.input.InputFiles;
import dev.gaday.cert.model.Gate;
import dev.gaday.common.model.kpi.KpiSummary;
import dev.gaday.common.model.ws.WsHealthMetrics;
import dev.gaday.common.text.MarkdownText;
import dev.gaday.common.text.ReportFormat;
import dev.gaday.common.verdict.CriterionResult;
import dev.gaday.common.verdict.Status;
import dev.gaday.common.verdict.StatusMarks;
import java.util.ArrayList;
import java.util.List;

/** The certification's placeholders: the verdict, the criteria table and the justification. */
final class CertificationValues {
    /** The report is UTF-8 Markdown and a PDF with a bundled font that has the symbols. */
    static final StatusMarks MARKS = StatusMarks.UNICODE;

    private CertificationValues() {}

    static void fill(ReportContext context, PlaceholderValues values) {
        CertificationDecision decision = context.decision();
        values.text("CERTIFICATION_STATUS", decision.status().label(), null);
        values.text("FINAL_CERTIFICATION_STATUS", decision.status().label(), null);
        values.text(
                "OVERALL_HEALTH_STATUS",
                switch (decision.overall()) {
                    case PASS -> "Healthy";
                    case WARN -> "Healthy, with warnings";
                    case FAIL -> "Unhealthy";
                    case NO_DATA -> "Unknown (insufficient data)";
                },
                null);
        criteria(context, values);
        justification(context, values);
    }

    private static void criteria(ReportContext context, PlaceholderValues values) {
        List<List<String>> rows = new ArrayList<>();
        KpiSummary summary = context.inputs().kpiSummary();
        if (summary != null) {
            for (CriterionResult r : summary.certification().criteria()) {
                rows.add(criterionRow(r, ""));
            }
        }
        WsHealthMetrics ws = context.inputs().wsHealth();
        if (ws != null) {
            for (CriterionResult r : ws.compliance().requirements()) {
                rows.add(criterionRow(r, "WebSocket: "));
            }
        }
        for (Gate gate : context.decision().gates()) {
            if (CertificationDecision.missingFile(gate)) {
                rows.add(List.of(gate.name(), gate.source() + " present", gate.note(), MARKS.mark(Status.NO_DATA)));
            }
        }
        values.markdown(
                "INSERT_CERTIFICATION_CRITERIA",
                rows.isEmpty() ? null : MarkdownText.rows(rows),
                "no criteria in the inputs");
    }

    private static void justification(ReportContext context, PlaceholderValues values) {
        CertificationDecision decision = context.decision();
        KpiSummary summary = context.inputs().kpiSummary();
        WsHealthMetrics ws = context.inputs().wsHealth();
        StringBuilder text = new StringBuilder();
        text.append(MarkdownText.escape("The package is " + decision.status().label() + ": "
                + switch (decision.status()) {
                    case CERTIFIED -> "every gate passed (warnings do not block).";
                    case NOT_CERTIFIED -> "at least one gate failed.";
                    case INCONCLUSIVE -> "no gate failed, but at least one had no data or only partial data.";
                }));
        List<String> gates = new ArrayList<>();
        for (Gate gate : decision.gates()) {
            List<CriterionResult> criteria = gate.source().startsWith(InputFiles.KPI_SUMMARY) && summary != null
                    ? summary.certification().criteria()
                    : gate.source().startsWith(InputFiles.WS_HEALTH) && ws != null
                            ? ws.compliance().requirements()
                            : List.of();
            List<String> notPassed = criteria.stream()
                    .filter(r -> r.status() == Status.FAIL || r.status() == Status.NO_DATA)
                    .map(r -> r.name() + " " + r.status())
                    .toList();
            gates.add(MARKS.symbol(gate.status()) + " " + gate.name() + ": " + gate.status() + " (" + gate.source()
                    + (gate.note() == null ? "" : "; " + gate.note()) + ")"
                    + (notPassed.isEmpty() ? "" : "; not passed: " + String.join(", ", notPassed)));
        }
        text.append("\n\n").append(MarkdownText.bullets(gates, ""));
        values.markdown("INSERT_CERTIFICATION_JUSTIFICATION", text.toString(), null);
    }

    private static List<String> criterionRow(CriterionResult r, String prefix) {
        return List.of(
                prefix + r.name() + (r.warningOnly() ? " (warning only)" : ""),
                Thresholds.describe(r),
                actual(r),
                MARKS.mark(r.status()));
    }

    /** "✔ p99 reconnect latency: 2,210ms (target < 30000ms) — PASS". */
    static String describe(CriterionResult r) {
        return MARKS.symbol(r.status()) + " " + r.name() + ": " + (r.value() == null ? "no data" : actualValue(r))
                + " (target " + Thresholds.describe(r) + ")" + (r.warningOnly() ? ", warning only" : "") + " — "
                + r.status()
                + (r.reason() == null ? "" : ": " + r.reason());
    }

    private static String actual(CriterionResult r) {
        return r.value() == null ? "no data" + (r.reason() == null ? "" : ": " + r.reason()) : actualValue(r);
    }

    private static String actualValue(CriterionResult r) {
        return ReportFormat.withUnit(r.value(), 3, r.unit());
    }
}
