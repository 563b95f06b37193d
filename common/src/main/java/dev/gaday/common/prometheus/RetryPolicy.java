package dev.gaday.common.prometheus;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * Exponential backoff with full jitter, bounded by a number of attempts AND a total time budget.
 * Before retry {@code n} (0-based) it sleeps {@code random(0, min(maxDelay, baseDelay * 2^n))}; a
 * server's Retry-After (429/503) replaces that delay. Only {@link PrometheusException#retryable()}
 * failures are retried. The sleeper, clock and random source are injectable so tests can check
 * the bounds without sleeping.
 *
 * @param maxAttempts attempts in all, at least 1 (1 = no retry)
 * @param baseDelay   the backoff cap before the first retry
 * @param maxDelay    the largest backoff cap
 * @param budget      total time for all attempts and sleeps; no attempt starts after it is spent
 * @param sleeper     how to wait
 * @param nanoClock   a monotonic clock in nanoseconds
 * @param random      uniform doubles in [0, 1)
 * @param listener    told before each wait, e.g. to print "retrying in 1.2s" with -v
 */
public record RetryPolicy(
        int maxAttempts,
        Duration baseDelay,
        Duration maxDelay,
        Duration budget,
        Sleeper sleeper,
        LongSupplier nanoClock,
        DoubleSupplier random,
        RetryListener listener) {

    public static final int DEFAULT_MAX_RETRIES = 4;
    public static final Duration DEFAULT_BASE_DELAY = Duration.ofMillis(500);
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(10);
    public static final Duration DEFAULT_BUDGET = Duration.ofMinutes(2);

    /** How the policy waits between attempts. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** Hears about each retry before its wait. */
    @FunctionalInterface
    public interface RetryListener {
        RetryListener NONE = (failure, nextAttempt, maxAttempts, delay) -> {};

        void retrying(PrometheusException failure, int nextAttempt, int maxAttempts, Duration delay);
    }

    /** One attempt of a request. */
    @FunctionalInterface
    public interface Attempt<T> {
        /**
         * @param timeLeft what is left of the budget; the attempt should not take longer
         */
        T run(Duration timeLeft);
    }

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        requirePositive("baseDelay", baseDelay);
        requirePositive("maxDelay", maxDelay);
        requirePositive("budget", budget);
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(nanoClock, "nanoClock");
        Objects.requireNonNull(random, "random");
        listener = listener == null ? RetryListener.NONE : listener;
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    /** 4 retries (5 attempts), 0.5 s base, 10 s cap, 2 min budget, real time. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(
                DEFAULT_MAX_RETRIES + 1,
                DEFAULT_BASE_DELAY,
                DEFAULT_MAX_DELAY,
                DEFAULT_BUDGET,
                duration -> Thread.sleep(duration.toMillis()),
                System::nanoTime,
                () -> ThreadLocalRandom.current().nextDouble(),
                RetryListener.NONE);
    }

    /** One attempt, no retry. */
    public static RetryPolicy none() {
        return defaults().withMaxRetries(0);
    }

    public RetryPolicy withMaxRetries(int maxRetries) {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("max retries must be >= 0, got " + maxRetries);
        }
        return new RetryPolicy(maxRetries + 1, baseDelay, maxDelay, budget, sleeper, nanoClock, random, listener);
    }

    public RetryPolicy withDelays(Duration base, Duration max) {
        return new RetryPolicy(maxAttempts, base, max, budget, sleeper, nanoClock, random, listener);
    }

    public RetryPolicy withBudget(Duration newBudget) {
        return new RetryPolicy(maxAttempts, baseDelay, maxDelay, newBudget, sleeper, nanoClock, random, listener);
    }

    /** Replaces time and randomness, for tests. */
    public RetryPolicy withTiming(Sleeper newSleeper, LongSupplier newNanoClock, DoubleSupplier newRandom) {
        return new RetryPolicy(maxAttempts, baseDelay, maxDelay, budget, newSleeper, newNanoClock, newRandom, listener);
    }

    public RetryPolicy withListener(RetryListener newListener) {
        return new RetryPolicy(maxAttempts, baseDelay, maxDelay, budget, sleeper, nanoClock, random, newListener);
    }

    /** The backoff cap before retry {@code retryIndex} (0 = first retry): min(maxDelay, base * 2^n). */
    public Duration backoffCap(int retryIndex) {
        long base = baseDelay.toNanos();
        long cap = maxDelay.toNanos();
        int shift = Math.min(retryIndex, 62);
        long exponential = base > (cap >> shift) ? cap : base << shift;
        return Duration.ofNanos(Math.min(cap, exponential));
    }

    /** Full jitter: uniform in [0, backoffCap(retryIndex)]. */
    public Duration backoff(int retryIndex) {
        double r = random.getAsDouble();
        if (!(r >= 0.0) || r > 1.0) {
            r = 0.0;
        }
        return Duration.ofNanos((long) (backoffCap(retryIndex).toNanos() * r));
    }

    /**
     * Runs the attempt until it succeeds, fails with a non-retryable error (thrown as is), or the
     * attempts or the budget are spent (one exception naming the attempts and the last failure).
     */
    public <T> T execute(Attempt<T> attempt) {
        long startNanos = nanoClock.getAsLong();
        long budgetNanos = budget.toNanos();
        for (int attemptNumber = 1; ; attemptNumber++) {
            long left = budgetNanos - (nanoClock.getAsLong() - startNanos);
            PrometheusException failure;
            try {
                return attempt.run(Duration.ofNanos(Math.max(left, 1)));
            } catch (PrometheusException e) {
                failure = e;
            }
            if (!failure.retryable()) {
                // After earlier retried failures, say so: the user should know the server was flaky too.
                throw attemptNumber == 1
                        ? failure
                        : PrometheusException.exhausted(failure, attemptNumber, "failed", "");
            }
            if (Thread.currentThread().isInterrupted()) {
                // Cancelled (e.g. a sibling query failed the run): no retry, and no "retrying in" line for it.
                throw PrometheusException.exhausted(failure, attemptNumber, "interrupted", "");
            }
            if (attemptNumber >= maxAttempts) {
                throw PrometheusException.exhausted(
                        failure,
                        attemptNumber,
                        maxAttempts == 1 ? "failed" : "gave up",
                        maxAttempts == 1 ? " (retries disabled)" : "");
            }
            Duration delay =
                    failure.retryAfter().isPresent() ? failure.retryAfter().get() : backoff(attemptNumber - 1);
            left = budgetNanos - (nanoClock.getAsLong() - startNanos);
            if (delay.toNanos() >= left) {
                String why = failure.retryAfter().isPresent()
                        ? "server asked to retry after " + format(delay) + ", beyond the retry budget of "
                                + format(budget) + "; gave up"
                        : "retry budget of " + format(budget) + " spent";
                throw PrometheusException.exhausted(failure, attemptNumber, why, "");
            }
            listener.retrying(failure, attemptNumber + 1, maxAttempts, delay);
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw PrometheusException.exhausted(failure, attemptNumber, "interrupted while waiting to retry", "");
            }
        }
    }

    static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis < 1000 ? millis + "ms" : String.format(java.util.Locale.ROOT, "%.1fs", millis / 1000.0);
    }
}
