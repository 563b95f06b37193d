package dev.gaday.drift;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that starts at a chosen instant and runs {@code speed} times faster than real time (live-mode tests). */
final class AcceleratedClock extends Clock {
    private final Instant origin;
    private final double speed;
    private final long startNanos = System.nanoTime();

    AcceleratedClock(Instant origin, double speed) {
        this.origin = origin;
        this.speed = speed;
    }

    @Override
    public Instant instant() {
        return origin.plusNanos((long) ((System.nanoTime() - startNanos) * speed));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
