package dev.gaday.cert.report;

import dev.gaday.cert.certification.CertificationDecision;
import dev.gaday.cert.certification.Thresholds;
import dev.gaday.cert.input.InputFiles;
import dev.gaday.cert.model.Gate;
import dev.gaday.common.model.kpi.KpiSummary;
import dev.gaday.common.model.ws.WsHealthMetrics;
import dev.gaday.common.text.MarkdownText;
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
        record Row(Status status, List<String> cells) {}
        List<Row> rows = new ArrayList<>();
        KpiSummary summary = context.inputs().kpiSummary();
        if (summary != null) {
            for (CriterionResult r : summary.certification().criteria()) {
                rows.add(new Row(r.status(), criterionRow(r, "")));
            }
        }
        WsHealthMetrics ws = context.inputs().wsHealth();
        if (ws != null) {
            for (CriterionResult r : ws.compliance().requirements()) {
                rows.add(new Row(r.status(), criterionRow(r, "WebSocket: ")));
            }
        }
        for (Gate gate : context.decision().gates()) {
            boolean criteriaListed = gate.source().startsWith(InputFiles.KPI_SUMMARY) && summary != null
                    || gate.source().startsWith(InputFiles.WS_HEALTH) && ws != null;
            if (criteriaListed || !gate.counted() && gate.file() == null) {
                continue;
            }
            String actual = gate.file() == null
                    ? gate.note()
                    : gate.reasons().isEmpty() ? gate.status().toString() : String.join("; ", gate.reasons());
            rows.add(new Row(
                    gate.status(),
                    List.of(
                            gate.name() + " (" + gate.mode() + ")",
                            gate.file() == null ? gate.source() + " present" : gate.source() + " PASS",
                            actual == null ? "" : actual,
                            MARKS.mark(gate.status()))));
        }
        rows.sort(java.util.Comparator.comparingInt(r -> rank(r.status())));
        values.markdown(
                "INSERT_CERTIFICATION_CRITERIA",
                rows.isEmpty()
                        ? null
                        : MarkdownText.rows(rows.stream().map(Row::cells).toList()),
                "no criteria in the inputs");
    }

    /** FAIL first, then no data, warnings, passes: failures are read first in every table. */
    static int rank(Status status) {
        return switch (status) {
            case FAIL -> 0;
            case NO_DATA -> 1;
            case WARN -> 2;
            case PASS -> 3;
        };
    }

    private static void justification(ReportContext context, PlaceholderValues values) {
        CertificationDecision decision = context.decision();
        StringBuilder text = new StringBuilder();
        text.append(MarkdownText.escape("The package is " + decision.status().label() + ": "
                + switch (decision.status()) {
                    case CERTIFIED -> "every counted gate passed.";
                    case CERTIFIED_WITH_WARNINGS -> "no counted gate failed; warnings are listed below.";
                    case NOT_CERTIFIED -> "at least one required gate failed.";
                    case INCONCLUSIVE -> "no required gate failed, but at least one had no data or only partial "
                            + "data.";
                }));
        List<Gate> gates = new ArrayList<>(decision.gates());
        gates.sort(java.util.Comparator.comparingInt((Gate g) -> g.counted() ? 0 : 1)
                .thenComparingInt(g -> rank(g.status())));
        List<String> items = new ArrayList<>();
        for (Gate gate : gates) {
            StringBuilder item = new StringBuilder();
            item.append("**")
                    .append(MarkdownText.escape(MARKS.symbol(gate.status()) + " " + gate.name() + ": "
                            + (gate.counted() ? gate.status() : "not counted")))
                    .append("** ")
                    .append(MarkdownText.escape("(" + gate.mode() + "; " + gate.source()
                            + (gate.note() == null ? "" : "; " + gate.note()) + ")"));
            for (String reason : gate.reasons()) {
                item.append("\n    - ").append(MarkdownText.escape(MarkdownText.singleLine(reason)));
            }
            items.add(item.toString());
        }
        text.append("\n\n").append(MarkdownText.bulletsOfMarkdown(items, ""));
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
        return Thresholds.value(r.value(), r.unit());
    }
}
