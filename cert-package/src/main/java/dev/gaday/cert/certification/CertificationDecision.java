package dev.gaday.cert.certification;

import dev.gaday.cert.input.InputFiles;
import dev.gaday.cert.input.Inputs;
import dev.gaday.cert.model.CertificationStatus;
import dev.gaday.cert.model.Gate;
import dev.gaday.common.model.kpi.KpiSummary;
import dev.gaday.common.model.ws.WsHealthMetrics;
import dev.gaday.common.verdict.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * The certification derived from the inputs' own verdicts: the KPI summary's
 * {@code certification.status} and the WebSocket run's {@code compliance.status}. A gate whose file
 * is missing counts as NO_DATA: a release is never certified on data nobody looked at. Nor on partial
 * evidence: a KPI summary marked {@code partial}, or a WebSocket run that was interrupted or completed
 * fewer cycles than it planned, makes a passing gate NO_DATA (INCONCLUSIVE); a failure seen in
 * partial evidence still fails.
 *
 * @param dataGaps why a gate's evidence is incomplete, one line per gate ("ws_health_metrics.json: ...")
 */
public record CertificationDecision(
        CertificationStatus status, Status overall, List<Gate> gates, List<String> dataGaps) {
    static final String NO_INPUT_FILE = "no input file";

    public CertificationDecision {
        gates = List.copyOf(gates);
        dataGaps = List.copyOf(dataGaps);
    }

    public static CertificationDecision of(Inputs inputs) {
        List<Gate> gates = new ArrayList<>();
        List<String> dataGaps = new ArrayList<>();
        KpiSummary summary = inputs.kpiSummary();
        if (summary == null) {
            gates.add(new Gate("KPI certification", InputFiles.KPI_SUMMARY, Status.NO_DATA, NO_INPUT_FILE));
        } else {
            String partial = summary.partial()
                    ? "the KPI summary is marked partial (the run did not cover its "
                            + "whole window): partial evidence does not certify"
                    : null;
            gates.add(gate(
                    "KPI certification",
                    InputFiles.KPI_SUMMARY + ": certification.status",
                    summary.certification().status(),
                    partial,
                    dataGaps));
        }
        WsHealthMetrics ws = inputs.wsHealth();
        if (ws == null) {
            gates.add(new Gate("WebSocket reconnect compliance", InputFiles.WS_HEALTH, Status.NO_DATA, NO_INPUT_FILE));
        } else {
            gates.add(gate(
                    "WebSocket reconnect compliance",
                    InputFiles.WS_HEALTH + ": compliance.status",
                    ws.compliance().status(),
                    incompleteRun(ws),
                    dataGaps));
        }
        Status overall = Status.PASS;
        for (Gate gate : gates) {
            overall = overall.worse(gate.status());
        }
        return new CertificationDecision(CertificationStatus.of(overall), overall, gates, dataGaps);
    }

    /** Whether a gate had no input file at all (as opposed to no data in one). */
    public static boolean missingFile(Gate gate) {
        return NO_INPUT_FILE.equals(gate.note());
    }

    private static Gate gate(String name, String source, Status status, String partial, List<String> dataGaps) {
        if (partial == null) {
            return new Gate(name, source, status, null);
        }
        dataGaps.add(source.substring(0, source.indexOf(':')) + ": " + partial);
        return new Gate(name, source, status.worse(Status.NO_DATA), partial);
    }

    /** Why a WebSocket run is partial evidence, or null when it ran its whole plan. */
    private static String incompleteRun(WsHealthMetrics ws) {
        String cycles = ws.plannedCycles() != null && ws.completedCycles() != null
                ? ws.completedCycles() + " of " + ws.plannedCycles() + " planned cycles completed"
                : null;
        if (ws.wasInterrupted()) {
            return "the run was interrupted" + (cycles == null ? "" : " (" + cycles + ")")
                    + ": partial evidence does not certify";
        }
        if (ws.plannedCycles() != null && ws.completedCycles() != null && ws.completedCycles() < ws.plannedCycles()) {
            return "the run ended early (" + cycles + "): partial evidence does not certify";
        }
        return null;
    }
}
