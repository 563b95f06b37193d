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
        return QueryResult.Matrix.stitch(parts);
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
}
