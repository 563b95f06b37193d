package dev.gaday.slo.evaluate;

import dev.gaday.common.error.ExitCode;
import dev.gaday.common.model.FileKind;
import dev.gaday.common.model.slo.SloResult;
import dev.gaday.common.model.slo.SloStatus;
import dev.gaday.common.model.slo.SloTypeSummary;
import dev.gaday.common.model.slo.SloWindow;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The file's verdict from its SLOs: FAIL when a budget is exhausted or a page alert fired; else NO_DATA when
 * an SLO could not be judged (no data, no traffic, too few events, a query error); else WARN when a ticket
 * alert fired; else PASS.
 */
public final class StatusAssembler {
    private static final Set<String> FAILED = Set.of("BUDGET_EXHAUSTED", "PAGE");
    private static final Set<String> UNJUDGED = Set.of("NO_DATA", "NO_TRAFFIC", "INSUFFICIENT", "QUERY_ERROR");

    private StatusAssembler() {}

    public static SloStatus assemble(
            String toolVersion,
            Instant generatedAt,
            boolean partial,
            SloWindow window,
            String policy,
            List<SloEvaluator.Evaluated> evaluated) {
        List<SloResult> slos =
                evaluated.stream().map(SloEvaluator.Evaluated::result).toList();
        Map<String, SloTypeSummary> summary = new LinkedHashMap<>();
        summary.put("availability", summarise(slos, "availability"));
        summary.put("latency", summarise(slos, "latency"));
        // The error-rate line of the report reads the same SLOs as availability, through errorRatioPercent.
        summary.put("errorRate", summarise(slos, "availability"));
        return new SloStatus(
                FileKind.SLO_STATUS.schemaVersion(),
                FileKind.SLO_STATUS.id(),
                toolVersion,
                generatedAt,
                partial,
                window,
                policy,
                status(slos),
                slos,
                SloRun.violations(evaluated),
                summary);
    }

    static String status(List<SloResult> slos) {
        if (slos.isEmpty()) {
            return "NO_DATA";
        }
        if (slos.stream().anyMatch(s -> FAILED.contains(s.state()))) {
            return "FAIL";
        }
        if (slos.stream().anyMatch(s -> UNJUDGED.contains(s.state()))) {
            return "NO_DATA";
        }
        return slos.stream().anyMatch(s -> s.state().equals("TICKET")) ? "WARN" : "PASS";
    }

    /** 0 PASS/WARN, 1 FAIL, 4 when a query failed (and nothing failed), 3 NO_DATA. */
    public static ExitCode exitCode(SloStatus status) {
        return switch (status.status()) {
            case "FAIL" -> ExitCode.GATE_FAILED;
            case "NO_DATA" -> status.slos().stream().anyMatch(s -> s.state().equals("QUERY_ERROR"))
                    ? ExitCode.RUNTIME_ERROR
                    : ExitCode.INCONCLUSIVE;
            default -> ExitCode.PASS;
        };
    }

    private static SloTypeSummary summarise(List<SloResult> slos, String type) {
        List<SloResult> ofType =
                slos.stream().filter(s -> type.equals(s.sliType())).toList();
        int within = 0;
        Double minRemaining = null;
        String worst = null;
        double errors = 0;
        double total = 0;
        for (SloResult slo : ofType) {
            if (slo.errorBudget() != null && slo.total() != null && slo.total() > 0) {
                double remaining = slo.errorBudget().remainingPercent();
                if (remaining > 0) {
                    within++;
                }
                if (minRemaining == null || remaining < minRemaining) {
                    minRemaining = remaining;
                    worst = slo.name();
                }
                errors += slo.total() - slo.good();
                total += slo.total();
            } else if (slo.state().equals("NO_TRAFFIC")) {
                within++;
            }
        }
        Double ratio = total > 0 ? 100 * errors / total : null;
        return new SloTypeSummary(
                ofType.size(), within, minRemaining, worst, ratio, ofType.isEmpty() ? "NO_DATA" : status(ofType));
    }
}
