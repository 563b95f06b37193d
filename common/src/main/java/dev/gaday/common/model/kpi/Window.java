package dev.gaday.common.model.kpi;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** The time window a KPI file covers; {@code intervalSeconds} is the snapshot step. */
public record Window(Instant start, Instant end, long intervalSeconds) {
    public Window {
        Objects.requireNonNull(start, "window.start");
        Objects.requireNonNull(end, "window.end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("window.end " + end + " is not after window.start " + start);
        }
        if (intervalSeconds < 0) {
            throw new IllegalArgumentException("window.intervalSeconds must not be negative");
        }
    }

    public Duration duration() {
        return Duration.between(start, end);
    }
}
