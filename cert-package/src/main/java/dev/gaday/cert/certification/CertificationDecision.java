package dev.gaday.cert.certification;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gaday.cert.input.InputFiles;
import dev.gaday.cert.input.Inputs;
import dev.gaday.cert.model.CertificationStatus;
import dev.gaday.cert.model.Gate;
import dev.gaday.common.model.drift.DriftFormat;
import dev.gaday.common.model.kpi.KpiSummary;
import dev.gaday.common.model.kpi.ServiceKpis;
import dev.gaday.common.model.validation.ValidationResults;
import dev.gaday.common.model.ws.WsHealthMetrics;
import dev.gaday.common.text.ReportFormat;
import dev.gaday.common.verdict.CriterionResult;
import dev.gaday.common.verdict.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The certification: one gate per tool (KPIs, WebSocket, drift/canary, SLO, validation), each read from
 * its file's own verdict and counted as the {@link CertificationPolicy} says. A required gate whose file
 * is missing is NO_DATA (INCONCLUSIVE): a release is never certified on data nobody looked at. Nor on
 * partial evidence: a KPI summary or SLO status marked {@code partial}, an incomplete drift analysis, or a
 * WebSocket run that was interrupted or completed fewer cycles than planned makes a passing gate NO_DATA;
 * a failure seen in partial evidence still fails. A {@code warning} gate that fails or has no data counts
 * as WARN (CERTIFIED WITH WARNINGS); an {@code off} gate is listed and not counted.
 *
 * @param dataGaps why a gate's evidence is incomplete, one line per gate ("ws_health_metrics.json: ...")
 */
public record CertificationDecision(
        CertificationStatus status, Status overall, List<Gate> gates, List<String> dataGaps) {
    static final String NO_INPUT_FILE = "no input file";
    /** The "why" box shows at most this many failing criteria per gate, then how many more there are. */
    public static final int TOP_REASONS = 3;

    public CertificationDecision {
        gates = List.copyOf(gates);
        dataGaps = List.copyOf(dataGaps);
    }

    public static CertificationDecision of(Inputs inputs) {
        return of(inputs, CertificationPolicy.defaults());
    }

    public static CertificationDecision of(Inputs inputs, CertificationPolicy policy) {
        List<Gate> gates = new ArrayList<>();
        List<String> dataGaps = new ArrayList<>();
        for (GateKind kind : GateKind.values()) {
            gates.add(gate(kind, inputs, policy, dataGaps));
        }
        Status overall = Status.PASS;
        for (Gate gate : gates) {
            if (gate.counted()) {
                overall = overall.worse(gate.status());
            }
        }
        return new CertificationDecision(CertificationStatus.of(overall), overall, gates, dataGaps);
    }

    /** Whether a gate had no input file at all (as opposed to no data in one). */
    public static boolean missingFile(Gate gate) {
        return gate.file() == null && gate.note() != null && gate.note().startsWith(NO_INPUT_FILE);
    }

    /** The gates that fail or warn the release, failed first. */
    public List<Gate> notPassed() {
        return gates.stream()
                .filter(g -> g.counted() && g.status() != Status.PASS)
                .sorted(Comparator.comparingInt(g -> rank(g.status())))
                .toList();
    }

    private static int rank(Status status) {
        return switch (status) {
            case FAIL -> 0;
            case NO_DATA -> 1;
            case WARN -> 2;
            case PASS -> 3;
        };
    }

    /** What one gate's file says: its status, the field it came from, partial evidence, failing lines. */
    private record Reading(Status status, String field, String partial, List<String> reasons) {}

    private static Gate gate(GateKind kind, Inputs inputs, CertificationPolicy policy, List<String> dataGaps) {
        String file = inputs.files().get(kind.file()).map(p -> p.toString()).orElse(null);
        Reading reading = read(kind, inputs);
        GateMode mode = policy.mode(kind, reading != null);
        if (reading == null) {
            String note = NO_INPUT_FILE
                    + switch (mode) {
                        case REQUIRED -> ": required" + (policy.explicit(kind) ? " by the policy" : "") + "; run "
                                + kind.tool() + " and pass its " + kind.file();
                        case WARNING -> ": a warning gate, not counted";
                        case OFF -> ": gate off";
                    };
            return new Gate(
                    kind.title(),
                    kind.file(),
                    Status.NO_DATA,
                    note,
                    kind.id(),
                    mode.id(),
                    mode == GateMode.REQUIRED,
                    null,
                    List.of());
        }
        Status status = reading.status();
        String note = null;
        if (reading.partial() != null) {
            note = reading.partial();
            if (mode != GateMode.OFF) {
                dataGaps.add(kind.file() + ": " + reading.partial());
            }
            status = status.worse(Status.NO_DATA);
        }
        if (mode == GateMode.WARNING && (status == Status.FAIL || status == Status.NO_DATA)) {
            note = (note == null ? "" : note + "; ") + status + " counts as a warning (policy: " + kind.id()
                    + ": warning)";
            status = Status.WARN;
        }
        if (mode == GateMode.OFF) {
            note = (note == null ? "" : note + "; ") + "gate off: not counted";
        }
        return new Gate(
                kind.title(),
                kind.file() + ": " + reading.field(),
                status,
                note,
                kind.id(),
                mode.id(),
                mode != GateMode.OFF,
                file,
                reading.reasons());
    }

    private static Reading read(GateKind kind, Inputs inputs) {
        return switch (kind) {
            case KPI -> kpi(inputs.kpiSummary());
            case WEBSOCKET -> websocket(inputs.wsHealth());
            case DRIFT -> drift(inputs.documents().get(InputFiles.DRIFT_ANALYSIS));
            case SLO -> slo(inputs.documents().get(InputFiles.SLO_STATUS));
            case VALIDATION -> validation(inputs.validation());
        };
    }

    private static Reading kpi(KpiSummary summary) {
        if (summary == null) {
            return null;
        }
        String partial = summary.partial()
                ? "the KPI summary is marked partial (the run did not cover its "
                        + "whole window): partial evidence does not certify"
                : null;
        List<String> reasons = new ArrayList<>();
        for (CriterionResult r : failing(summary.certification().criteria())) {
            reasons.add(criterionLine(r, culprit(r, summary)));
        }
        return new Reading(summary.certification().status(), "certification.status", partial, top(reasons));
    }

    private static Reading websocket(WsHealthMetrics ws) {
        if (ws == null) {
            return null;
        }
        List<String> reasons = new ArrayList<>();
        for (CriterionResult r : failing(ws.compliance().requirements())) {
            reasons.add(criterionLine(r, null));
        }
        return new Reading(ws.compliance().status(), "compliance.status", incompleteRun(ws), top(reasons));
    }

    private static Reading drift(JsonNode drift) {
        if (drift == null) {
            return null;
        }
        Status status =
                switch (text(drift, "status").toUpperCase(Locale.ROOT)) {
                    case "PASS" -> Status.PASS;
                    case "MARGINAL", "WARN" -> Status.WARN;
                    case "FAIL" -> Status.FAIL;
                    default -> Status.NO_DATA;
                };
        String partial =
                drift.path("complete").isBoolean() && !drift.path("complete").asBoolean()
                        ? "the drift analysis is not complete (a live snapshot or an interrupted run): partial evidence "
                                + "does not certify"
                        : null;
        List<String> reasons = new ArrayList<>();
        List<JsonNode> drifted = new ArrayList<>();
        drift.path("drifts").forEach(d -> {
            if (d.path("drifted").asBoolean(false)) {
                drifted.add(d);
            }
        });
        drifted.sort(Comparator.comparingInt((JsonNode d) -> DriftFormat.severityRank(text(d, "severity")))
                .thenComparing(d -> -Math.abs(d.path("changePercent").asDouble(0))));
        for (JsonNode d : drifted) {
            String service = text(d, "service");
            reasons.add(text(d, "metric") + (service.isEmpty() ? "" : " — " + service) + ": "
                    + DriftFormat.value(text(d, "kind"), text(d, "metric"), number(d, "baseline")) + " → "
                    + DriftFormat.value(text(d, "kind"), text(d, "metric"), number(d, "current")) + " ("
                    + DriftFormat.change(number(d, "changePercent"), number(d, "baseline"), number(d, "current"))
                    + ")"
                    + (text(d, "severity").isEmpty() ? "" : ", " + text(d, "severity")));
        }
        if (reasons.isEmpty() && status != Status.PASS && !text(drift, "reason").isEmpty()) {
            reasons.add(text(drift, "reason"));
        }
        return new Reading(status, "status", partial, top(reasons));
    }

    private static Reading slo(JsonNode slo) {
        if (slo == null) {
            return null;
        }
        Status status =
                switch (text(slo, "status").toUpperCase(Locale.ROOT)) {
                    case "PASS" -> Status.PASS;
                    case "WARN" -> Status.WARN;
                    case "FAIL" -> Status.FAIL;
                    default -> Status.NO_DATA;
                };
        String partial = slo.path("partial").asBoolean(false)
                ? "the SLO status is partial (a live snapshot or a run stopped early): partial evidence does not "
                        + "certify"
                : null;
        List<String> reasons = new ArrayList<>();
        slo.path("slos").forEach(s -> {
            String state = text(s, "state");
            if (!state.isEmpty() && !state.equals("OK")) {
                JsonNode budget = s.path("errorBudget");
                String service = text(s, "service");
                reasons.add(text(s, "name") + (service.isEmpty() ? "" : " — " + service) + ": " + state
                        + (budget.hasNonNull("remainingPercent")
                                ? ", error budget remaining "
                                        + ReportFormat.percent(
                                                budget.get("remainingPercent").asDouble(), 1)
                                : "")
                        + (s.hasNonNull("objective")
                                ? " (objective "
                                        + ReportFormat.percent(
                                                s.get("objective").asDouble(), 3) + ")"
                                : ""));
            }
        });
        reasons.sort(Comparator.comparingInt(
                line -> line.contains(": BUDGET_EXHAUSTED") ? 0 : line.contains(": PAGE") ? 1 : 2));
        return new Reading(status, "status", partial, top(reasons));
    }

    private static Reading validation(ValidationResults results) {
        if (results == null) {
            return null;
        }
        Status status =
                switch (results.status().toUpperCase(Locale.ROOT)) {
                    case "PASS" -> Status.PASS;
                    case "FAIL" -> Status.FAIL;
                    default -> Status.NO_DATA;
                };
        List<String> reasons = new ArrayList<>();
        List<ValidationResults.Case> bad = new ArrayList<>(results.cases().stream()
                .filter(c -> c.status().equals(ValidationResults.STATUS_FAILED)
                        || c.status().equals(ValidationResults.STATUS_ERROR))
                .toList());
        bad.sort(Comparator.comparingInt(
                (ValidationResults.Case c) -> results.critical().contains(c.name()) ? 0 : 1));
        for (ValidationResults.Case c : bad) {
            String observed = c.observed() == null
                    ? c.status()
                    : Thresholds.value(c.observed(), c.unit())
                            + (c.threshold() == null
                                    ? ""
                                    : " vs " + (c.comparator() == null ? "" : Thresholds.sign(c.comparator()) + " ")
                                            + Thresholds.value(c.threshold(), c.unit()));
            reasons.add(c.name() + (c.category() == null ? "" : " (" + c.category() + ")") + ": " + observed
                    + (c.observed() == null && c.reason() != null ? " — " + c.reason() : ""));
        }
        return new Reading(status, "status", null, top(reasons));
    }

    private static List<CriterionResult> failing(List<CriterionResult> criteria) {
        List<CriterionResult> bad = new ArrayList<>(
                criteria.stream().filter(r -> r.status() != Status.PASS).toList());
        bad.sort(Comparator.comparingInt((CriterionResult r) -> rank(r.status()))
                .thenComparing(r -> r.warningOnly() ? 1 : 0));
        return bad;
    }

    /** "availability — checkout: 99.653% vs ≥ 99.9%". */
    static String criterionLine(CriterionResult r, String service) {
        return r.name() + (service == null ? "" : " — " + service) + ": "
                + (r.value() == null
                        ? "no data" + (r.reason() == null ? "" : " (" + r.reason() + ")")
                        : Thresholds.value(r.value(), r.unit()) + " vs " + Thresholds.describe(r));
    }

    /**
     * The service a fleet criterion's failure comes from: the worst service on the criterion's measure, when
     * the criterion names no service itself.
     */
    static String culprit(CriterionResult r, KpiSummary summary) {
        String name = r.name().toLowerCase(Locale.ROOT);
        for (ServiceKpis s : summary.services()) {
            if (name.contains(s.name().toLowerCase(Locale.ROOT))) {
                return null;
            }
        }
        if (name.contains("availability")) {
            return worst(summary, ServiceKpis::availabilityPercent, false);
        }
        if (name.contains("error")) {
            return worst(summary, ServiceKpis::errorRatePercent, true);
        }
        if (name.contains("p99")) {
            return worst(summary, ServiceKpis::p99LatencyMs, true);
        }
        return null;
    }

    private static String worst(
            KpiSummary summary, java.util.function.Function<ServiceKpis, Double> measure, boolean highIsBad) {
        ServiceKpis worst = null;
        for (ServiceKpis s : summary.services()) {
            Double v = measure.apply(s);
            if (v != null && (worst == null || (highIsBad ? v > measure.apply(worst) : v < measure.apply(worst)))) {
                worst = s;
            }
        }
        return worst == null ? null : "worst service " + worst.name();
    }

    /**
     * The first reasons, worst first, and a count of the rest: a gate never reads as if its shown criteria were
     * all that failed (the gate's own section in the report lists every one).
     */
    static List<String> top(List<String> reasons) {
        if (reasons.size() <= TOP_REASONS) {
            return reasons;
        }
        List<String> top = new ArrayList<>(reasons.subList(0, TOP_REASONS));
        top.add("and " + (reasons.size() - TOP_REASONS) + " more, listed in the report");
        return top;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    /** A number field, or null when it is absent, null or not a number. */
    private static Double number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isNumber() ? null : value.asDouble();
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
