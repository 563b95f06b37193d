package dev.gaday.kpi;

import dev.gaday.kpi.collect.LiveClock;
import java.time.Duration;
import java.time.Instant;

/**
 * A live clock that starts at a chosen moment of the backfilled history and runs {@code factor}
 * times faster than real time, so that a live run over recorded data takes seconds.
 */
final class AcceleratedClock implements LiveClock {
    private final Instant origin;
    private final long realOriginNanos = System.nanoTime();
    private final double factor;

    AcceleratedClock(Instant origin, double factor) {
        this.origin = origin;
        this.factor = factor;
    }

    @Override
    public Instant now() {
        long elapsedNanos = System.nanoTime() - realOriginNanos;
        return origin.plusNanos((long) (elapsedNanos * factor));
    }

    @Override
    public long millisUntil(Instant time) {
        return Math.max(0, (long) (Duration.between(now(), time).toMillis() / factor));
    }
}
