package dev.gaday.kpi.query;

import dev.gaday.common.prometheus.QueryResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Joins the answers of an instant query's parts by service into the answer of the whole: each label set once,
 * warnings once each. (A range query's parts are joined by {@code QueryResult.Matrix.stitch}.)
 */
public final class ResultStitcher {
    private ResultStitcher() {}

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
