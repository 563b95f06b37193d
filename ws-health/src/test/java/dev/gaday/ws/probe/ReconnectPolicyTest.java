package dev.gaday.ws.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReconnectPolicyTest {
    private final ReconnectPolicy policy = new ReconnectPolicy(Duration.ofMillis(100), Duration.ofSeconds(1), 2.0);

    @Test
    void capGrowsByTheMultiplierUpToTheMaximum() {
        assertEquals(100_000_000L, policy.capNanos(0));
        assertEquals(200_000_000L, policy.capNanos(1));
        assertEquals(800_000_000L, policy.capNanos(3));
        assertEquals(1_000_000_000L, policy.capNanos(4));
        assertEquals(1_000_000_000L, policy.capNanos(10_000));
    }

    @Test
    void fullJitterSpreadsDelaysOverTheWholeRange() {
        long min = Long.MAX_VALUE;
        long max = 0;
        double sum = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            long delay = policy.delayNanos(2);
            assertTrue(delay >= 0 && delay <= 400_000_000L, "delay " + delay);
            min = Math.min(min, delay);
            max = Math.max(max, delay);
            sum += delay;
        }
        assertTrue(min < 20_000_000L, "some delays near 0: " + min);
        assertTrue(max > 380_000_000L, "some delays near the cap: " + max);
        assertEquals(200_000_000L, sum / n, 10_000_000L, "uniform: the mean is half the cap");
    }

    @Test
    void zeroInitialDelayMeansImmediateAttempts() {
        ReconnectPolicy immediate = new ReconnectPolicy(Duration.ZERO, Duration.ofSeconds(1), 2.0);
        assertEquals(0, immediate.delayNanos(5));
    }

    @Test
    void nonsenseIsRejected() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new ReconnectPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), 2.0));
        assertThrows(
                IllegalArgumentException.class,
                () -> new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(2), 0.5));
        assertThrows(
                IllegalArgumentException.class,
                () -> new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(2), Double.NaN));
    }
}
