package dev.gaday.kpi.validate.check;

import dev.gaday.common.text.ReportFormat;
import dev.gaday.common.verdict.Comparator;
import java.util.Objects;

/**
 * One named check: its stable name (the JUnit testcase name and the key users override), category (the JUnit
 * testsuite), severity, kind, the threshold it holds its observed value against, and the evaluator.
 */
public record Check(
        String name,
        String category,
        Severity severity,
        String kind,
        String description,
        Comparator comparator,
        Double threshold,
        String unit,
        Evaluator evaluator) {
    public Check {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a check needs a name");
        }
        category = category == null || category.isBlank() ? "custom" : category;
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(evaluator, "evaluator");
        description = description == null ? "" : description;
    }

    /** The threshold as text: "< 2 s", or "-" for a check without one. */
    public String thresholdText() {
        if (comparator == null || threshold == null) {
            return "-";
        }
        return comparator.symbol() + " " + Values.format(threshold) + ReportFormat.unitSuffix(unit);
    }

    public Check withThreshold(double newThreshold) {
        return new Check(name, category, severity, kind, description, comparator, newThreshold, unit, evaluator);
    }

    public Check withSeverity(Severity newSeverity) {
        return new Check(name, category, newSeverity, kind, description, comparator, threshold, unit, evaluator);
    }

    /** Whether the observed value meets the threshold. */
    public boolean holds(double observed) {
        return comparator.holds(observed, threshold);
    }
}
