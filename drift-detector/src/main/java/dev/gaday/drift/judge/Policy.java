package dev.gaday.drift.judge;

/**
 * How one metric is judged.
 *
 * @param direction        which change is bad
 * @param practicalPercent the smallest relative change (percent of the baseline aggregate) that matters
 * @param alpha            significance level, after Holm's correction across the run's metrics
 * @param minSamples       fewer samples than this on a side → Insufficient
 * @param critical         a critical metric fails the whole run on High, Low, NoData or Error
 * @param severity         thresholds of the change that name a drift's severity
 */
public record Policy(
        Direction direction,
        double practicalPercent,
        double alpha,
        int minSamples,
        boolean critical,
        Severity.Thresholds severity) {

    public Policy {
        if (direction == null) {
            throw new IllegalArgumentException("direction is missing");
        }
        if (!(practicalPercent >= 0)) {
            throw new IllegalArgumentException("practical threshold must be 0 % or more, got " + practicalPercent);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        if (minSamples < 1) {
            throw new IllegalArgumentException("minSamples must be at least 1, got " + minSamples);
        }
        if (severity == null) {
            throw new IllegalArgumentException("severity thresholds are missing");
        }
    }
}
