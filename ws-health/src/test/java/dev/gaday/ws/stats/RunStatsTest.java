package dev.gaday.ws.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.gaday.common.model.ws.WsHealthMetrics.Latency;
import org.junit.jupiter.api.Test;

class RunStatsTest {
    private static final long MS = 1_000_000L;

    @Test
    void summarisesLatenciesInMilliseconds() {
        RunStats stats = new RunStats();
        for (int i = 1; i <= 100; i++) {
            stats.recordSuccess("drop", i * MS, null, 1);
        }
        stats.recordFailure("close");
        Latency latency = stats.reconnectLatency();
        assertEquals(50.5, latency.avg(), 1e-9);
        assertEquals(50.0, latency.p50(), 0.05);
        assertEquals(95.0, latency.p95(), 0.1);
        assertEquals(99.0, latency.p99(), 0.1);
        assertEquals(100.0, latency.max(), 0.1);
        assertEquals(1.0, latency.min(), 0.01);
        assertEquals(101, stats.totalTests());
        assertEquals(100, stats.successful());
        assertEquals(1, stats.failed());
        assertEquals(100.0 * 100 / 101, stats.successRatePercent(), 1e-9);
        assertEquals(100, stats.byMode().get("drop").successful());
        assertEquals(1, stats.byMode().get("close").failed());
        assertNull(stats.applicationLatency());
    }

    @Test
    void jitterIsTheAbsoluteDeviationFromThePlan() {
        RunStats stats = new RunStats();
        stats.recordJitter(2 * MS);
        stats.recordJitter(-4 * MS);
        assertEquals(3.0, stats.avgJitterMs());
        assertEquals(4.0, stats.maxJitterMs());
    }

    @Test
    void emptyRunHasNoData() {
        RunStats stats = new RunStats();
        assertNull(stats.successRatePercent());
        assertNull(stats.reconnectLatency().avg());
        assertNull(stats.maxDowntimeSeconds());
        assertNull(stats.avgJitterMs());
        assertEquals(0, stats.serverDrops().count());
    }

    @Test
    void maxDowntimeKeepsTheLongest() {
        RunStats stats = new RunStats();
        stats.recordDowntime(1500 * MS);
        stats.recordDowntime(200 * MS);
        assertEquals(1.5, stats.maxDowntimeSeconds());
    }
}
