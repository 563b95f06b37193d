package dev.gaday.slo.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.error.ExitCode;
import dev.gaday.common.model.slo.SloResult;
import dev.gaday.common.model.slo.SloStatus;
import dev.gaday.common.model.slo.SloWindow;
import dev.gaday.slo.math.BurnRatePolicy;
import dev.gaday.slo.math.WindowCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SloEvaluatorTest {
    private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
    private static final Duration DAY = Duration.ofHours(24);
    private static final BurnRatePolicy POLICY = BurnRatePolicy.ga24h();

    private static SloEvaluator.Target target(long minEvents) {
        return new SloEvaluator.Target("api-availability", "api", 99.9, "availability", POLICY, minEvents, Map.of());
    }

    /** Every window of the policy sees the same counts at each of {@code points} times. */
    private static SloEvaluator.Observations observed(WindowCounts whole, WindowCounts... perPoint) {
        Instant[] times = new Instant[perPoint.length];
        for (int i = 0; i < times.length; i++) {
            times[i] = T0.plusSeconds(60L * i);
        }
        Map<Duration, WindowCounts[]> windows = new LinkedHashMap<>();
        for (Duration window : POLICY.windows()) {
            windows.put(window, perPoint);
        }
        return new SloEvaluator.Observations(T0.minus(DAY), DAY, whole, times, windows);
    }

    @Test
    void healthyServiceKeepsItsBudgetAndPasses() {
        WindowCounts steady = new WindowCounts(5, 10_000);
        SloEvaluator.Evaluated evaluated =
                SloEvaluator.evaluate(target(70), observed(new WindowCounts(600, 1_440_000), steady, steady));
        SloResult slo = evaluated.result();
        assertEquals("OK", slo.state());
        assertEquals(1_439_400, slo.good(), 0);
        // e = 600/1.44M = 0.0004167; consumed 41.67 %.
        assertEquals(100 * (600 / 1_440_000.0) / 0.001, slo.errorBudget().consumedPercent(), 1e-9);
        assertEquals(1440 - 600, slo.errorBudget().remainingEvents(), 1e-9);
        assertEquals(0.5, slo.burnRates().get("5m"), 1e-12);
        assertEquals(600 / 1_440_000.0 / 0.001, slo.burnRates().get("24h"), 1e-12);
        // remaining (1 - 0.41667) * 1440 / 0.5 minutes.
        assertEquals((1 - 600 / 1440.0) * 1440 / 0.5, slo.timeToExhaustionMinutes(), 1e-6);
        assertTrue(evaluated.violations().isEmpty());
        assertEquals(4, slo.alerts().size());
    }

    @Test
    void anIncidentPagesAndIsAViolation() {
        WindowCounts calm = new WindowCounts(5, 10_000);
        WindowCounts burning = new WindowCounts(800, 10_000); // burn 80
        SloEvaluator.Evaluated evaluated = SloEvaluator.evaluate(
                target(70), observed(new WindowCounts(1000, 1_440_000), calm, burning, burning, calm));
        assertEquals("PAGE", evaluated.result().state());
        assertEquals(
                List.of("page", "ticket"),
                evaluated.violations().stream().map(v -> v.severity()).toList());
        assertEquals(T0.plusSeconds(60), evaluated.violations().get(0).from());
        assertEquals(T0.plusSeconds(180), evaluated.violations().get(0).to());
        assertEquals(80, evaluated.violations().get(0).peakBurnRate(), 1e-9);
        assertEquals(
                List.of(T0.plusSeconds(60)), evaluated.result().alerts().get(0).firedAt());
        assertEquals(
                List.of(T0.plusSeconds(180)), evaluated.result().alerts().get(0).resolvedAt());
    }

    @Test
    void overspentBudgetIsExhaustedEvenWithoutAPage() {
        WindowCounts calm = new WindowCounts(5, 10_000);
        SloEvaluator.Evaluated evaluated =
                SloEvaluator.evaluate(target(70), observed(new WindowCounts(3000, 1_440_000), calm));
        assertEquals("BUDGET_EXHAUSTED", evaluated.result().state());
        assertEquals(0.0, evaluated.result().timeToExhaustionMinutes());
        assertTrue(evaluated.result().errorBudget().remainingPercent() < 0);
    }

    @Test
    void noTrafficLeavesTheBudgetUntouchedAndTheRatioUndefined() {
        SloResult slo = SloEvaluator.evaluate(
                        target(70), observed(WindowCounts.NONE, WindowCounts.NONE, WindowCounts.NONE))
                .result();
        assertEquals("NO_TRAFFIC", slo.state());
        assertNull(slo.errorRatio());
        assertEquals(100, slo.errorBudget().remainingPercent());
        assertEquals(0, slo.errorBudget().consumedPercent());
        assertTrue(slo.burnRates().isEmpty());
    }

    @Test
    void thirtyRequestsWithOneErrorAreInsufficientNotAPage() {
        WindowCounts sparse = new WindowCounts(1, 30);
        SloEvaluator.Evaluated evaluated = SloEvaluator.evaluate(target(70), observed(sparse, sparse, sparse));
        assertEquals("INSUFFICIENT", evaluated.result().state());
        assertTrue(evaluated.violations().isEmpty());
        assertTrue(
                evaluated.result().alerts().stream().noneMatch(a -> !a.firedAt().isEmpty()));
        assertEquals(2, evaluated.result().alerts().get(0).suppressedMinutes());
    }

    @Test
    void anAlertIsJudgedOnlyOnceItsLongWindowFitsInTheEvaluatedWindow() {
        WindowCounts burning = new WindowCounts(800, 10_000);
        Instant[] times = {T0, T0.plusSeconds(300), T0.plusSeconds(360)};
        Map<Duration, WindowCounts[]> windows = new LinkedHashMap<>();
        for (Duration window : POLICY.windows()) {
            windows.put(window, new WindowCounts[] {burning, burning, burning});
        }
        SloEvaluator.Evaluated evaluated = SloEvaluator.evaluate(
                target(70), new SloEvaluator.Observations(T0, DAY, new WindowCounts(2400, 30_000), times, windows));
        // The 5m page from T0+5m on; the 30m page and both tickets not yet.
        assertEquals(
                List.of(T0.plusSeconds(300)), evaluated.result().alerts().get(0).firedAt());
        assertTrue(evaluated.result().alerts().get(1).firedAt().isEmpty());
        assertTrue(evaluated.result().alerts().get(3).firedAt().isEmpty());
    }

    @Test
    void theFileVerdictAndExitCode() {
        SloWindow window = new SloWindow(T0, T0.plus(DAY), 60);
        WindowCounts calm = new WindowCounts(5, 10_000);
        SloEvaluator.Evaluated ok = SloEvaluator.evaluate(target(70), observed(new WindowCounts(1, 100_000), calm));
        SloEvaluator.Evaluated noData = SloEvaluator.unavailable(target(70), "NO_DATA", "no series");
        SloEvaluator.Evaluated queryError = SloEvaluator.unavailable(target(70), "QUERY_ERROR", "bad_data");
        SloEvaluator.Evaluated exhausted =
                SloEvaluator.evaluate(target(70), observed(new WindowCounts(3000, 1_440_000), calm));

        SloStatus pass = StatusAssembler.assemble("t", T0, false, window, "ga-24h", List.of(ok));
        assertEquals("PASS", pass.status());
        assertEquals(ExitCode.PASS, StatusAssembler.exitCode(pass));
        SloStatus inconclusive = StatusAssembler.assemble("t", T0, false, window, "ga-24h", List.of(ok, noData));
        assertEquals("NO_DATA", inconclusive.status());
        assertEquals(ExitCode.INCONCLUSIVE, StatusAssembler.exitCode(inconclusive));
        SloStatus broken = StatusAssembler.assemble("t", T0, false, window, "ga-24h", List.of(ok, queryError));
        assertEquals(ExitCode.RUNTIME_ERROR, StatusAssembler.exitCode(broken));
        SloStatus fail = StatusAssembler.assemble("t", T0, false, window, "ga-24h", List.of(noData, exhausted));
        assertEquals("FAIL", fail.status());
        assertEquals(ExitCode.GATE_FAILED, StatusAssembler.exitCode(fail));
        assertEquals(0, fail.summary().get("availability").withinBudget());
        assertEquals(2, fail.summary().get("availability").slos());
        assertEquals(
                100 * 3000 / 1_440_000.0, fail.summary().get("availability").errorRatioPercent(), 1e-9);
        assertEquals("NO_DATA", fail.summary().get("latency").status());
        assertEquals(
                StatusAssembler.assemble("t", T0, false, window, "ga-24h", List.of())
                        .status(),
                "NO_DATA");
    }
}
