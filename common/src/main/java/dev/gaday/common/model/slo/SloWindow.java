package dev.gaday.common.model.slo;

import java.time.Instant;
import java.util.Objects;

/** The evaluated window [start, end] and the resolution of the burn-rate series (seconds). */
public record SloWindow(Instant start, Instant end, long resolutionSeconds) {
    public SloWindow {
        Objects.requireNonNull(start, "window.start");
        Objects.requireNonNull(end, "window.end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("window.end " + end + " is not after window.start " + start);
        }
        if (resolutionSeconds <= 0) {
            throw new IllegalArgumentException("window.resolutionSeconds must be positive");
        }
    }
}
