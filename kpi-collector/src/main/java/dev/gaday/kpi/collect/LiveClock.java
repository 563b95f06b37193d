package dev.gaday.kpi.collect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The time a live run keeps: now, and how long to really wait until a given time. */
public interface LiveClock {
    Instant now();

    /** Real milliseconds until {@code time} (at least 0). */
    long millisUntil(Instant time);

    static LiveClock of(Clock clock) {
        return new LiveClock() {
            @Override
            public Instant now() {
                return clock.instant();
            }

            @Override
            public long millisUntil(Instant time) {
                return Math.max(0, Duration.between(clock.instant(), time).toMillis());
            }
        };
    }
}
