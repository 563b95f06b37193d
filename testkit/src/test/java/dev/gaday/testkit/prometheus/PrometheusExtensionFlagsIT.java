package dev.gaday.testkit.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A server with extra flags beside a stock one, on the same backfill: the flags take effect, the data is one. */
class PrometheusExtensionFlagsIT {
    private static final String HEAVY = "count_over_time(up[2h])";
    private static final String LIGHT = "up{instance=\"checkout-0:8080\"}";

    @RegisterExtension
    static final PrometheusExtension STOCK = PrometheusExtension.withDataset(
            d -> d.hours(2).services(2).step(Duration.ofSeconds(300)).seed(11));

    @RegisterExtension
    static final PrometheusExtension LIMITED = STOCK.withFlags("--query.max-samples=10");

    @Test
    void theFlagsReachTheLimitedServerOnly() {
        PrometheusServer stock = STOCK.server();
        PrometheusServer limited = LIMITED.server();
        assertNotEquals(stock.port(), limited.port());
        assertEquals(stock.manifest(), limited.manifest());
        assertEquals(
                stock.singleValue(LIGHT, stock.evaluationTime()), limited.singleValue(LIGHT, limited.evaluationTime()));
        assertTrue(stock.query(HEAVY).path("result").size() > 0);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> limited.query(HEAVY));
        assertTrue(
                e.getMessage().contains("HTTP 422 execution: query processing would load too many samples"),
                e.getMessage());
    }
}
