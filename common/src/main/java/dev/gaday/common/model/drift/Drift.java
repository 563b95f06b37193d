package dev.gaday.common.model.drift;

import java.util.Map;
import java.util.Objects;

/**
 * One check of drift_analysis.json: one metric for one label set, judged and explained.
 *
 * @param baseline       the baseline (or stable, or before) side's aggregate: median for gauges and latency,
 *                       errors/total for ratios; null without data
 * @param changePercent  (current − baseline) / |baseline| × 100; null when undefined (no data, zero baseline)
 * @param direction      which change is bad: increase, decrease, either
 * @param severity       none, info, warning, critical
 * @param classification Pass, High, Low, NoData, Insufficient, Error
 * @param drifted        true when the change is significant, in the bad direction and at least the warning size
 * @param threshold      the practical threshold in percent a failing change must reach
 * @param stepSeconds    the sample step (and rate() range)
 */
public record Drift(
        String metric,
        String service,
        Map<String, String> labels,
        String kind,
        String group,
        boolean critical,
        Double baseline,
        Double current,
        Double changePercent,
        String direction,
        String severity,
        String classification,
        boolean drifted,
        DriftTest test,
        String query,
        long stepSeconds,
        double threshold,
        String reason) {

    public Drift {
        Objects.requireNonNull(metric, "metric");
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(reason, "reason");
    }
}
