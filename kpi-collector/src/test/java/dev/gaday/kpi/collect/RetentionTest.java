package dev.gaday.kpi.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The retention from /api/v1/status/flags as Prometheus writes its durations and defaults. */
class RetentionTest {
    @Test
    void prometheusDurationsInDays() {
        assertEquals(15.0, Retention.fromFlags(Map.of(Retention.FLAG, "15d")).days());
        assertEquals(
                36500.0, Retention.fromFlags(Map.of(Retention.FLAG, "100y")).days());
        assertEquals(14.5, Retention.fromFlags(Map.of(Retention.FLAG, "2w12h")).days());
        assertEquals(0.5, Retention.fromFlags(Map.of(Retention.FLAG, "720m")).days(), 1e-12);
    }

    @Test
    void zeroMeansTheDefaultUnlessASizeLimitIsSet() {
        assertEquals(
                15.0,
                Retention.fromFlags(Map.of(Retention.FLAG, "0s", "storage.tsdb.retention.size", "0B"))
                        .days());
        Retention bySize = Retention.fromFlags(Map.of(Retention.FLAG, "0s", "storage.tsdb.retention.size", "50GB"));
        assertNull(bySize.days());
        assertTrue(bySize.reason().startsWith("retention by size only"), bySize.reason());
        assertEquals(
                30.0,
                Retention.fromFlags(Map.of(Retention.FLAG, "0s", "storage.tsdb.retention", "30d"))
                        .days());
    }

    @Test
    void unknownWhenTheServerSaysNothing() {
        assertTrue(Retention.fromFlags(Map.of()).reason().contains("no /api/v1/status/flags"));
        assertNull(Retention.fromFlags(Map.of(Retention.FLAG, "soon")).days());
        assertNull(Retention.seconds("15dd"));
    }
}
