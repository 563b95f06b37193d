package dev.gaday.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PollTest {

    @Test
    void returnsOnceTheConditionHolds() {
        AtomicInteger calls = new AtomicInteger();
        Poll.until(Duration.ofSeconds(5), Duration.ofMillis(1), () -> calls.incrementAndGet() >= 3);
        assertEquals(3, calls.get());
    }

    @Test
    void returnsTheFirstPresentValue() {
        AtomicInteger calls = new AtomicInteger();
        String value = Poll.untilPresent(
                "the third call",
                Duration.ofSeconds(5),
                Duration.ofMillis(1),
                () -> calls.incrementAndGet() == 3 ? Optional.of("ready") : Optional.empty());
        assertEquals("ready", value);
    }

    @Test
    void timesOutWithTheWhatAndTheAttempts() {
        AtomicInteger calls = new AtomicInteger();
        AssertionError e = assertThrows(
                AssertionError.class,
                () -> Poll.until("the moon to turn blue", Duration.ofMillis(50), Duration.ofMillis(10), () -> {
                    calls.incrementAndGet();
                    return false;
                }));
        assertTrue(
                e.getMessage()
                        .startsWith("timed out after 50 ms (" + calls.get()
                                + " attempts, every 10 ms) waiting for the moon to turn blue"),
                e.getMessage());
        assertTrue(calls.get() >= 2, "polled more than once: " + calls.get());
    }

    @Test
    void keepsTheLastExceptionOfAFailingProbe() {
        IllegalStateException boom = new IllegalStateException("connection refused");
        AssertionError e = assertThrows(
                AssertionError.class,
                () -> Poll.until("server", Duration.ofMillis(20), Duration.ofMillis(5), () -> {
                    throw boom;
                }));
        assertTrue(e.getMessage().endsWith("last attempt failed: " + boom), e.getMessage());
        assertSame(boom, e.getCause());
    }

    @Test
    void rejectsANonPositiveInterval() {
        assertThrows(
                IllegalArgumentException.class, () -> Poll.until(Duration.ofSeconds(1), Duration.ZERO, () -> true));
    }
}
