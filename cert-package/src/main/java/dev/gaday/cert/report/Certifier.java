package dev.gaday.cert.report;

import dev.gaday.cert.input.InputFiles;
import dev.gaday.cert.input.Inputs;
import dev.gaday.cert.model.CertificationStatus;
import dev.gaday.cert.model.Gate;
import dev.gaday.common.verdict.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * Derives the certification from the inputs' own verdicts: the KPI summary's
 * {@code certification.status} and the WebSocket run's {@code compliance.status}. A gate whose file
 * is missing counts as NO_DATA: a release is never certified on data nobody looked at.
 */
public final class Certifier {
    private Certifier() {
    }

    public record Outcome(CertificationStatus status, Status overall, List<Gate> gates) {
        public Outcome {
            gates = List.copyOf(gates);
        }
    }

    public static Outcome certify(Inputs inputs) {
        List<Gate> gates = new ArrayList<>();
        if (inputs.kpiSummary() == null) {
            gates.add(new Gate("KPI certification", InputFiles.KPI_SUMMARY, Status.NO_DATA, "no input file"));
        } else {
            String note = inputs.kpiSummary().partial() ? "the KPI summary is marked partial" : null;
            gates.add(new Gate("KPI certification", InputFiles.KPI_SUMMARY + ": certification.status",
                    inputs.kpiSummary().certification().status(), note));
        }
        if (inputs.wsHealth() == null) {
            gates.add(new Gate("WebSocket reconnect compliance", InputFiles.WS_HEALTH, Status.NO_DATA,
                    "no input file"));
        } else {
            gates.add(new Gate("WebSocket reconnect compliance", InputFiles.WS_HEALTH + ": compliance.status",
                    inputs.wsHealth().compliance().status(), null));
        }
        Status overall = Status.PASS;
        for (Gate gate : gates) {
            overall = overall.worse(gate.status());
        }
        return new Outcome(CertificationStatus.of(overall), overall, gates);
    }
}
