package dev.gaday.common.prometheus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The Prometheus HTTP API (v1) client every tool uses; it also works against compatible
 * engines (Thanos, Mimir, VictoriaMetrics). One shared OkHttpClient underneath.
 *
 * <p>Failures throw {@link PrometheusException}. Connection errors, timeouts, 429 and 5xx are
 * retried with exponential backoff and full jitter, bounded in count and total time; other 4xx
 * never are.
 */
public interface PrometheusClient extends AutoCloseable {

    /** {@code /api/v1/query} at an explicit evaluation time. */
    QueryResult query(String promql, Instant time);

    /**
     * {@code /api/v1/query_range}. A range with more than 11,000 points per series is split into
     * several requests and the series are stitched back together, each timestamp once.
     */
    QueryResult.Matrix queryRange(String promql, Instant start, Instant end, Duration step);

    /** {@code /api/v1/label/<name>/values}, optionally restricted by series selectors and a time range. */
    List<String> labelValues(String label, List<String> matchers, Instant start, Instant end);

    /** The endpoint's base URL as the user gave it (never with credentials). */
    String baseUrl();

    /**
     * The server's command-line flags ({@code /api/v1/status/flags}), e.g. {@code storage.tsdb.retention.time};
     * empty when this client cannot ask (a server without the endpoint answers with an error).
     */
    default Map<String, String> flags() {
        return Map.of();
    }

    @Override
    void close();
}
