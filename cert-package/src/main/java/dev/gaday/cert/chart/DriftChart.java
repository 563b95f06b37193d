package dev.gaday.cert.chart;

import dev.gaday.common.model.drift.Drift;
import dev.gaday.common.model.drift.DriftAnalysis;
import dev.gaday.common.model.drift.DriftFormat;
import dev.gaday.common.model.drift.DriftTest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The drift figure, from drift_analysis.json: per check that drifted (worst first, at most {@value #ROWS}), the
 * relative change of the current side against the baseline as a dot, with the confidence interval of the shift
 * (relative to the baseline) as a whisker, coloured by the check's severity, and the check's threshold as a
 * dashed red mark on the bad side (both sides for "either"); baseline → current on the right. The checks'
 * units differ (ratios, seconds, cores, bytes), so the common axis is the change in percent. When nothing
 * drifted, the largest changes are shown and the caption says so.
 */
public final class DriftChart {
    public static final String NAME = "drift_changes";
    static final int ROWS = 10;
    static final int CRITICAL_RGB = 0xc03030;
    static final int WARNING_RGB = 0xe08000;
    static final int INFO_RGB = 0xb8a000;

    private DriftChart() {}

    /** The figure, or null when no check has a change to draw (no data on either side). */
    public static RowChart of(DriftAnalysis drift) {
        List<Drift> judged = new ArrayList<>(drift.drifts().stream()
                .filter(d -> d.changePercent() != null && Double.isFinite(d.changePercent()))
                .toList());
        if (judged.isEmpty()) {
            return null;
        }
        List<Drift> drifted = judged.stream().filter(Drift::drifted).toList();
        List<Drift> shown = new ArrayList<>(drifted.isEmpty() ? judged : drifted);
        shown.sort(Comparator.comparingInt((Drift d) -> DriftFormat.severityRank(d.severity()))
                .thenComparingDouble(d -> -Math.abs(d.changePercent()))
                .thenComparing(Drift::metric));
        int total = shown.size();
        shown = shown.subList(0, Math.min(ROWS, shown.size()));
        List<RowChart.Row> rows = new ArrayList<>();
        boolean[] used = new boolean[4];
        for (Drift d : shown) {
            int rank = d.drifted() ? DriftFormat.severityRank(d.severity()) : 3;
            used[rank] = true;
            Double low = null;
            Double high = null;
            DriftTest test = d.test();
            if (test != null
                    && test.ciLow() != null
                    && test.ciHigh() != null
                    && d.baseline() != null
                    && Math.abs(d.baseline()) > 0) {
                low = test.ciLow() / Math.abs(d.baseline()) * 100;
                high = test.ciHigh() / Math.abs(d.baseline()) * 100;
            }
            List<Double> thresholds =
                    switch (d.direction() == null ? "" : d.direction()) {
                        case "increase" -> List.of(d.threshold());
                        case "decrease" -> List.of(-d.threshold());
                        case "either" -> List.of(-d.threshold(), d.threshold());
                        default -> List.of();
                    };
            rows.add(new RowChart.Row(
                    d.metric() + (d.service() == null || d.service().isEmpty() ? "" : " — " + d.service()),
                    null,
                    d.changePercent(),
                    low,
                    high,
                    RGB[rank],
                    thresholds,
                    DriftFormat.value(d, d.baseline()) + " → " + DriftFormat.value(d, d.current()) + "  ("
                            + DriftFormat.change(d) + ")"));
        }
        List<RowChart.LegendEntry> legend = new ArrayList<>();
        String[] names = {"Critical drift", "Warning drift", "Info drift", "No drift"};
        for (int i = 0; i < names.length; i++) {
            if (used[i]) {
                legend.add(new RowChart.LegendEntry(names[i], RGB[i]));
            }
        }
        legend.add(new RowChart.LegendEntry("Threshold", ChartLayout.THRESHOLD));
        String sides =
                switch (drift.mode()) {
                    case "canary" -> "canary against stable";
                    case "deploy" -> "after the deploy against before";
                    default -> "current against baseline";
                };
        String which = drifted.isEmpty()
                ? "no check drifted: the " + shown.size() + " largest changes of " + total + " checks"
                : (total <= ROWS
                        ? (total == 1 ? "the one check that drifted" : "the " + total + " checks that drifted")
                        : "the " + ROWS + " worst of " + total + " checks that drifted");
        return new RowChart(
                NAME,
                "Drift, " + sides + " (" + which + "): the change in percent with its confidence interval, "
                        + "coloured by severity; the dashed red marks are each check's threshold",
                "Change against the baseline (%)",
                rows,
                List.of(),
                legend);
    }

    private static final int[] RGB = {CRITICAL_RGB, WARNING_RGB, INFO_RGB, ChartLayout.SERIES_RGB};
}
