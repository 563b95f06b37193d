package dev.gaday.cert.certification;

import dev.gaday.cert.input.InputFiles;
import dev.gaday.cert.input.Inputs;
import dev.gaday.cert.model.Gate;
import dev.gaday.common.cli.Finding;
import dev.gaday.common.model.kpi.KpiSummary;
import dev.gaday.common.model.ws.WsHealthMetrics;
import dev.gaday.common.text.ReportFormat;
import dev.gaday.common.verdict.CriterionResult;
import dev.gaday.common.verdict.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Why a release is not certified, as the run summary lists it: for each counted gate that did not pass, its
 * failed criteria (the KPI summary's and the WebSocket run's as criterion results, with value and threshold;
 * the drift, SLO and validation gates' failing checks as the decision read them), else one line for the gate
 * saying what its file says and why. From the loaded inputs: the command reads no file itself.
 */
public final class GateFindings {
    private GateFindings() {}

    public static List<Finding> of(CertificationDecision decision, Inputs inputs) {
        List<Finding> findings = new ArrayList<>();
        for (Gate gate : decision.gates()) {
            if (gate.status() == Status.PASS || !gate.counted()) {
                continue; // a gate that is off (or an absent warning gate) does not count: no finding
            }
            List<Finding> detail = new ArrayList<>();
            if (gate.file() != null && GateKind.KPI.id().equals(gate.id()) && inputs.kpiSummary() != null) {
                KpiSummary summary = inputs.kpiSummary();
                for (CriterionResult c : summary.certification().criteria()) {
                    detail.add(Finding.of(c, InputFiles.KPI_SUMMARY));
                }
            } else if (gate.file() != null && GateKind.WEBSOCKET.id().equals(gate.id()) && inputs.wsHealth() != null) {
                WsHealthMetrics ws = inputs.wsHealth();
                for (CriterionResult c : ws.compliance().requirements()) {
                    detail.add(Finding.of(c, ws.endpoint()));
                }
            } else {
                GateKind kind = gate.id() == null ? null : GateKind.byId(gate.id());
                String where = kind == null ? gate.source() : kind.file();
                for (String reason : gate.reasons()) {
                    detail.add(new Finding(gate.status(), gate.name(), where, reason, null, null, 0));
                }
            }
            detail.removeIf(Objects::isNull);
            if (detail.isEmpty() || gate.note() != null) {
                findings.add(
                        new Finding(gate.status(), gate.name(), gate.source(), observed(gate), null, gate.note(), 0));
            }
            findings.addAll(detail);
        }
        return findings;
    }

    /** What the gate's file says, in words: a FAIL is "failed", not "no data". */
    private static String observed(Gate gate) {
        if (gate.file() == null) {
            return null; // no file: "no data", and the note says which run would give it
        }
        return switch (gate.status()) {
            case FAIL -> "failed";
            case WARN -> "warning";
            case NO_DATA -> "no data";
            case PASS -> ReportFormat.NOT_AVAILABLE;
        };
    }
}
