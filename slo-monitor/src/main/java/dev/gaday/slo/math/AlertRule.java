package dev.gaday.slo.math;

import java.time.Duration;
import java.util.Objects;

/**
 * One multi-window burn-rate alert: {@code severity} fires while the burn rate exceeds {@code factor} over
 * both {@code longWindow} and {@code shortWindow}. Spending fraction φ of the budget of period P within the
 * long window W needs factor φ·P/W.
 */
public record AlertRule(Severity severity, Duration longWindow, Duration shortWindow, double factor) {

    public enum Severity {
        PAGE,
        TICKET;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public AlertRule {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(longWindow, "longWindow");
        Objects.requireNonNull(shortWindow, "shortWindow");
        if (longWindow.isNegative() || longWindow.isZero() || shortWindow.isNegative() || shortWindow.isZero()) {
            throw new IllegalArgumentException("alert windows must be positive, got " + longWindow + "/" + shortWindow);
        }
        if (shortWindow.compareTo(longWindow) > 0) {
            throw new IllegalArgumentException(
                    "short window " + shortWindow + " is longer than long window " + longWindow);
        }
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("burn-rate factor must be positive, got " + factor);
        }
    }

    /** The fraction of a period's budget this alert lets burn within its long window: factor·W/P. */
    public double budgetFraction(Duration period) {
        return factor * longWindow.toSeconds() / (double) period.toSeconds();
    }
}
