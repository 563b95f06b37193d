package dev.gaday.cert.report;

import dev.gaday.cert.certification.CertificationDecision;
import dev.gaday.cert.input.Inputs;
import dev.gaday.cert.model.Gate;
import dev.gaday.common.model.kpi.OverallKpis;
import dev.gaday.common.model.ws.WsHealthMetrics;
import dev.gaday.common.text.MarkdownText;
import dev.gaday.common.text.ReportFormat;
import java.time.Instant;

/** EMAIL_SUMMARY.txt: a plain-text summary to paste into a release email. */
public final class EmailSummary {
    private EmailSummary() {}

    public static String text(
            Inputs inputs,
            CertificationDecision decision,
            Instant start,
            Instant end,
            Instant generatedAt,
            int unfilled,
            String archiveName) {
        String release = inputs.release().name() != null
                ? inputs.release().name()
                : inputs.release().version() != null
                        ? "Release " + inputs.release().version()
                        : "GA release";
        StringBuilder text = new StringBuilder();
        text.append("Subject: ")
                .append(plain(release))
                .append(" GA day certification: ")
                .append(decision.status().label())
                .append("\n\n");
        text.append("Certification: ").append(decision.status().label()).append('\n');
        text.append("GA window:     ")
                .append(
                        start == null
                                ? "unknown"
                                : ReportFormat.timestamp(start) + " to " + ReportFormat.timestamp(end))
                .append('\n');
        text.append("Generated:     ")
                .append(ReportFormat.timestamp(generatedAt))
                .append("\n\n");
        text.append("Gates:\n");
        for (Gate gate : decision.gates()) {
            text.append("  - ")
                    .append(gate.name())
                    .append(": ")
                    .append(gate.counted() ? gate.status() : "not counted")
                    .append(" [")
                    .append(gate.mode())
                    .append("]")
                    .append(gate.note() == null ? "" : " (" + gate.note() + ")")
                    .append('\n');
            for (String reason : gate.reasons()) {
                text.append("      ").append(plain(reason)).append('\n');
            }
        }
        if (inputs.kpiSummary() != null) {
            OverallKpis o = inputs.kpiSummary().overall();
            text.append("\nKey KPIs:\n");
            text.append("  - Availability: ")
                    .append(ReportFormat.percent(o.availabilityPercent(), 3))
                    .append('\n');
            text.append("  - Error rate:   ")
                    .append(ReportFormat.percent(o.errorRatePercent(), 3))
                    .append('\n');
            text.append("  - P99 latency:  ")
                    .append(ReportFormat.millis(o.p99LatencyMs(), 1))
                    .append('\n');
            text.append("  - Requests:     ")
                    .append(ReportFormat.count(o.totalRequests()))
                    .append('\n');
        }
        WsHealthMetrics ws = inputs.wsHealth();
        if (ws != null) {
            text.append("  - WebSocket reconnects (ws-health's probe): ")
                    .append(ReportFormat.count(ws.successful()))
                    .append(" of ")
                    .append(ReportFormat.count(ws.totalTests()))
                    .append(" (")
                    .append(ReportFormat.percent(ws.successRatePercent(), 3))
                    .append(")\n");
        }
        if (!inputs.release().incidents().isEmpty()) {
            text.append("\nIncidents: ")
                    .append(inputs.release().incidents().size())
                    .append('\n');
            // The separator stays outside plain(), which trims: "SEV-2 Checkout errors", not "SEV-2Checkout errors".
            inputs.release().incidents().forEach(i -> text.append("  - ")
                    .append(i.severity() == null || i.severity().isBlank() ? "" : plain(i.severity()) + " ")
                    .append(plain(i.title()))
                    .append(i.time() == null ? "" : " at " + plain(ReleaseValues.shown(i.time())))
                    .append('\n'));
        }
        text.append("\nThe full report (GA_DAY_REPORT.pdf) and the evidence are in ")
                .append(archiveName)
                .append(";\ncheck it with: cert-package verify ")
                .append(archiveName)
                .append('\n');
        if (unfilled > 0) {
            text.append("\n")
                    .append(unfilled)
                    .append(" placeholders of the report read N/A; see UNFILLED_PLACEHOLDERS.txt.\n");
        }
        return text.toString();
    }

    private static String plain(String text) {
        return text == null ? "" : MarkdownText.singleLine(text);
    }
}
