package dev.gaday.ws.report;

import dev.gaday.common.verdict.Comparator;
import dev.gaday.common.verdict.Criterion;
import java.util.List;

/**
 * The reconnect validation criteria, each threshold overridable. Times are in seconds, as in the
 * spec's table; the jitter criterion only warns.
 */
public record Thresholds(
        double minSuccessRatePercent,
        double maxAvgLatencySeconds,
        double maxP99LatencySeconds,
        double maxDowntimeSeconds,
        double maxAvgJitterSeconds) {
    public static final String SUCCESS_RATE = "Reconnection success rate";
    public static final String AVG_LATENCY = "Avg reconnection latency";
    public static final String P99_LATENCY = "P99 reconnection latency";
    public static final String MAX_DOWNTIME = "Max downtime";
    public static final String AVG_JITTER = "Avg jitter";

    public static Thresholds defaults() {
        return new Thresholds(95, 10, 30, 60, 2);
    }

    public List<Criterion> criteria() {
        return List.of(
                Criterion.of(SUCCESS_RATE, Comparator.GREATER_OR_EQUAL, minSuccessRatePercent, "%"),
                Criterion.of(AVG_LATENCY, Comparator.LESS, maxAvgLatencySeconds, "s"),
                Criterion.of(P99_LATENCY, Comparator.LESS, maxP99LatencySeconds, "s"),
                Criterion.of(MAX_DOWNTIME, Comparator.LESS, maxDowntimeSeconds, "s"),
                Criterion.of(AVG_JITTER, Comparator.LESS, maxAvgJitterSeconds, "s")
                        .warningOnly(true));
    }
}
