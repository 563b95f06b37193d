package dev.gaday.common.verdict;

import dev.gaday.common.text.ReportFormat;
import java.util.Objects;

/**
 * A gate: a named measurement held against a threshold. A warning-only criterion that
 * misses gives WARN, never FAIL. Missing or non-finite data is NO_DATA, never a silent pass.
 *
 * @param unit for people: "%", "ms", "s"
 */
public record Criterion(String name, Comparator comparator, double threshold, String unit, boolean warningOnly) {
    public Criterion {
        Objects.requireNonNull(comparator, "comparator");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a criterion needs a name");
        }
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("criterion '" + name + "': threshold must be a finite number");
        }
        unit = unit == null ? "" : unit;
    }

    public static Criterion of(String name, Comparator comparator, double threshold, String unit) {
        return new Criterion(name, comparator, threshold, unit, false);
    }

    public Criterion warningOnly(boolean warningOnly) {
        return new Criterion(name, comparator, threshold, unit, warningOnly);
    }

    public Criterion withThreshold(double newThreshold) {
        return new Criterion(name, comparator, newThreshold, unit, warningOnly);
    }

    /** "&gt;= 99.9%": how the threshold reads in a report. */
    public String describeThreshold() {
        return comparator.symbol() + " " + ReportFormat.plain(threshold) + unit;
    }

    public CriterionResult evaluate(Double value, String source) {
        return evaluate(value, source, null);
    }

    /**
     * @param source the query or field that produced the value, kept with the result
     * @param noDataReason why the value is missing, when it is
     */
    public CriterionResult evaluate(Double value, String source, String noDataReason) {
        if (value == null || !Double.isFinite(value)) {
            String reason = noDataReason != null ? noDataReason : value == null ? "no data" : "value is " + value;
            return new CriterionResult(
                    name,
                    value == null || value.isNaN() ? null : value,
                    threshold,
                    comparator,
                    unit,
                    warningOnly,
                    Status.NO_DATA,
                    source,
                    reason);
        }
        Status status = comparator.holds(value, threshold) ? Status.PASS : warningOnly ? Status.WARN : Status.FAIL;
        return new CriterionResult(name, value, threshold, comparator, unit, warningOnly, status, source, null);
    }
}
