package dev.gaday.kpi.query;

import dev.gaday.common.prometheus.QueryResult;
import dev.gaday.kpi.config.QueryKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every query's values at one evaluation time: the summary's instant queries, or one timestamp
 * sliced out of the snapshots' range queries. A key with an error has no values.
 */
public final class Evaluation {
    /** One series' value: its labels and the number. */
    public record LabeledValue(Map<String, String> labels, double value) {}

    private final Instant time;
    private final Map<QueryKey, String> promql = new EnumMap<>(QueryKey.class);
    private final Map<QueryKey, List<LabeledValue>> values = new EnumMap<>(QueryKey.class);
    private final Map<QueryKey, String> errors = new EnumMap<>(QueryKey.class);

    public Evaluation(Instant time) {
        this.time = time;
    }

    public Instant time() {
        return time;
    }

    public String promql(QueryKey key) {
        return promql.get(key);
    }

    /** The values of a query; empty when it returned no series (or failed: see {@link #error}). */
    public List<LabeledValue> values(QueryKey key) {
        return values.getOrDefault(key, List.of());
    }

    public String error(QueryKey key) {
        return errors.get(key);
    }

    public Map<QueryKey, String> errors() {
        return errors;
    }

    public boolean asked(QueryKey key) {
        return promql.containsKey(key);
    }

    /** The one value of an aggregated query (no grouping), or null when there is none. */
    public Double single(QueryKey key) {
        List<LabeledValue> list = values(key);
        return list.isEmpty() ? null : list.get(0).value();
    }

    public void add(QueryKey key, String query, List<LabeledValue> list, String error) {
        promql.put(key, query);
        if (error != null) {
            errors.put(key, error);
        } else {
            values.put(key, List.copyOf(list));
        }
    }

    /** From instant-query outcomes. */
    public static Evaluation ofInstant(Instant time, Map<QueryKey, QueryRunner.Outcome> outcomes) {
        Evaluation evaluation = new Evaluation(time);
        outcomes.forEach((key, outcome) -> {
            if (outcome.failed()) {
                evaluation.add(key, outcome.promql(), List.of(), outcome.error());
                return;
            }
            List<LabeledValue> list = new ArrayList<>();
            QueryResult result = outcome.result();
            if (result instanceof QueryResult.Vector vector) {
                for (QueryResult.InstantSample sample : vector.samples()) {
                    list.add(new LabeledValue(sample.metric(), sample.sample().value()));
                }
            } else if (result instanceof QueryResult.Scalar scalar) {
                list.add(new LabeledValue(Map.of(), scalar.sample().value()));
            } else if (result instanceof QueryResult.Matrix matrix) {
                for (QueryResult.Series series : matrix.series()) {
                    if (!series.samples().isEmpty()) {
                        list.add(new LabeledValue(
                                series.metric(),
                                series.samples()
                                        .get(series.samples().size() - 1)
                                        .value()));
                    }
                }
            } else {
                evaluation.add(
                        key, outcome.promql(), List.of(), "query error: the query returned a string, not numbers");
                return;
            }
            evaluation.add(key, outcome.promql(), list, null);
        });
        return evaluation;
    }

    /**
     * Slices range-query outcomes into one evaluation per requested timestamp; a failed query is
     * failed at every timestamp.
     */
    public static Map<Instant, Evaluation> sliceRange(
            List<Instant> times, Map<QueryKey, QueryRunner.Outcome> outcomes) {
        // Hash maps: a 24-hour window at 5 minutes is 288 timestamps, looked up once per sample.
        Map<Instant, Evaluation> byTime = new LinkedHashMap<>();
        for (Instant time : times) {
            byTime.put(time, new Evaluation(time));
        }
        outcomes.forEach((key, outcome) -> {
            Map<Instant, List<LabeledValue>> lists = new HashMap<>();
            for (Instant time : times) {
                lists.put(time, new ArrayList<>());
            }
            if (!outcome.failed() && outcome.result() instanceof QueryResult.Matrix matrix) {
                for (QueryResult.Series series : matrix.series()) {
                    for (QueryResult.Sample sample : series.samples()) {
                        List<LabeledValue> list = lists.get(sample.time());
                        if (list != null) {
                            list.add(new LabeledValue(series.metric(), sample.value()));
                        }
                    }
                }
            }
            String error = outcome.failed()
                    ? outcome.error()
                    : outcome.result() instanceof QueryResult.Matrix
                            ? null
                            : "query error: a range query did not return a matrix";
            for (Instant time : times) {
                byTime.get(time).add(key, outcome.promql(), lists.get(time), error);
            }
        });
        return byTime;
    }
}
