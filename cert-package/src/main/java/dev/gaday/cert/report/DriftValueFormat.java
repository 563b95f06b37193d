package dev.gaday.cert.report;

import dev.gaday.common.model.drift.Drift;
import dev.gaday.common.model.drift.DriftFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How a drift check reads in the report's tables: its values in the metric's unit (an error ratio as a percent, a
 * latency in milliseconds), its change, its result; and the order the tables list checks in.
 */
final class DriftValueFormat {
    private DriftValueFormat() {}

    /** The drifted checks first (critical before warning), then the largest changes. */
    static List<Drift> ordered(List<Drift> drifts) {
        List<Drift> ordered = new ArrayList<>(drifts);
        ordered.sort(Comparator.comparing((Drift d) -> !d.drifted())
                .thenComparingInt(d -> DriftFormat.severityRank(d.severity()))
                .thenComparing(d -> d.changePercent() == null ? 0 : -Math.abs(d.changePercent())));
        return ordered;
    }

    /** "✘ High (critical)" for a drift, the classification alone otherwise. */
    static String result(Drift drift) {
        return drift.drifted() ? "✘ " + drift.classification() + " (" + drift.severity() + ")" : drift.classification();
    }
}
