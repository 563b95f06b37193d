package dev.gaday.common.verdict;

import dev.gaday.common.text.ReportFormat;
import java.util.Objects;

/**
 * One evaluated criterion as it appears in every tool's output: the value is kept with the
 * threshold, the status and where the value came from.
 *
 * @param value the measured value; null when there was none (status NO_DATA)
 * @param source the PromQL query, or the field, that produced the value
 * @param reason why there is no data, when status is NO_DATA
 */
public record CriterionResult(
        String name,
        Double value,
        double threshold,
        Comparator comparator,
        String unit,
        boolean warningOnly,
        Status status,
        String source,
        String reason) {
    public CriterionResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(comparator, "comparator");
        Objects.requireNonNull(status, "status");
        unit = unit == null ? "" : unit;
        if (status == Status.NO_DATA && reason == null) {
            reason = "no data";
        }
    }

    public String describeThreshold() {
        return comparator.symbol() + " " + ReportFormat.plain(threshold) + ReportFormat.unitSuffix(unit);
    }
}
