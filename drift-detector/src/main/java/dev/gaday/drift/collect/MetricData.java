package dev.gaday.drift.collect;

import java.util.Map;

/**
 * What one metric's query returned for one side: samples per label set, or the server's error.
 *
 * @param query the resolved PromQL (for a ratio: "errors: … / total: …")
 */
public record MetricData(String query, Map<Map<String, String>, Samples> series, String error) {

    public static MetricData failed(String query, String error) {
        return new MetricData(query, Map.of(), error);
    }
}
