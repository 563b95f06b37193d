package dev.gaday.cert.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TicksTest {

    @Test
    void niceTicksOfAnAvailabilityRangeAreTenthsOfTwo() {
        // 0.85 / 0.2 = 4.25 intervals, nearer 5 than 8.5 (step 0.1) or 1.7 (step 0.5).
        NumberTicks ticks = NumberTicks.of(99.2, 100.05, 5);
        assertEquals(0.2, ticks.step());
        assertEquals(1, ticks.decimals());
        assertEquals(List.of(99.2, 99.4, 99.6, 99.8, 100.0), ticks.values());
        assertEquals(
                List.of("99.2", "99.4", "99.6", "99.8", "100.0"),
                ticks.values().stream().map(ticks::label).toList());
    }

    @Test
    void niceTicksPickTheStepNearestTheTargetByRatio() {
        // 1.47 / 0.2 = 7.35 intervals (ratio 1.47 to 5) beats 1.47 / 0.5 = 2.94 (ratio 1.70).
        NumberTicks availability = NumberTicks.of(98.598, 100.07, 5);
        assertEquals(List.of(98.6, 98.8, 99.0, 99.2, 99.4, 99.6, 99.8, 100.0), availability.values());
        // 1400 / 200 = 7 (ratio 1.4) beats 1400 / 500 = 2.8 (ratio 1.79).
        NumberTicks latency = NumberTicks.of(0, 1400, 5);
        assertEquals(List.of(0.0, 200.0, 400.0, 600.0, 800.0, 1000.0, 1200.0, 1400.0), latency.values());
        assertEquals("1400", latency.label(1400));
        NumberTicks small = NumberTicks.of(0, 0.137, 5);
        assertEquals(List.of(0.0, 0.02, 0.04, 0.06, 0.08, 0.1, 0.12), small.values());
        assertEquals("0.06", small.label(0.06));
        assertEquals(2, small.decimals());
        NumberTicks exact = NumberTicks.of(0, 10, 5);
        assertEquals(List.of(0.0, 2.0, 4.0, 6.0, 8.0, 10.0), exact.values());
    }

    @Test
    void niceTicksAcrossZeroHaveNoNegativeZero() {
        NumberTicks ticks = NumberTicks.of(-3, 7, 5);
        assertEquals(List.of(-2.0, 0.0, 2.0, 4.0, 6.0), ticks.values());
        assertEquals("0", ticks.label(ticks.values().get(1)));
        assertEquals("-2", ticks.label(-2));
    }

    @Test
    void niceTicksRejectAnEmptyRange() {
        assertThrows(IllegalArgumentException.class, () -> NumberTicks.of(1, 1, 5));
        assertThrows(IllegalArgumentException.class, () -> NumberTicks.of(2, 1, 5));
        assertThrows(IllegalArgumentException.class, () -> NumberTicks.of(0, Double.NaN, 5));
    }

    @Test
    void timeLabelsAreUtcMonthDayHourMinute() {
        assertEquals(
                "11-22 14:05",
                TimeTicks.label(Instant.parse("2026-11-22T14:05:59Z").toEpochMilli()));
        assertEquals(
                "01-01 00:00",
                TimeTicks.label(Instant.parse("2027-01-01T00:00:00Z").toEpochMilli()));
    }

    @Test
    void timeTicksFallOnWholeStepsOfUtcTime() {
        long start = Instant.parse("2026-11-22T00:20:00Z").toEpochMilli();
        long end = Instant.parse("2026-11-22T09:00:00Z").toEpochMilli();
        // 100 px per hour and at least 150 px between ticks: 2 h.
        TimeTicks ticks = TimeTicks.of(start, end, 100.0 / 3_600_000, 150);
        assertEquals(Duration.ofHours(2).toMillis(), ticks.stepMillis());
        assertEquals(
                List.of("02:00", "04:00", "06:00", "08:00"),
                ticks.values().stream()
                        .map(t -> TimeTicks.label(t).substring(6))
                        .toList());
    }

    @Test
    void timeLabelsNeverOverlapAndTheStepIsTheShortestThatFits() {
        record Window(Duration length, Duration expectedStep) {}
        for (Window window : List.of(
                new Window(Duration.ofHours(1), Duration.ofMinutes(10)),
                new Window(Duration.ofHours(24), Duration.ofHours(3)),
                new Window(Duration.ofDays(7), Duration.ofDays(1)))) {
            Instant start = Instant.parse("2026-11-22T00:00:00Z");
            ChartLayout layout = ChartLayout.of(chart(start, start.plus(window.length())));
            assertEquals(window.expectedStep().toMillis(), layout.xTicks().stepMillis(), window.toString());

            List<Long> labelled = layout.labelledXTicks();
            assertTrue(labelled.size() >= 4, window + ": " + labelled.size() + " labels");
            double previousEnd = Double.NEGATIVE_INFINITY;
            for (long tick : labelled) {
                double width = TextWidths.width(TimeTicks.label(tick), ChartLayout.TICK_TEXT.size(), false);
                double left = layout.x(tick) - width / 2;
                double right = layout.x(tick) + width / 2;
                assertTrue(left >= previousEnd + 4, window + ": label at " + TimeTicks.label(tick) + " overlaps");
                assertTrue(left >= 0 && right <= ChartLayout.WIDTH, window + ": label outside the canvas");
                previousEnd = right;
            }
            // The next shorter step would have left less than the gap between labels.
            int index = java.util.Arrays.binarySearch(
                    TimeTicks.STEPS, layout.xTicks().stepMillis());
            long shorter = TimeTicks.STEPS[index - 1];
            double labelWidth = TextWidths.width("00-00 00:00", ChartLayout.TICK_TEXT.size(), false);
            double shorterSpacing = layout.x(start.toEpochMilli() + shorter) - layout.x(start.toEpochMilli());
            assertTrue(shorterSpacing < labelWidth + ChartLayout.LABEL_GAP, window.toString());
        }
    }

    /** Hourly values (every 10 minutes for windows under a day) over the window. */
    static KpiChart chart(Instant start, Instant end) {
        List<KpiChart.Point> points = new ArrayList<>();
        Duration step = Duration.between(start, end).compareTo(Duration.ofDays(1)) < 0
                ? Duration.ofMinutes(10)
                : Duration.ofHours(1);
        int i = 0;
        for (Instant at = start.plus(step.dividedBy(2)); at.isBefore(end); at = at.plus(step)) {
            points.add(new KpiChart.Point(at, 99.9 + (i++ % 5) * 0.02));
        }
        return new KpiChart(
                "availability",
                "Availability (%)",
                "Availability",
                start,
                end,
                points,
                new KpiChart.Threshold(99.5, "Threshold ≥ 99.5%"),
                List.of());
    }
}
