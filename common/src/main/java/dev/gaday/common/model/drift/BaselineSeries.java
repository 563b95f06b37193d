package dev.gaday.common.model.drift;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One metric's samples for one label set (usually one service) in a captured baseline.
 * {@code timestamps} are epoch seconds on the step grid, ascending; missing steps are absent (gaps stay
 * visible as holes in the grid, never filled). For a {@code ratio} metric {@code values} are the errors
 * per step and {@code totals} the requests per step; otherwise {@code totals} is null. {@code aggregate}
 * is the whole window's value for a latency metric (the quantile over the window's histogram), else null.
 */
public record BaselineSeries(
        String metric,
        String kind,
        Map<String, String> labels,
        String query,
        List<Long> timestamps,
        List<Double> values,
        List<Double> totals,
        Double aggregate) {

    public BaselineSeries {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(kind, "kind");
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        timestamps = List.copyOf(Objects.requireNonNull(timestamps, "timestamps"));
        values = List.copyOf(Objects.requireNonNull(values, "values"));
        totals = totals == null ? null : List.copyOf(totals);
        if (values.size() != timestamps.size() || (totals != null && totals.size() != timestamps.size())) {
            throw new IllegalArgumentException("metric " + metric + ": timestamps, values and totals differ in length");
        }
        for (int i = 1; i < timestamps.size(); i++) {
            if (timestamps.get(i) <= timestamps.get(i - 1)) {
                throw new IllegalArgumentException("metric " + metric + ": timestamps are not ascending");
            }
        }
    }

    public String service() {
        return labels.getOrDefault("service", "");
    }
}
