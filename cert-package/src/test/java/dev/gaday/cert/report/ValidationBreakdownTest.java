package dev.gaday.cert.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gaday.common.model.validation.ValidationResults.Category;
import org.junit.jupiter.api.Test;

/** The test breakdown's pass rate: over the checks that ran, and words rather than "N/A" when none did. */
class ValidationBreakdownTest {
    @Test
    void passRateIsOverTheChecksThatRan() {
        assertEquals("75%", ToolResultValues.passRate(new Category("kpi", 5, 3, 1, 0, 1, 0.1)));
        assertEquals("66.7%", ToolResultValues.passRate(new Category("kpi", 3, 2, 0, 1, 0, 0.1)));
        assertEquals("100%", ToolResultValues.passRate(new Category("kpi", 4, 2, 0, 0, 2, 0.1)));
    }

    @Test
    void aCategoryWithNothingRunSaysWhy() {
        assertEquals("all skipped", ToolResultValues.passRate(new Category("security", 3, 0, 0, 0, 3, 0.0)));
        assertEquals("no checks", ToolResultValues.passRate(new Category("load", 0, 0, 0, 0, 0, 0.0)));
    }
}
