package dev.gaday.testkit;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a condition by polling with a bounded timeout: integration tests poll, never sleep.
 * A condition that throws counts as "not yet"; its last exception is attached to the timeout error.
 */
public final class Poll {

    private Poll() {}

    /** Polls {@code condition} every {@code every} until it holds; AssertionError naming {@code what} on timeout. */
    public static void until(String what, Duration timeout, Duration every, BooleanSupplier condition) {
        untilPresent(
                what, timeout, every, () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty());
    }

    /** Same as {@link #until(String, Duration, Duration, BooleanSupplier)} with a generic description. */
    public static void until(Duration timeout, Duration every, Supplier<Boolean> condition) {
        until("condition", timeout, every, () -> Boolean.TRUE.equals(condition.get()));
    }

    /** Polls until {@code probe} returns a value and returns it; AssertionError naming {@code what} on timeout. */
    public static <T> T untilPresent(String what, Duration timeout, Duration every, Supplier<Optional<T>> probe) {
        Objects.requireNonNull(probe, "probe");
        if (timeout.isNegative() || every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("timeout must be >= 0 and every > 0");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        int attempts = 0;
        RuntimeException last = null;
        while (true) {
            attempts++;
            try {
                Optional<T> value = probe.get();
                if (value.isPresent()) {
                    return value.get();
                }
                last = null;
            } catch (RuntimeException e) {
                last = e;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                AssertionError error = new AssertionError("timed out after " + timeout.toMillis() + " ms (" + attempts
                        + " attempts, every " + every.toMillis() + " ms) waiting for " + what
                        + (last != null ? "; last attempt failed: " + last : ""));
                if (last != null) {
                    error.initCause(last);
                }
                throw error;
            }
            pause(Math.min(remaining, every.toNanos()));
        }
    }

    private static void pause(long nanos) {
        try {
            // The one place a wait belongs: between two polls of a bounded loop.
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while polling", e);
        }
    }
}
