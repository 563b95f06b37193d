package dev.gaday.drift.judge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JudgeTest {
    private static final Policy INCREASE_BAD =
            new Policy(Direction.INCREASE, 10, 0.05, 50, false, Severity.Thresholds.DEFAULT);

    private static TestResult result(double baseline, double current, double p) {
        return new TestResult("t", 100, 100, 0, p, null, null, null, null, null, baseline, current, 0.98);
    }

    @Test
    void holmStepsDownAndKeepsOrder() {
        assertArrayEquals(
                new double[] {0.03, 0.06, 0.06, Double.NaN},
                Holm.adjust(new double[] {0.01, 0.04, 0.03, Double.NaN}),
                1e-12);
        assertArrayEquals(new double[] {1, 1}, Holm.adjust(new double[] {0.6, 0.9}), 1e-12);
    }

    @Test
    void failsOnlyWhenSignificantAndLargeInTheBadDirection() {
        Verdict high = Judge.decide(result(100, 140, 1e-6), 1e-5, INCREASE_BAD);
        assertEquals(Decision.HIGH, high.decision());
        assertEquals(Severity.CRITICAL, high.severity());
        assertTrue(high.reason().contains("40.0 %"), high.reason());

        Verdict small = Judge.decide(result(100, 105, 1e-6), 1e-5, INCREASE_BAD);
        assertEquals(Decision.PASS, small.decision());
        assertEquals(Severity.INFO, small.severity());
        assertTrue(small.reason().contains("within the practical threshold"), small.reason());

        Verdict noise = Judge.decide(result(100, 140, 0.2), 0.4, INCREASE_BAD);
        assertEquals(Decision.PASS, noise.decision());
        assertEquals(Severity.NONE, noise.severity());
        assertTrue(noise.reason().contains("not significant"), noise.reason());

        Verdict better = Judge.decide(result(100, 60, 1e-9), 1e-8, INCREASE_BAD);
        assertEquals(Decision.PASS, better.decision());
        assertTrue(better.reason().contains("harmless"), better.reason());

        Policy either = new Policy(Direction.EITHER, 10, 0.05, 50, false, Severity.Thresholds.DEFAULT);
        assertEquals(
                Decision.LOW, Judge.decide(result(100, 60, 1e-9), 1e-8, either).decision());
        assertEquals(
                Severity.WARNING,
                Judge.decide(result(100, 85, 1e-9), 1e-8, either).severity());
    }

    @Test
    void theCorrectedPValueDecidesNotTheRawOne() {
        // Raw p 0.01 would be significant; after corrections 0.08 it is not.
        assertEquals(
                Decision.PASS,
                Judge.decide(result(100, 150, 0.01), 0.08, INCREASE_BAD).decision());
    }

    @Test
    void zeroBaselineWithErrorsIsHigh() {
        Verdict v = Judge.decide(result(0, 0.01, 0.002), 0.002, INCREASE_BAD);
        assertEquals(Decision.HIGH, v.decision());
        assertTrue(v.reason().contains("from zero"), v.reason());
    }

    @Test
    void tooFewSamplesIsInsufficient() {
        TestResult few = new TestResult("t", 49, 100, 0, 0.001, null, null, null, null, null, 1, 2, 0.98);
        assertEquals(
                Decision.INSUFFICIENT, Judge.decide(few, 0.001, INCREASE_BAD).decision());
    }

    @Test
    void criticalErrorAndNoDataFailTheRun() {
        Policy critical = new Policy(Direction.INCREASE, 10, 0.05, 50, true, Severity.Thresholds.DEFAULT);
        assertTrue(Judge.error("bad_data", critical).failsRun());
        assertTrue(Judge.noData("canary side", critical).failsRun());
        assertFalse(Judge.noData("canary side", INCREASE_BAD).failsRun());
    }

    @Test
    void weightsMustSumToHundred() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Scorecard.checkWeights(Map.of("a", 50.0, "b", 40.0)));
        assertEquals("group weights must sum to 100, they sum to 90", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Scorecard.checkWeights(Map.of("a", 100.0, "b", 0.0)));
    }

    @Test
    void scoreIsTheWeightedShareOfPassingMetrics() {
        Map<String, Double> weights = new LinkedHashMap<>();
        weights.put("errors", 50.0);
        weights.put("latency", 30.0);
        weights.put("saturation", 20.0);
        List<Scorecard.Entry> entries = List.of(
                new Scorecard.Entry("errors", false, Decision.PASS),
                new Scorecard.Entry("latency", false, Decision.PASS),
                new Scorecard.Entry("latency", false, Decision.HIGH),
                new Scorecard.Entry("latency", false, Decision.PASS),
                new Scorecard.Entry("saturation", false, Decision.NO_DATA));
        Scorecard.Result r = Scorecard.score(weights, entries, 95, 75);
        // Saturation has nothing counted: its 20 goes to the others pro rata (50:30 of 80).
        // errors 100 × 50/80 + latency 66.67 × 30/80 = 62.5 + 25 = 87.5
        assertEquals(87.5, r.score(), 1e-9);
        assertEquals(Scorecard.Outcome.MARGINAL, r.outcome());
        assertNull(r.groups().get(2).score());

        assertEquals(
                Scorecard.Outcome.PASS,
                Scorecard.score(weights, List.of(new Scorecard.Entry("errors", false, Decision.PASS)), 95, 75)
                        .outcome());
        assertEquals(
                Scorecard.Outcome.FAIL,
                Scorecard.score(weights, List.of(new Scorecard.Entry("errors", false, Decision.ERROR)), 95, 75)
                        .outcome());
    }

    @Test
    void aFailingCriticalMetricFailsWhateverTheScore() {
        Map<String, Double> weights = Map.of("errors", 100.0);
        Scorecard.Result r = Scorecard.score(
                weights,
                List.of(
                        new Scorecard.Entry("errors", false, Decision.PASS),
                        new Scorecard.Entry("errors", false, Decision.PASS),
                        new Scorecard.Entry("errors", true, Decision.NO_DATA)),
                95,
                75);
        assertEquals(Scorecard.Outcome.FAIL, r.outcome());
        assertEquals(100, r.score(), 0);
        assertTrue(r.reason().contains("NoData"), r.reason());
    }

    @Test
    void nothingJudgedIsNoData() {
        Scorecard.Result r = Scorecard.score(
                Map.of("errors", 100.0), List.of(new Scorecard.Entry("errors", false, Decision.INSUFFICIENT)), 95, 75);
        assertEquals(Scorecard.Outcome.NO_DATA, r.outcome());
        assertNull(r.score());
    }
}
