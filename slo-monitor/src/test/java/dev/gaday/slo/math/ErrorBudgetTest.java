package dev.gaday.slo.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ErrorBudgetTest {
    private static final Duration DAY = Duration.ofHours(24);

    @Test
    void budgetIsOneMinusTheObjective() {
        assertEquals(0.001, ErrorBudget.budget(99.9), 0);
        assertEquals(0.01, ErrorBudget.budget(99), 0);
        assertEquals(0.0005, ErrorBudget.budget(99.95), 0);
        assertThrows(IllegalArgumentException.class, () -> ErrorBudget.budget(100));
        assertThrows(IllegalArgumentException.class, () -> ErrorBudget.budget(0));
        assertThrows(IllegalArgumentException.class, () -> ErrorBudget.budget(Double.NaN));
    }

    @Test
    void errorRatioIsErrorsOverTotalNotAnAverageOfRatios() {
        // A quiet minute with 1 error in 10 and a busy one with 0 in 990: averaging the minutes' ratios gives
        // 5 %, the events say 0.1 %.
        WindowCounts quiet = new WindowCounts(1, 10);
        WindowCounts busy = new WindowCounts(0, 990);
        WindowCounts both = new WindowCounts(quiet.errors() + busy.errors(), quiet.total() + busy.total());
        assertEquals(0.001, both.errorRatio(), 1e-15);
        assertEquals(0.05, (quiet.errorRatio() + busy.errorRatio()) / 2, 1e-15);
    }

    @Test
    void remainingBudgetInPercentEventsAndMinutes() {
        // 100,000 requests, 40 errors at 99.9 %: 100 allowed, 40 % spent.
        WindowCounts day = new WindowCounts(40, 100_000);
        double budget = ErrorBudget.budget(99.9);
        assertEquals(0.4, ErrorBudget.consumedFraction(day, budget), 1e-12);
        assertEquals(0.6, ErrorBudget.remainingFraction(day, budget), 1e-12);
        assertEquals(60, ErrorBudget.remainingEvents(day, budget), 1e-9);
        // (B - e) * 1440 min = 0.0006 * 1440 = 0.864 min; the same as 60 events at the mean 69.44 requests/min.
        assertEquals(0.864, ErrorBudget.remainingFullOutageMinutes(day, budget, DAY), 1e-12);
        assertEquals(60 / (100_000 / 1440.0), ErrorBudget.remainingFullOutageMinutes(day, budget, DAY), 1e-12);
    }

    @Test
    void overspentBudgetIsNegativeAndExhaustedNow() {
        WindowCounts day = new WindowCounts(300, 100_000);
        double budget = ErrorBudget.budget(99.9);
        assertEquals(-2, ErrorBudget.remainingFraction(day, budget), 1e-12);
        assertEquals(-200, ErrorBudget.remainingEvents(day, budget), 1e-9);
        assertEquals(0.0, ErrorBudget.minutesToExhaustion(-2, 5, DAY));
    }

    @Test
    void timeToExhaustionIsRemainingTimesPeriodOverBurnRate() {
        // Half the budget left, burning at 2x: 0.5 * 1440 / 2 = 360 minutes.
        assertEquals(360.0, ErrorBudget.minutesToExhaustion(0.5, 2, DAY), 1e-9);
        assertNull(ErrorBudget.minutesToExhaustion(0.5, 0, DAY));
        assertNull(ErrorBudget.minutesToExhaustion(0.5, Double.NaN, DAY));
    }

    @Test
    void burnRateIsTheErrorRatioOverTheBudget() {
        assertEquals(14.4, new WindowCounts(144, 10_000).burnRate(0.001), 1e-9);
        assertTrue(Double.isNaN(WindowCounts.NONE.burnRate(0.001)));
        assertFalse(WindowCounts.NONE.hasTraffic());
    }

    @Test
    void defaultMinimumEventsIsWhereOneErrorTripsTheFastestAlert() {
        assertEquals(70, ErrorBudget.defaultMinEvents(0.001, 14.4));
        // 1 / (14.4 * 0.01) = 6.94 -> 7 at 99 %.
        assertEquals(7, ErrorBudget.defaultMinEvents(0.01, 14.4));
        // Exactly 100 must stay 100, not become 101 by rounding noise: 1/(10 * 0.001).
        assertEquals(100, ErrorBudget.defaultMinEvents(0.001, 10));
    }

    @Test
    void countsRefuseNegativeAndClampErrorsToTotal() {
        assertThrows(IllegalArgumentException.class, () -> new WindowCounts(-1, 5));
        assertThrows(IllegalArgumentException.class, () -> new WindowCounts(Double.NaN, 5));
        assertEquals(5, new WindowCounts(5.000001, 5).errors());
    }
}
