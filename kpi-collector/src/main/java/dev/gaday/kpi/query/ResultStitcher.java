package dev.gaday.kpi.query;

import dev.gaday.common.prometheus.QueryResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Joins the answers of a split query's parts into the answer of the whole: series by label set (in order of
 * first appearance), each timestamp once, in ascending time; warnings once each. Parts by time share series;
 * parts by service have disjoint ones.
 */
public final class ResultStitcher {
    private ResultStitcher() {}

    /** Range-query parts (by time, by service, or both). */
    public static QueryResult.Matrix matrices(List<QueryResult.Matrix> parts) {
        Map<Map<String, String>, List<QueryResult.Sample>> series = new LinkedHashMap<>();
        Set<String> warnings = new LinkedHashSet<>();
        for (QueryResult.Matrix part : parts) {
            warnings.addAll(part.warnings());
            for (QueryResult.Series one : part.series()) {
                List<QueryResult.Sample> samples = series.computeIfAbsent(one.metric(), k -> new ArrayList<>());
                for (QueryResult.Sample sample : one.samples()) {
                    add(samples, sample);
                }
            }
        }
        List<QueryResult.Series> result = new ArrayList<>(series.size());
        series.forEach((metric, samples) -> result.add(new QueryResult.Series(metric, samples)));
        return new QueryResult.Matrix(result, new ArrayList<>(warnings));
    }

    /** Instant-query parts by service: each label set once (the first part's value). */
    public static QueryResult.Vector vectors(List<QueryResult.Vector> parts) {
        Map<Map<String, String>, QueryResult.InstantSample> samples = new LinkedHashMap<>();
        Set<String> warnings = new LinkedHashSet<>();
        for (QueryResult.Vector part : parts) {
            warnings.addAll(part.warnings());
            for (QueryResult.InstantSample sample : part.samples()) {
                samples.putIfAbsent(sample.metric(), sample);
            }
        }
        return new QueryResult.Vector(new ArrayList<>(samples.values()), new ArrayList<>(warnings));
    }

    /** Appends in time order; a timestamp already present is kept once (the first value). */
    private static void add(List<QueryResult.Sample> samples, QueryResult.Sample sample) {
        int size = samples.size();
        if (size == 0 || sample.time().isAfter(samples.get(size - 1).time())) {
            samples.add(sample);
            return;
        }
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (samples.get(mid).time().isBefore(sample.time())) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        if (!samples.get(low).time().equals(sample.time())) {
            samples.add(low, sample);
        }
    }
}
