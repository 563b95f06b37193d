package dev.gaday.common.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.prometheus.PrometheusException.Kind;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private static final String REQUEST = "POST http://prom:9090/api/v1/query [query=up]";

    private static PrometheusException failure(Kind kind, int status, Duration retryAfter) {
        return PrometheusException.of(kind, REQUEST, status, null, "HTTP " + status, retryAfter, null);
    }

    @Test
    void capGrowsExponentiallyUpToTheMaximum() {
        RetryPolicy policy = RetryPolicy.defaults().withDelays(Duration.ofMillis(100), Duration.ofSeconds(2));
        assertEquals(Duration.ofMillis(100), policy.backoffCap(0));
        assertEquals(Duration.ofMillis(200), policy.backoffCap(1));
        assertEquals(Duration.ofMillis(1600), policy.backoffCap(4));
        assertEquals(Duration.ofSeconds(2), policy.backoffCap(5));
        assertEquals(Duration.ofSeconds(2), policy.backoffCap(100), "no overflow for large exponents");
    }

    @Test
    void fullJitterSpansZeroToTheCap() {
        RetryPolicy policy = RetryPolicy.defaults().withDelays(Duration.ofMillis(100), Duration.ofSeconds(2));
        assertEquals(
                Duration.ZERO,
                policy.withTiming(d -> {}, System::nanoTime, () -> 0.0).backoff(3));
        assertEquals(
                Duration.ofMillis(400),
                policy.withTiming(d -> {}, System::nanoTime, () -> 0.5).backoff(3));
        Duration nearTop =
                policy.withTiming(d -> {}, System::nanoTime, () -> 0.999_999).backoff(3);
        assertTrue(nearTop.compareTo(Duration.ofMillis(799)) > 0 && nearTop.compareTo(Duration.ofMillis(800)) <= 0);
    }

    @Test
    void everySleepWithinItsCapAndTheTotalWithinTheBudget() {
        Random random = new Random(42);
        for (int run = 0; run < 200; run++) {
            FakeTime time = new FakeTime(false);
            RetryPolicy policy = time.apply(
                    RetryPolicy.defaults()
                            .withMaxRetries(20)
                            .withDelays(Duration.ofMillis(50), Duration.ofSeconds(1))
                            .withBudget(Duration.ofSeconds(5)),
                    random::nextDouble);
            AtomicInteger attempts = new AtomicInteger();
            PrometheusException e = assertThrows(
                    PrometheusException.class,
                    () -> policy.execute(left -> {
                        attempts.incrementAndGet();
                        // each attempt costs a little time, never more than it is given (as the client's call timeout
                        // ensures)
                        time.advance(left.compareTo(Duration.ofMillis(20)) < 0 ? left : Duration.ofMillis(20));
                        throw failure(Kind.HTTP_STATUS, 503, null);
                    }));
            assertEquals(attempts.get(), e.attempts());
            assertEquals(attempts.get() - 1, time.sleeps.size(), "one sleep between two attempts");
            for (int i = 0; i < time.sleeps.size(); i++) {
                Duration sleep = time.sleeps.get(i);
                assertTrue(
                        !sleep.isNegative() && sleep.compareTo(policy.backoffCap(i)) <= 0,
                        "sleep " + i + " = " + sleep + " outside [0, " + policy.backoffCap(i) + "]");
                assertTrue(policy.backoffCap(i).compareTo(Duration.ofSeconds(1)) <= 0);
            }
            assertTrue(time.nanoTime() <= Duration.ofSeconds(5).toNanos(), "total " + time.nanoTime() + " ns");
            assertTrue(e.getMessage().contains(REQUEST), e.getMessage());
            assertTrue(e.getMessage().contains(attempts.get() + " attempts"), e.getMessage());
        }
    }

    @Test
    void stopsAtMaxAttemptsWithOneClearError() {
        FakeTime time = new FakeTime(false);
        RetryPolicy policy = time.apply(RetryPolicy.defaults().withMaxRetries(3), () -> 0.5);
        AtomicInteger attempts = new AtomicInteger();
        PrometheusException e = assertThrows(
                PrometheusException.class,
                () -> policy.execute(left -> {
                    attempts.incrementAndGet();
                    throw failure(Kind.UNREACHABLE, 0, null);
                }));
        assertEquals(4, attempts.get());
        assertEquals(4, e.attempts());
        assertEquals(3, time.sleeps.size());
        assertEquals(Kind.UNREACHABLE, e.kind());
        assertEquals(REQUEST + ": gave up after 4 attempts; last failure: HTTP 0", e.getMessage());
    }

    @Test
    void succeedsAfterTransientFailures() {
        FakeTime time = new FakeTime(false);
        RetryPolicy policy = time.apply(RetryPolicy.defaults(), () -> 1.0);
        AtomicInteger attempts = new AtomicInteger();
        String result = policy.execute(left -> {
            if (attempts.incrementAndGet() < 3) {
                throw failure(Kind.TIMEOUT, 0, null);
            }
            return "ok";
        });
        assertEquals("ok", result);
        assertEquals(3, attempts.get());
        assertEquals(java.util.List.of(Duration.ofMillis(500), Duration.ofSeconds(1)), time.sleeps);
    }

    @Test
    void clientErrorsAreNeverRetried() {
        for (int status : new int[] {400, 401, 403, 404, 422}) {
            AtomicInteger attempts = new AtomicInteger();
            PrometheusException original = failure(Kind.HTTP_STATUS, status, null);
            PrometheusException thrown = assertThrows(PrometheusException.class, () -> new FakeTime(false)
                    .apply(RetryPolicy.defaults(), () -> 0.5)
                    .execute(left -> {
                        attempts.incrementAndGet();
                        throw original;
                    }));
            assertEquals(1, attempts.get(), "HTTP " + status);
            assertSame(original, thrown);
        }
        for (Kind kind : new Kind[] {Kind.BAD_RESPONSE, Kind.UNSUPPORTED, Kind.TLS}) {
            AtomicInteger attempts = new AtomicInteger();
            assertThrows(PrometheusException.class, () -> new FakeTime(false)
                    .apply(RetryPolicy.defaults(), () -> 0.5)
                    .execute(left -> {
                        attempts.incrementAndGet();
                        throw failure(kind, 200, null);
                    }));
            assertEquals(1, attempts.get(), kind.name());
        }
    }

    @Test
    void aFinalFailureAfterRetriesCountsTheAttempts() {
        FakeTime time = new FakeTime(false);
        AtomicInteger attempts = new AtomicInteger();
        PrometheusException e = assertThrows(
                PrometheusException.class,
                () -> time.apply(RetryPolicy.defaults(), () -> 0.5).execute(left -> {
                    if (attempts.incrementAndGet() < 3) {
                        throw failure(Kind.HTTP_STATUS, 503, null);
                    }
                    throw PrometheusException.of(Kind.API_ERROR, REQUEST, 400, "bad_data", "parse error", null, null);
                }));
        assertEquals(3, attempts.get());
        assertEquals(3, e.attempts());
        assertEquals(dev.gaday.common.error.ExitCode.USAGE, e.exitCode());
        assertEquals(REQUEST + ": failed after 3 attempts; last failure: parse error", e.getMessage());
    }

    @Test
    void retryAfterReplacesTheBackoffAndIsCappedByTheBudget() {
        FakeTime time = new FakeTime(false);
        RetryPolicy policy = time.apply(RetryPolicy.defaults().withBudget(Duration.ofSeconds(30)), () -> 0.0);
        AtomicInteger attempts = new AtomicInteger();
        assertEquals("ok", policy.execute(left -> {
            if (attempts.incrementAndGet() == 1) {
                throw failure(Kind.HTTP_STATUS, 429, Duration.ofSeconds(7));
            }
            return "ok";
        }));
        assertEquals(java.util.List.of(Duration.ofSeconds(7)), time.sleeps);

        FakeTime time2 = new FakeTime(false);
        AtomicInteger attempts2 = new AtomicInteger();
        PrometheusException e = assertThrows(PrometheusException.class, () -> time2.apply(
                        RetryPolicy.defaults().withBudget(Duration.ofSeconds(30)), () -> 0.0)
                .execute(left -> {
                    attempts2.incrementAndGet();
                    throw failure(Kind.HTTP_STATUS, 503, Duration.ofSeconds(120));
                }));
        assertEquals(1, attempts2.get());
        assertTrue(time2.sleeps.isEmpty(), "does not sleep past the budget");
        assertTrue(
                e.getMessage().contains("server asked to retry after 120s, beyond the retry budget of 30s"),
                e.getMessage());
    }

    @Test
    void attemptIsToldTheTimeLeft() {
        FakeTime time = new FakeTime(false);
        RetryPolicy policy = time.apply(RetryPolicy.defaults().withBudget(Duration.ofSeconds(10)), () -> 0.0);
        time.advance(Duration.ofSeconds(3));
        java.util.List<Duration> lefts = new java.util.ArrayList<>();
        policy.execute(left -> {
            lefts.add(left);
            if (lefts.size() == 1) {
                time.advance(Duration.ofSeconds(4));
                throw failure(Kind.TIMEOUT, 0, null);
            }
            return 1;
        });
        assertEquals(java.util.List.of(Duration.ofSeconds(10), Duration.ofSeconds(6)), lefts);
    }
}
