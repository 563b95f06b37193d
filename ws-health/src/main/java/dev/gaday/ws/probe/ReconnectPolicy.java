package dev.gaday.ws.probe;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter, the behaviour the hotfix gives the client: before
 * attempt {@code n} (0-based) wait a uniformly random time in [0, min(max, initial * multiplier^n)].
 */
public record ReconnectPolicy(Duration initialDelay, Duration maxDelay, double multiplier) {
    public ReconnectPolicy {
        if (initialDelay.isNegative() || maxDelay.isNegative()) {
            throw new IllegalArgumentException("reconnect delays must not be negative");
        }
        if (maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("--reconnect-max-delay must be at least --reconnect-initial-delay");
        }
        if (!(multiplier >= 1.0) || !Double.isFinite(multiplier)) {
            throw new IllegalArgumentException("--reconnect-multiplier must be a number >= 1");
        }
    }

    /** The upper bound of the random delay before attempt {@code attempt}. */
    public long capNanos(int attempt) {
        double cap = initialDelay.toNanos() * Math.pow(multiplier, Math.min(attempt, 200));
        return (long) Math.min(cap, maxDelay.toNanos());
    }

    /** The delay this policy schedules before attempt {@code attempt}. */
    public long delayNanos(int attempt) {
        long cap = capNanos(attempt);
        return cap <= 0 ? 0 : ThreadLocalRandom.current().nextLong(cap + 1);
    }
}
