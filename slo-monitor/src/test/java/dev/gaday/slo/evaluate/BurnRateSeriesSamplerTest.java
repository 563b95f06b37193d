package dev.gaday.slo.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.cli.DurationConverter;
import dev.gaday.common.json.Json;
import dev.gaday.common.model.slo.SloBurnRateSeries;
import dev.gaday.common.model.slo.SloResult;
import dev.gaday.slo.math.AlertRule;
import dev.gaday.slo.math.BurnRatePolicy;
import dev.gaday.slo.math.WindowCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BurnRateSeriesSamplerTest {
    private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
    private static final BurnRatePolicy POLICY = BurnRatePolicy.ga24h();

    private static SloEvaluator.Target target() {
        return new SloEvaluator.Target("api-availability", "api", 99.9, "availability", POLICY, 10, Map.of());
    }

    /**
     * A replay at 1-minute steps over {@code minutes}: every window holds 1,000 events and a number of errors
     * that differs per window and per minute (so that a value taken from the wrong time or window shows), and
     * no traffic at all in the minutes {@code quiet} divides.
     */
    private static SloEvaluator.Observations replay(int minutes, int quiet) {
        Instant[] times = new Instant[minutes + 1];
        for (int i = 0; i <= minutes; i++) {
            times[i] = T0.plusSeconds(60L * i);
        }
        Map<Duration, WindowCounts[]> windows = new LinkedHashMap<>();
        int w = 0;
        for (Duration window : POLICY.windows()) {
            WindowCounts[] counts = new WindowCounts[times.length];
            for (int i = 0; i < times.length; i++) {
                counts[i] =
                        quiet > 0 && i % quiet == 0 ? WindowCounts.NONE : new WindowCounts((i * 7 + w * 13) % 50, 1000);
            }
            windows.put(window, counts);
            w++;
        }
        return new SloEvaluator.Observations(
                T0, Duration.ofMinutes(minutes), new WindowCounts(100, 1_000_000), times, windows);
    }

    @Test
    void aDayAtOneMinuteIsSampledEveryFiveMinutesWithTheReplayedBurnRates() {
        SloEvaluator.Observations observed = replay(1440, 0);
        SloResult result = SloEvaluator.evaluate(target(), observed).result();
        SloBurnRateSeries series = result.burnRateSeries();
        assertNotNull(series);
        assertEquals(T0, series.start());
        assertEquals(300, series.stepSeconds());
        assertEquals(289, series.points());
        // The long windows of the four alerts, shortest first; the short windows are not charted.
        assertEquals(
                List.of("5m", "30m", "2h", "6h"),
                series.windows().stream().map(SloBurnRateSeries.Window::window).toList());
        int compared = 0;
        for (AlertRule rule : POLICY.rules()) {
            WindowCounts[] replayed = observed.windows().get(rule.longWindow());
            List<Double> values = series.burnRates(DurationConverter.format(rule.longWindow()));
            for (int i = 0; i < series.points(); i++) {
                int minute = i * 5;
                assertEquals(observed.times()[minute], series.at(i));
                double expected = replayed[minute].burnRate(0.001);
                // Six significant digits: within half a unit of the sixth.
                assertEquals(expected, values.get(i), 5e-6 * expected, rule + " at point " + i);
                assertEquals(BurnRateSeriesSampler.significant(expected), values.get(i), 0, rule + " at point " + i);
                compared++;
            }
        }
        assertEquals(4 * 289, compared);
        // The last point is the window's end: the burn rates at the end agree with the file's burnRates.
        assertEquals(T0.plus(Duration.ofHours(24)), series.at(series.points() - 1));
        assertEquals(
                result.burnRates().get("6h"),
                series.burnRates("6h").get(288),
                5e-6 * result.burnRates().get("6h"));
    }

    @Test
    void aLongReplayStaysWithinTheBoundAndAShortOneKeepsEveryPoint() {
        SloBurnRateSeries week = BurnRateSeriesSampler.sample(target(), replay(7 * 1440, 0));
        assertTrue(week.points() <= BurnRateSeriesSampler.MAX_POINTS, "points " + week.points());
        assertTrue(week.points() > BurnRateSeriesSampler.MAX_POINTS / 2, "points " + week.points());
        assertEquals(0, 7 * 1440 * 60 % week.stepSeconds());
        assertEquals(T0.plus(Duration.ofDays(7)), week.at(week.points() - 1));

        SloBurnRateSeries hour = BurnRateSeriesSampler.sample(target(), replay(60, 0));
        assertEquals(60, hour.stepSeconds());
        assertEquals(61, hour.points());

        for (int minutes = 1; minutes <= 3000; minutes += 37) {
            SloBurnRateSeries s = BurnRateSeriesSampler.sample(target(), replay(minutes, 0));
            assertTrue(s.points() <= BurnRateSeriesSampler.MAX_POINTS, minutes + " minutes: " + s.points());
        }
    }

    @Test
    void noTrafficIsNullNotZero() {
        // Every 5th minute without traffic: with 5-minute sampling every point of the day is such a minute.
        SloBurnRateSeries quietPoints = BurnRateSeriesSampler.sample(target(), replay(1440, 5));
        assertTrue(quietPoints.windows().stream()
                .allMatch(w -> w.burnRates().stream().allMatch(v -> v == null)));
        // Every 10th minute: every other point is null, the others are numbers.
        SloBurnRateSeries half = BurnRateSeriesSampler.sample(target(), replay(1440, 10));
        List<Double> values = half.burnRates("30m");
        for (int i = 0; i < values.size(); i++) {
            assertEquals(i % 2 == 0, values.get(i) == null, "point " + i);
        }
    }

    @Test
    void aSkippedLiveCycleLeavesAGap() {
        // Live ticks every minute from T0+1m; the tick at 00:03 is missing (Prometheus was down).
        Instant[] times = {T0.plusSeconds(60), T0.plusSeconds(120), T0.plusSeconds(240), T0.plusSeconds(300)};
        Map<Duration, WindowCounts[]> windows = new LinkedHashMap<>();
        for (Duration window : POLICY.windows()) {
            windows.put(window, new WindowCounts[] {
                new WindowCounts(1, 1000),
                new WindowCounts(2, 1000),
                new WindowCounts(4, 1000),
                new WindowCounts(5, 1000)
            });
        }
        SloBurnRateSeries series = BurnRateSeriesSampler.sample(
                target(),
                new SloEvaluator.Observations(T0, Duration.ofMinutes(5), new WindowCounts(12, 5000), times, windows));
        assertEquals(T0.plusSeconds(60), series.start());
        assertEquals(60, series.stepSeconds());
        assertEquals(java.util.Arrays.asList(1.0, 2.0, null, 4.0, 5.0), rounded(series.burnRates("2h")));
    }

    @Test
    void theSeriesRoundTripsThroughJsonAndAFileWithoutItStillReads() {
        SloResult result = SloEvaluator.evaluate(target(), replay(120, 7)).result();
        String json = Json.write(result);
        SloResult read = Json.mapper().convertValue(Json.mapper().valueToTree(result), SloResult.class);
        assertEquals(result.burnRateSeries(), read.burnRateSeries());
        assertTrue(json.contains("\"burnRateSeries\""), json);
        // An older file: no burnRateSeries at all.
        com.fasterxml.jackson.databind.node.ObjectNode older = Json.mapper().valueToTree(result);
        older.remove("burnRateSeries");
        SloResult old = Json.mapper().convertValue(older, SloResult.class);
        assertNull(old.burnRateSeries());
        assertEquals(result.burnRates(), old.burnRates());
    }

    @Test
    void burnRatesKeepSixSignificantDigits() {
        assertEquals(0.939232, BurnRateSeriesSampler.significant(0.9392317084624777), 0);
        assertEquals(80.728, BurnRateSeriesSampler.significant(80.72801996183766), 0);
        assertEquals(0.000123457, BurnRateSeriesSampler.significant(0.0001234567), 0);
        assertEquals(12345700, BurnRateSeriesSampler.significant(12345678.9), 0);
        assertEquals(0, BurnRateSeriesSampler.significant(0), 0);
        assertEquals("0.939232", Double.toString(BurnRateSeriesSampler.significant(0.9392317084624777)));
    }

    @Test
    void noDataHasNoSeries() {
        SloResult unavailable =
                SloEvaluator.unavailable(target(), "NO_DATA", "no series").result();
        assertNull(unavailable.burnRateSeries());
    }

    private static List<Double> rounded(List<Double> values) {
        return values.stream()
                .map(v -> v == null ? null : (double) Math.round(v * 1e9) / 1e9)
                .toList();
    }
}
