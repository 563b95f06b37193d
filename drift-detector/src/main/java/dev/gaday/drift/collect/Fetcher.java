package dev.gaday.drift.collect;

import dev.gaday.common.model.drift.DriftWindow;
import dev.gaday.common.prometheus.PrometheusClient;
import dev.gaday.common.prometheus.PrometheusException;
import dev.gaday.common.prometheus.QueryRange;
import dev.gaday.common.prometheus.QueryResult;
import dev.gaday.drift.config.MetricConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Range-queries one side of a check. The grid starts one step after the window's start, so that each
 * sample (a rate or increase over one step) lies inside the window and no two samples overlap.
 * A query the server rejects (4xx, bad_data) becomes the metric's Error; an unreachable or failing
 * server throws, which ends the run with exit 4.
 */
public final class Fetcher {
    private final PrometheusClient client;
    private final Duration step;
    private final Consumer<String> log;

    /** {@code log} receives one line per query (-v), in the form testkit's QueryFloor replays. */
    public Fetcher(PrometheusClient client, Duration step, Consumer<String> log) {
        this.client = client;
        this.step = step;
        this.log = log;
    }

    private QueryResult.Matrix range(String promql, QueryRange grid) {
        log.accept("query_range start=" + grid.start().getEpochSecond() + " end="
                + grid.end().getEpochSecond() + " step=" + step.toSeconds() + " promql=" + promql);
        return client.queryRange(promql, grid.start(), grid.end(), step);
    }

    public Duration step() {
        return step;
    }

    public QueryRange grid(DriftWindow window) {
        Instant first = window.start().plus(step);
        if (first.isAfter(window.end())) {
            throw new IllegalArgumentException("the window " + window.start() + " to " + window.end()
                    + " is shorter than one step (" + step.toSeconds() + "s)");
        }
        return new QueryRange(first, window.end(), step);
    }

    public MetricData fetch(MetricConfig metric, String scope, DriftWindow window) {
        QueryRange grid = grid(window);
        int expected = (int) grid.points();
        if (metric.isRatio()) {
            String errors = QueryTemplate.resolve(metric.errors(), scope, step);
            String total = QueryTemplate.resolve(metric.total(), scope, step);
            String shown = "errors: " + errors + " / total: " + total;
            try {
                QueryResult.Matrix errorMatrix = range(errors, grid);
                QueryResult.Matrix totalMatrix = range(total, grid);
                return new MetricData(shown, joinRatio(errorMatrix, totalMatrix, expected), null);
            } catch (PrometheusException e) {
                return rejectedOrThrow(shown, e);
            }
        }
        String query = QueryTemplate.resolve(metric.query(), scope, step);
        try {
            QueryResult.Matrix matrix = range(query, grid);
            Map<Map<String, String>, Samples> series = new LinkedHashMap<>();
            Map<Map<String, String>, Double> quantiles =
                    "latency".equals(metric.kind()) ? windowValues(metric.query(), scope, grid) : Map.of();
            for (QueryResult.Series s : matrix.series()) {
                series.put(s.metric(), gauge(s, expected).withAggregate(quantiles.get(s.metric())));
            }
            return new MetricData(query, series, null);
        } catch (PrometheusException e) {
            return rejectedOrThrow(query, e);
        }
    }

    /**
     * A latency quantile over the whole window rather than per step: the same query with the range
     * {@code {{step}}} widened to the grid's span, at its last point (so it covers the samples' steps).
     */
    private Map<Map<String, String>, Double> windowValues(String template, String scope, QueryRange grid) {
        Duration span = Duration.between(grid.start(), grid.lastPoint()).plus(step);
        String query = QueryTemplate.resolve(template, scope, span);
        log.accept("query time=" + grid.lastPoint().getEpochSecond() + " promql=" + query);
        QueryResult result = client.query(query, grid.lastPoint());
        Map<Map<String, String>, Double> values = new HashMap<>();
        if (result instanceof QueryResult.Vector vector) {
            for (QueryResult.InstantSample sample : vector.samples()) {
                if (Double.isFinite(sample.sample().value())) {
                    values.put(sample.metric(), sample.sample().value());
                }
            }
        }
        return values;
    }

    private static MetricData rejectedOrThrow(String query, PrometheusException e) {
        boolean rejected = e.kind() == PrometheusException.Kind.API_ERROR
                || (e.kind() == PrometheusException.Kind.HTTP_STATUS
                        && e.httpStatus() >= 400
                        && e.httpStatus() < 500
                        && e.httpStatus() != 429
                        && e.httpStatus() != 401
                        && e.httpStatus() != 403);
        if (!rejected) {
            throw e;
        }
        return MetricData.failed(query, e.detail());
    }

    private static Samples gauge(QueryResult.Series series, int expected) {
        List<QueryResult.Sample> samples = series.samples();
        long[] times = new long[samples.size()];
        double[] values = new double[samples.size()];
        int n = 0;
        for (QueryResult.Sample sample : samples) {
            if (Double.isFinite(sample.value())) {
                times[n] = sample.time().getEpochSecond();
                values[n++] = sample.value();
            }
        }
        return new Samples(java.util.Arrays.copyOf(times, n), java.util.Arrays.copyOf(values, n), null, expected);
    }

    /** Totals decide which steps exist; a step without an errors sample had no errors (the 5xx series is absent). */
    private static Map<Map<String, String>, Samples> joinRatio(
            QueryResult.Matrix errors, QueryResult.Matrix totals, int expected) {
        Map<Map<String, String>, Map<Long, Double>> errorsByLabels = new HashMap<>();
        for (QueryResult.Series s : errors.series()) {
            Map<Long, Double> byTime = new HashMap<>();
            for (QueryResult.Sample sample : s.samples()) {
                byTime.put(sample.time().getEpochSecond(), sample.value());
            }
            errorsByLabels.put(s.metric(), byTime);
        }
        Map<Map<String, String>, Samples> result = new LinkedHashMap<>();
        for (QueryResult.Series s : totals.series()) {
            Map<Long, Double> errorsAt = errorsByLabels.getOrDefault(s.metric(), Map.of());
            List<QueryResult.Sample> samples = s.samples();
            long[] times = new long[samples.size()];
            double[] errorValues = new double[samples.size()];
            double[] totalValues = new double[samples.size()];
            int n = 0;
            for (QueryResult.Sample sample : samples) {
                long t = sample.time().getEpochSecond();
                double e = errorsAt.getOrDefault(t, 0.0);
                if (Double.isFinite(sample.value()) && Double.isFinite(e)) {
                    times[n] = t;
                    errorValues[n] = e;
                    totalValues[n++] = sample.value();
                }
            }
            result.put(
                    s.metric(),
                    new Samples(
                            java.util.Arrays.copyOf(times, n),
                            java.util.Arrays.copyOf(errorValues, n),
                            java.util.Arrays.copyOf(totalValues, n),
                            expected));
        }
        return result;
    }

    /** All metrics for one side, in configuration order. */
    public Map<String, MetricData> fetchAll(List<MetricConfig> metrics, String scope, DriftWindow window) {
        Map<String, MetricData> data = new LinkedHashMap<>();
        for (MetricConfig metric : metrics) {
            data.put(metric.name(), fetch(metric, scope, window));
        }
        return data;
    }
}
