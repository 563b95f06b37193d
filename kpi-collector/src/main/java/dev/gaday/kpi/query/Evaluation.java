package dev.gaday.kpi.query;

import dev.gaday.common.prometheus.QueryResult;
import dev.gaday.kpi.config.QueryKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
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

    /** As {@link #add}, keeping {@code list} itself (made for this evaluation and not changed after). */
    private void addOwned(QueryKey key, String query, List<LabeledValue> list, String error) {
        promql.put(key, query);
        if (error != null) {
            errors.put(key, error);
        } else {
            values.put(key, java.util.Collections.unmodifiableList(list));
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
     * Range-query outcomes, one {@link Evaluation} per requested timestamp made when asked for: the answers
     * stay in their series (primitive arrays), and no structure holds every timestamp's values at once. A
     * failed query is failed at every timestamp.
     */
    public static final class RangeAnswers {
        private final List<Instant> times;
        private final Map<QueryKey, QueryRunner.Outcome> outcomes;

        public RangeAnswers(List<Instant> times, Map<QueryKey, QueryRunner.Outcome> outcomes) {
            this.times = List.copyOf(times);
            this.outcomes = outcomes;
        }

        public List<Instant> times() {
            return times;
        }

        /** The number of samples the answers hold: what they retain is these, not objects per sample. */
        public long sampleCount() {
            long count = 0;
            for (QueryRunner.Outcome outcome : outcomes.values()) {
                if (!outcome.failed() && outcome.result() instanceof QueryResult.Matrix matrix) {
                    for (QueryResult.Series series : matrix.series()) {
                        count += series.size();
                    }
                }
            }
            return count;
        }

        /** Every query's values at {@code times().get(index)}, in the order of its series. */
        public Evaluation at(int index) {
            Instant time = times.get(index);
            long millis = time.toEpochMilli();
            Evaluation evaluation = new Evaluation(time);
            outcomes.forEach((key, outcome) -> {
                List<LabeledValue> list = new ArrayList<>(
                        !outcome.failed() && outcome.result() instanceof QueryResult.Matrix matrix
                                ? matrix.series().size()
                                : 0);
                if (!outcome.failed() && outcome.result() instanceof QueryResult.Matrix matrix) {
                    for (QueryResult.Series series : matrix.series()) {
                        // The grid's k-th point is usually a series' k-th sample; a series with holes is searched.
                        int at = index < series.size() && series.timeMillis(index) == millis
                                ? index
                                : series.indexOf(millis);
                        if (at >= 0) {
                            list.add(new LabeledValue(series.metric(), series.value(at)));
                        }
                    }
                }
                String error = outcome.failed()
                        ? outcome.error()
                        : outcome.result() instanceof QueryResult.Matrix
                                ? null
                                : "query error: a range query did not return a matrix";
                evaluation.addOwned(key, outcome.promql(), list, error);
            });
            return evaluation;
        }
    }
}
