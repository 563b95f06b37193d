package dev.gaday.cert.chart;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The value axis fits the data and the threshold with a margin, and no more: a breach must be visible. */
class ChartRangeTest {
    private static final Instant START = Instant.parse("2026-11-22T00:00:00Z");

    private static ChartLayout layout(double low, double high, double threshold) {
        List<KpiChart.Point> points = new ArrayList<>();
        for (int i = 0; i < 288; i++) {
            points.add(new KpiChart.Point(START.plus(Duration.ofMinutes(5L * i)), low + (high - low) * (i % 7) / 6.0));
        }
        return ChartLayout.of(new KpiChart(
                "availability",
                "Availability (%)",
                "Availability",
                START,
                START.plus(Duration.ofDays(1)),
                points,
                new KpiChart.Threshold(threshold, "Threshold"),
                List.of()));
    }

    @Test
    void anAllDayBreachJustBelowTheLineIsSeparatedFromIt() {
        ChartLayout layout = layout(99.78, 99.83, 99.9);
        assertTrue(layout.yMin() < 99.78 && layout.yMax() > 99.9, layout.yMin() + " to " + layout.yMax());
        assertTrue(
                layout.yMin() > 99.7 && layout.yMax() < 99.95,
                "not 96 to 100: " + layout.yMin() + " to " + layout.yMax());
        double span = layout.yMax() - layout.yMin();
        assertTrue((99.9 - 99.83) / span > 0.4, "the gap between data and line is a visible part of the axis");
    }

    @Test
    void aLatencyLineFarAboveTheDataStillShowsBoth() {
        ChartLayout layout = layout(300, 1380, 1000);
        assertTrue(layout.yMin() <= 300 && layout.yMax() >= 1380, layout.yMin() + " to " + layout.yMax());
        assertTrue(layout.yMax() < 1500, "a margin, not a doubling: " + layout.yMax());
    }
}
