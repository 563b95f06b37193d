package dev.gaday.slo.math;

import java.time.Duration;

/**
 * The error-budget arithmetic of one SLO over a period P. With objective o (percent) the budget is
 * B = 1 − o/100, the fraction of events allowed to fail. With error ratio e over P:
 * consumed = e/B, remaining = 1 − e/B; in events B·total − errors; in minutes of full outage (e = 1) at
 * the period's mean traffic (B − e)·P; time to exhaustion at burn rate b: remaining·P/b.
 */
public final class ErrorBudget {
    private ErrorBudget() {}

    /** B = 1 − objective/100 for an objective in percent, in (0, 100). */
    public static double budget(double objectivePercent) {
        if (!(objectivePercent > 0 && objectivePercent < 100)) {
            throw new IllegalArgumentException("objective must be in (0, 100) percent, got " + objectivePercent);
        }
        // In decimal, so that 99.9 gives the double nearest 0.001, not 1 - 0.999 = 0.0010000000000000009.
        return java.math.BigDecimal.valueOf(100)
                .subtract(java.math.BigDecimal.valueOf(objectivePercent))
                .movePointLeft(2)
                .doubleValue();
    }

    /** The fraction of the budget consumed, e/B (may exceed 1). */
    public static double consumedFraction(WindowCounts period, double budget) {
        return period.errorRatio() / budget;
    }

    /** 1 − e/B: negative once the budget is overspent. */
    public static double remainingFraction(WindowCounts period, double budget) {
        return 1 - consumedFraction(period, budget);
    }

    /** B·total − errors: how many more bad events the period's traffic allows. */
    public static double remainingEvents(WindowCounts period, double budget) {
        return budget * period.total() - period.errors();
    }

    /** (B − e)·P in minutes: how long a full outage at the period's mean traffic would take to spend what remains. */
    public static double remainingFullOutageMinutes(WindowCounts period, double budget, Duration length) {
        return (budget - period.errorRatio()) * length.toSeconds() / 60.0;
    }

    /**
     * Minutes until the budget is gone at burn rate {@code burnRate}: remaining·P/b. 0 once spent;
     * null (never) when nothing burns.
     */
    public static Double minutesToExhaustion(double remainingFraction, double burnRate, Duration period) {
        if (remainingFraction <= 0) {
            return 0.0;
        }
        if (!(burnRate > 0) || Double.isInfinite(burnRate)) {
            return null;
        }
        return remainingFraction * period.toSeconds() / 60.0 / burnRate;
    }

    /**
     * The default minimum-events guard: the fewest events in a short window at which one error can
     * not yet trip the fastest alert, ⌈1/(f·B)⌉ (70 at 99.9 % and 14.4).
     */
    public static long defaultMinEvents(double budget, double maxFactor) {
        double events = 1 / (maxFactor * budget);
        // 1/(14.4 * 0.001) = 69.44...; an exact integer must not round up from floating-point noise.
        return (long) Math.ceil(events - 1e-9);
    }
}
