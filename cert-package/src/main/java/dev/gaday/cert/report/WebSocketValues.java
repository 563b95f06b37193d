package dev.gaday.cert.report;

import dev.gaday.cert.input.InputFiles;
import dev.gaday.common.model.ws.WsHealthMetrics;
import dev.gaday.common.text.MarkdownText;
import dev.gaday.common.text.ReportFormat;
import dev.gaday.common.verdict.CriterionResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The WebSocket run's placeholders that take more than one field. Its scalars (success rate,
 * latencies, downtime) are bound in toolkit-bindings.yaml.
 */
final class WebSocketValues {
    private static final List<String> NAMES = List.of(
            "WS_VALIDATION_STATUS",
            "INSERT_WS_COMPLIANCE_NOTES",
            "INSERT_TARS_1001_VALIDATION",
            "INSERT_WS_VALIDATION_SUMMARY");

    private WebSocketValues() {}

    static void fill(ReportContext context, PlaceholderValues values) {
        WsHealthMetrics ws = context.inputs().wsHealth();
        if (ws == null) {
            NAMES.forEach(name -> values.absent(name, "no input file " + InputFiles.WS_HEALTH));
            return;
        }
        values.text(
                "WS_VALIDATION_STATUS",
                CertificationValues.MARKS.mark(ws.compliance().status()),
                null);
        List<String> notes = new ArrayList<>();
        for (CriterionResult r : ws.compliance().requirements()) {
            notes.add(CertificationValues.describe(r));
        }
        values.markdown(
                "INSERT_WS_COMPLIANCE_NOTES",
                notes.isEmpty() ? null : MarkdownText.bullets(notes, ""),
                InputFiles.WS_HEALTH + ": compliance.requirements is empty");
        String summary = "Forced-disconnect reconnect validation against " + ws.endpoint() + " from "
                + ReportFormat.timestamp(ws.startedAt()) + " to " + ReportFormat.timestamp(ws.finishedAt()) + ": "
                + ws.connections() + " connections, "
                + ws.totalTests() + " reconnect tests, " + ws.successful() + " succeeded, " + ws.failed()
                + " failed"
                + (ws.serverInitiatedDrops() == null
                        ? ""
                        : "; " + ws.serverInitiatedDrops().count() + " server-initiated drops, "
                                + ws.serverInitiatedDrops().recovered() + " recovered")
                + ". Compliance: " + ws.compliance().status() + "."
                + (ws.wasInterrupted()
                        ? " The run was interrupted"
                                + (ws.completedCycles() == null || ws.plannedCycles() == null
                                        ? ""
                                        : " after " + ws.completedCycles() + " of " + ws.plannedCycles() + " cycles")
                                + ": partial evidence."
                        : "");
        values.text("INSERT_TARS_1001_VALIDATION", summary, null);
        values.text("INSERT_WS_VALIDATION_SUMMARY", summary, null);
    }
}
