package dev.gaday.cert;

import dev.gaday.common.model.FileKind;
import dev.gaday.common.model.drift.Drift;
import dev.gaday.common.model.drift.DriftAnalysis;
import dev.gaday.common.model.drift.DriftWindow;
import dev.gaday.common.model.drift.Mitigation;
import dev.gaday.common.model.slo.SloResult;
import dev.gaday.common.model.slo.SloStatus;
import dev.gaday.common.model.slo.SloTypeSummary;
import dev.gaday.common.model.slo.SloViolation;
import dev.gaday.common.model.slo.SloWindow;
import java.util.List;
import java.util.Map;

/** drift_analysis.json and slo_status.json as drift-detector and slo-monitor write them (common's records). */
final class ToolFixtures {
    static final String DRIFT_REASON =
            "p99 latency rose 42.0% (Mann-Whitney p = 0.0001, Holm-adjusted 0.0003), " + "above the 10% threshold";

    private ToolFixtures() {}

    static DriftAnalysis drift(boolean drifted) {
        Drift p99 = new Drift(
                "latency_p99",
                "checkout",
                Map.of("service", "checkout"),
                "latency",
                "latency",
                true,
                0.300,
                drifted ? 0.426 : 0.301,
                drifted ? 42.0 : 0.33,
                "increase",
                drifted ? "critical" : "none",
                drifted ? "High" : "Pass",
                drifted,
                null,
                "histogram_quantile(0.99, ...)",
                60,
                10,
                drifted ? DRIFT_REASON : "no significant change");
        Drift errors = new Drift(
                "error_ratio",
                "web",
                Map.of("service", "web"),
                "ratio",
                "errors",
                true,
                0.001,
                0.001,
                0.0,
                "increase",
                "none",
                "Pass",
                false,
                null,
                "errors / total",
                60,
                10,
                "no significant change");
        return DriftAnalysis.of(
                Fixtures.END,
                "compare",
                Map.of(
                        "baseline", new DriftWindow(Fixtures.START.minusSeconds(86_400), Fixtures.START),
                        "current", new DriftWindow(Fixtures.START, Fixtures.END)),
                drifted ? "FAIL" : "PASS",
                true,
                drifted ? 1 : 0,
                drifted ? 1 : 0,
                new DriftAnalysis.SeverityBreakdown(0, 0, drifted ? 1 : 0),
                List.of(p99, errors),
                drifted
                        ? List.of(new Mitigation(
                                "latency", "latency_p99", "checkout", "critical", "roll back checkout or scale it out"))
                        : List.of(),
                null,
                drifted ? "1 of 2 checks drifted: latency_p99 on checkout" : "no drift");
    }

    /** A drift-detector canary run: stable against canary on one service, its error ratio 0.12 % → 0.9 %. */
    static DriftAnalysis canary() {
        Drift errors = new Drift(
                "error_ratio",
                "checkout",
                Map.of("service", "checkout"),
                "ratio",
                "errors",
                true,
                0.0012,
                0.009,
                650.0,
                "increase",
                "critical",
                "High",
                true,
                null,
                "errors / total",
                60,
                10,
                "the aggregate rose 650 %");
        Drift p99 = new Drift(
                "latency_p99",
                "checkout",
                Map.of("service", "checkout"),
                "latency",
                "latency",
                true,
                0.300,
                0.306,
                2.0,
                "increase",
                "none",
                "Pass",
                false,
                null,
                "histogram_quantile(0.99, ...)",
                60,
                10,
                "no significant change");
        return DriftAnalysis.of(
                Fixtures.END,
                "canary",
                Map.of(
                        "stable", new DriftWindow(Fixtures.START.plusSeconds(3_600), Fixtures.START.plusSeconds(5_400)),
                        "canary",
                                new DriftWindow(Fixtures.START.plusSeconds(3_600), Fixtures.START.plusSeconds(5_400))),
                "FAIL",
                true,
                1,
                1,
                new DriftAnalysis.SeverityBreakdown(0, 0, 1),
                List.of(errors, p99),
                List.of(),
                null,
                "critical metric(s) failed: errors:High");
    }

    static SloStatus slo(boolean exhausted) {
        SloResult availability = new SloResult(
                "checkout-availability",
                "checkout",
                99.9,
                "availability",
                99_000.0,
                100_000.0,
                exhausted ? 0.0035 : 0.0005,
                new SloResult.ErrorBudget(
                        exhausted ? 350 : 50, exhausted ? -250 : 50, exhausted ? -250 : 50, exhausted ? -3.6 : 0.72),
                Map.of("24h", 3.5),
                exhausted ? 0.0 : null,
                100,
                List.of(),
                exhausted ? "BUDGET_EXHAUSTED" : "OK",
                exhausted ? "the error budget is spent" : null,
                Map.of(),
                null);
        return new SloStatus(
                FileKind.SLO_STATUS.schemaVersion(),
                FileKind.SLO_STATUS.id(),
                "1.0",
                Fixtures.END,
                false,
                new SloWindow(Fixtures.START, Fixtures.END, 60),
                "ga-24h",
                exhausted ? "FAIL" : "PASS",
                List.of(availability),
                exhausted
                        ? List.of(new SloViolation(
                                "checkout-availability", "page", Fixtures.START.plusSeconds(3_600), null, 14.4))
                        : List.of(),
                Map.of(
                        "availability",
                        new SloTypeSummary(
                                1,
                                exhausted ? 0 : 1,
                                exhausted ? -250.0 : 50.0,
                                "checkout-availability",
                                exhausted ? 0.35 : 0.05,
                                exhausted ? "FAIL" : "PASS")));
    }
}
