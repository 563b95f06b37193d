package dev.gaday.common.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gaday.common.error.ExitCode;
import dev.gaday.common.text.ReportFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class CriterionTest {
    private final Criterion availability = Criterion.of("availability", Comparator.GREATER_OR_EQUAL, 99.9, "%");
    private final Criterion jitter =
            Criterion.of("avg jitter", Comparator.LESS, 2000, "ms").warningOnly(true);

    @Test
    void valueOnTheThresholdPassesAGreaterOrEqualGate() {
        CriterionResult result = availability.evaluate(99.9, "q");
        assertEquals(Status.PASS, result.status());
        assertEquals(99.9, result.value());
        assertEquals("q", result.source());
    }

    @Test
    void valueBelowTheThresholdFailsAndKeepsTheValue() {
        CriterionResult result = availability.evaluate(99.89, "q");
        assertEquals(Status.FAIL, result.status());
        assertEquals(99.89, result.value());
        assertEquals(">= 99.9%", result.describeThreshold());
        assertEquals(
                "< 1000 ms",
                new CriterionResult("p99", 570.3, 1000, Comparator.LESS, "ms", false, Status.PASS, "q", null)
                        .describeThreshold(),
                "a unit word after a space");
    }

    @Test
    void strictComparatorsExcludeTheThreshold() {
        assertEquals(
                Status.FAIL,
                Criterion.of("p99", Comparator.LESS, 1000, "ms")
                        .evaluate(1000.0, "q")
                        .status());
        assertEquals(
                Status.PASS,
                Criterion.of("p99", Comparator.LESS, 1000, "ms")
                        .evaluate(999.99, "q")
                        .status());
        assertEquals(
                Status.FAIL,
                Criterion.of("x", Comparator.GREATER, 5, "").evaluate(5.0, "q").status());
        assertEquals(
                Status.PASS,
                Criterion.of("x", Comparator.LESS_OR_EQUAL, 5, "")
                        .evaluate(5.0, "q")
                        .status());
    }

    @Test
    void aMissedWarningOnlyCriterionWarnsInsteadOfFailing() {
        assertEquals(Status.WARN, jitter.evaluate(2500.0, "q").status());
        assertEquals(Status.PASS, jitter.evaluate(10.0, "q").status());
    }

    @Test
    void missingOrNonFiniteDataIsNoDataWithAReasonNeverAPass() {
        CriterionResult missing = availability.evaluate(null, "q", "zero traffic");
        assertEquals(Status.NO_DATA, missing.status());
        assertEquals("zero traffic", missing.reason());
        assertNull(missing.value());
        assertEquals(Status.NO_DATA, availability.evaluate(Double.NaN, "q").status());
        assertEquals(
                Status.NO_DATA,
                availability.evaluate(Double.POSITIVE_INFINITY, "q").status());
        assertEquals(
                "value is Infinity",
                availability.evaluate(Double.POSITIVE_INFINITY, "q").reason());
    }

    @Test
    void verdictIsTheWorstStatusAndMapsToExitCodes() {
        CriterionResult pass = availability.evaluate(100.0, "q");
        CriterionResult warn = jitter.evaluate(5000.0, "q");
        CriterionResult noData = availability.evaluate(null, "q");
        CriterionResult fail = availability.evaluate(50.0, "q");

        assertEquals(Status.PASS, Verdict.of(List.of(pass)).status());
        assertEquals(Status.WARN, Verdict.of(List.of(pass, warn)).status());
        assertEquals(ExitCode.PASS, Verdict.of(List.of(pass, warn)).exitCode());
        assertEquals(Status.NO_DATA, Verdict.of(List.of(pass, warn, noData)).status());
        assertEquals(ExitCode.INCONCLUSIVE, Verdict.of(List.of(pass, noData)).exitCode());
        assertEquals(Status.FAIL, Verdict.of(List.of(noData, fail, pass)).status());
        assertEquals(ExitCode.GATE_FAILED, Verdict.of(List.of(fail)).exitCode());
        assertEquals(Status.NO_DATA, Verdict.of(List.of()).status(), "no criteria is no verdict");
    }

    @Test
    void comparatorParsesSymbolsAndNamesAndRejectsOthers() {
        assertEquals(Comparator.GREATER_OR_EQUAL, Comparator.parse(">="));
        assertEquals(Comparator.LESS, Comparator.parse(" less "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Comparator.parse("=="));
        assertEquals("unknown comparator '==' (use >=, >, <=, <)", e.getMessage());
    }

    @Test
    void thresholdsMustBeFinite() {
        assertThrows(IllegalArgumentException.class, () -> Criterion.of("x", Comparator.LESS, Double.NaN, ""));
    }

    @Test
    void numbersFormatWithoutExponentOrTrailingZeros() {
        assertEquals("99.9", ReportFormat.plain(99.9000));
        assertEquals("1000", ReportFormat.plain(1e3));
        assertEquals("0.001", ReportFormat.plain(0.0005, 3));
        assertEquals("12345678", ReportFormat.plain(12345678.0));
        assertEquals("0", ReportFormat.plain(-0.0));
        assertEquals("+Inf", ReportFormat.plain(Double.POSITIVE_INFINITY));
    }
}
