package dev.gaday.cert.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.model.drift.Drift;
import dev.gaday.common.model.drift.DriftAnalysis;
import dev.gaday.common.model.drift.DriftTest;
import dev.gaday.common.model.drift.DriftWindow;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The drift figure: each drifted check's change with its interval, coloured by severity, its threshold marked. */
class DriftChartTest {
    static final Instant START = Instant.parse("2026-06-01T00:00:00Z");

    static Drift drift(
            String metric,
            String service,
            double baseline,
            double current,
            String direction,
            String severity,
            boolean drifted,
            Double ciLow,
            Double ciHigh) {
        return new Drift(
                metric,
                service,
                Map.of(),
                "gauge",
                "g",
                false,
                baseline,
                current,
                (current - baseline) / Math.abs(baseline) * 100,
                direction,
                severity,
                drifted ? (current > baseline ? "High" : "Low") : "Pass",
                drifted,
                ciLow == null
                        ? null
                        : new DriftTest(
                                "mann-whitney-u", 10, 10, 0, 0, 0.001, 0.01, 1.0, ciLow, ciHigh, 1.0, 1.0, 0.9, 0.95),
                "q",
                60,
                10,
                "why");
    }

    static DriftAnalysis analysis(List<Drift> drifts) {
        return DriftAnalysis.of(
                START,
                "compare",
                Map.of(
                        "baseline", new DriftWindow(START, START.plusSeconds(3600)),
                        "current", new DriftWindow(START.plusSeconds(3600), START.plusSeconds(7200))),
                "FAIL",
                true,
                (int) drifts.stream().filter(Drift::drifted).count(),
                0,
                new DriftAnalysis.SeverityBreakdown(0, 0, 0),
                drifts,
                List.of(),
                null,
                "r");
    }

    @Test
    void driftedChecksWorstFirstWithChangeIntervalAndThreshold() {
        RowChart chart = DriftChart.of(analysis(List.of(
                drift("cpu_cores", "cart", 0.1, 0.175, "increase", "none", false, 0.05, 0.08),
                drift("latency_p99", "checkout", 0.4, 0.46, "increase", "warning", true, 0.04, 0.08),
                drift("error_ratio", "checkout", 0.001, 0.0035, "increase", "critical", true, 0.0022, 0.0028),
                drift("request_rate", "web", 50, 30, "decrease", "critical", true, -25.0, -15.0))));
        assertEquals(
                List.of("error_ratio — checkout", "request_rate — web", "latency_p99 — checkout"),
                chart.rows().stream().map(RowChart.Row::label).toList(),
                "drifted only; critical first, then by the size of the change");
        assertTrue(chart.title().contains("the 3 checks that drifted"), chart.title());
        RowChart.Row errors = chart.rows().get(0);
        assertEquals(250, errors.dot(), 1e-9);
        assertEquals(220, errors.low(), 1e-9, "the shift's interval relative to the baseline");
        assertEquals(280, errors.high(), 1e-9);
        assertEquals(List.of(10.0), errors.thresholds(), "an increase is bad: the threshold above 0");
        assertEquals(DriftChart.CRITICAL_RGB, errors.rgb());
        assertEquals("0.001 → 0.0035  (+250%)", errors.right());
        RowChart.Row requests = chart.rows().get(1);
        assertEquals(List.of(-10.0), requests.thresholds(), "a decrease is bad: the threshold below 0");
        assertEquals(DriftChart.WARNING_RGB, chart.rows().get(2).rgb());
        // The axis holds 0, every change, interval end and threshold.
        assertTrue(chart.min() < -50 && chart.max() > 280, chart.min() + ".." + chart.max());
        // The dot sits at its change, the threshold mark on its row at the threshold.
        Marks.Rect dot = chart.marks().rects().stream()
                .filter(r -> r.width() == 7 && r.rgb() == DriftChart.CRITICAL_RGB)
                .findFirst()
                .orElseThrow();
        assertEquals(chart.x(250), dot.x() + 3.5, 1e-9);
        assertEquals(chart.rowMiddle(0), dot.y() + 3.5, 1e-9);
        assertTrue(chart.marks().lines().stream()
                .anyMatch(l -> l.stroke().equals(ChartLayout.THRESHOLD)
                        && l.x1() == chart.x(-10)
                        && l.y1() > chart.rowMiddle(1) - RowChart.ROW / 2
                        && l.y2() < chart.rowMiddle(1) + RowChart.ROW / 2));
    }

    @Test
    void withoutDriftTheLargestChangesAreShownAndTheCaptionSaysSo() {
        RowChart chart = DriftChart.of(analysis(List.of(
                drift("cpu_cores", "cart", 0.1, 0.175, "increase", "none", false, null, null),
                drift("cpu_cores", "web", 0.1, 0.11, "increase", "none", false, null, null))));
        assertTrue(chart.title().contains("no check drifted: the 2 largest changes of 2 checks"), chart.title());
        assertEquals("cpu_cores — cart", chart.rows().get(0).label());
        assertEquals(null, chart.rows().get(0).low(), "no test, no interval");
        assertEquals(ChartLayout.SERIES_RGB, chart.rows().get(0).rgb());
    }
}
