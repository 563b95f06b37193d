package dev.gaday.slo.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertEvaluatorTest {
    private static final double BUDGET = 0.001;
    private static final AlertRule PAGE =
            new AlertRule(AlertRule.Severity.PAGE, Duration.ofMinutes(5), Duration.ofMinutes(1), 14.4);
    private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");

    private static Instant[] times(int n) {
        Instant[] times = new Instant[n];
        for (int i = 0; i < n; i++) {
            times[i] = T0.plusSeconds(60L * i);
        }
        return times;
    }

    /** Error ratios per point as counts of 10,000 events. */
    private static WindowCounts[] ratios(double... ratios) {
        WindowCounts[] counts = new WindowCounts[ratios.length];
        for (int i = 0; i < ratios.length; i++) {
            counts[i] = new WindowCounts(ratios[i] * 10_000, 10_000);
        }
        return counts;
    }

    @Test
    void firesOnlyWhileBothWindowsBurnTooFast() {
        // burn = ratio / 0.001: long 20 20 20 20 5; short 20 5 20 20 20.
        WindowCounts[] longW = ratios(0.02, 0.02, 0.02, 0.02, 0.005);
        WindowCounts[] shortW = ratios(0.02, 0.005, 0.02, 0.02, 0.02);
        AlertEvaluator.Track track = AlertEvaluator.evaluate(PAGE, times(5), longW, shortW, BUDGET, 70);
        assertEquals(2, track.firings().size());
        assertEquals(T0, track.firings().get(0).from());
        assertEquals(T0.plusSeconds(60), track.firings().get(0).to());
        assertEquals(T0.plusSeconds(120), track.firings().get(1).from());
        assertEquals(T0.plusSeconds(240), track.firings().get(1).to());
        assertFalse(track.firingAtEnd());
        assertEquals(20, track.peakBurnRate(), 1e-9);
    }

    @Test
    void exactlyTheFactorDoesNotFire() {
        WindowCounts[] at = ratios(0.0144, 0.0144);
        AlertEvaluator.Track track = AlertEvaluator.evaluate(PAGE, times(2), at, at, BUDGET, 70);
        assertTrue(track.firings().isEmpty());
    }

    @Test
    void stillFiringAtTheEndStaysOpen() {
        WindowCounts[] hot = ratios(0, 0.03, 0.03);
        AlertEvaluator.Track track = AlertEvaluator.evaluate(PAGE, times(3), hot, hot, BUDGET, 70);
        assertTrue(track.firingAtEnd());
        assertEquals(1, track.firings().size());
        assertNull(track.firings().get(0).to());
    }

    @Test
    void oneErrorInAQuietWindowIsSuppressedNotAPage() {
        // 1 error in 30 requests: burn 33, but 30 < 70 events.
        WindowCounts[] quiet = {new WindowCounts(1, 30), new WindowCounts(1, 30)};
        AlertEvaluator.Track track = AlertEvaluator.evaluate(PAGE, times(2), quiet, quiet, BUDGET, 70);
        assertTrue(track.firings().isEmpty());
        assertEquals(2, track.suppressedPoints());
        // With the guard off the same window pages.
        assertEquals(
                1,
                AlertEvaluator.evaluate(PAGE, times(2), quiet, quiet, BUDGET, 0)
                        .firings()
                        .size());
    }

    @Test
    void noTrafficNeverFires() {
        WindowCounts[] none = {WindowCounts.NONE, WindowCounts.NONE};
        AlertEvaluator.Track track = AlertEvaluator.evaluate(PAGE, times(2), none, none, BUDGET, 0);
        assertTrue(track.firings().isEmpty());
        assertEquals(0, track.peakBurnRate());
    }

    @Test
    void mergeJoinsOverlappingFiringsAndKeepsOpenOnes() {
        List<AlertEvaluator.Firing> merged = AlertEvaluator.merge(List.of(
                new AlertEvaluator.Firing(T0.plusSeconds(600), T0.plusSeconds(900), 5),
                new AlertEvaluator.Firing(T0, T0.plusSeconds(300), 20),
                new AlertEvaluator.Firing(T0.plusSeconds(120), T0.plusSeconds(600), 30),
                new AlertEvaluator.Firing(T0.plusSeconds(2000), null, 7)));
        assertEquals(2, merged.size());
        assertEquals(new AlertEvaluator.Firing(T0, T0.plusSeconds(900), 30), merged.get(0));
        assertEquals(new AlertEvaluator.Firing(T0.plusSeconds(2000), null, 7), merged.get(1));
    }
}
