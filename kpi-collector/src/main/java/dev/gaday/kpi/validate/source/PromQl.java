package dev.gaday.kpi.validate.source;

import dev.gaday.common.prometheus.PrometheusClient;
import dev.gaday.common.prometheus.QueryResult;
import dev.gaday.kpi.validate.check.CheckContext;
import dev.gaday.kpi.validate.check.CheckFailure;
import dev.gaday.kpi.validate.check.ErrorKind;
import dev.gaday.kpi.validate.check.Values;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** PromQL for checks: {{window}} substitution, instant and range answers as labelled values. */
public final class PromQl {
    private PromQl() {}

    /** One series' value: its labels as Prometheus prints them, e.g. {instance="a:80"}, and the value. */
    public record Value(String labels, double value) {}

    /** Replaces {@code {{window}}} by the window's length, e.g. 86400s. */
    public static String resolve(String query, CheckContext context) {
        return query.replace("{{window}}", context.windowRange());
    }

    public static PrometheusClient client(CheckContext context) {
        if (context.prometheus() == null) {
            throw new CheckFailure(ErrorKind.SOURCE, "no Prometheus configured");
        }
        return context.prometheus();
    }

    /** The query's values at {@code time}, one per series (a scalar is one value without labels). */
    public static List<Value> instant(CheckContext context, String query, Instant time) {
        QueryResult result = client(context).query(query, time);
        List<Value> values = new ArrayList<>();
        if (result instanceof QueryResult.Vector vector) {
            for (QueryResult.InstantSample sample : vector.samples()) {
                values.add(new Value(labels(sample.metric()), sample.sample().value()));
            }
        } else if (result instanceof QueryResult.Scalar scalar) {
            values.add(new Value("", scalar.sample().value()));
        } else {
            throw new CheckFailure(ErrorKind.DEFINITION, "query does not give numbers: " + query);
        }
        return values;
    }

    /** The query over [start, end] at {@code step}: every point of every series. */
    public static Map<String, List<QueryResult.Sample>> range(
            CheckContext context, String query, Instant start, Instant end, Duration step) {
        QueryResult.Matrix matrix = client(context).queryRange(query, start, end, step);
        Map<String, List<QueryResult.Sample>> series = new LinkedHashMap<>();
        for (QueryResult.Series one : matrix.series()) {
            series.put(labels(one.metric()), one.samples());
        }
        return series;
    }

    /** {@code {a="1", b="2"}} in label order; empty for no labels. */
    public static String labels(Map<String, String> metric) {
        if (metric.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("{");
        for (Map.Entry<String, String> label : new TreeMap<>(metric).entrySet()) {
            if (text.length() > 1) {
                text.append(", ");
            }
            text.append(label.getKey()).append("=\"").append(label.getValue()).append('"');
        }
        return text.append('}').toString();
    }

    /** Evidence lines: the query, then each series' value. */
    public static String evidence(String query, Instant time, List<Value> values) {
        StringBuilder text =
                new StringBuilder("query: ").append(query).append("\nat: ").append(time);
        if (values.isEmpty()) {
            text.append("\nresult: no series");
        }
        for (Value value : values) {
            text.append("\n  ")
                    .append(value.labels().isEmpty() ? "value" : value.labels())
                    .append(" = ")
                    .append(Values.format(value.value()));
        }
        return text.toString();
    }
}
