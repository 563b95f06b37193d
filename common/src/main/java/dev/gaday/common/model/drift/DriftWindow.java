package dev.gaday.common.model.drift;

import java.time.Instant;
import java.util.Objects;

/** One side's time range of a drift comparison: [start, end]. */
public record DriftWindow(Instant start, Instant end) {
    public DriftWindow {
        Objects.requireNonNull(start, "window.start");
        Objects.requireNonNull(end, "window.end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("window end " + end + " is not after its start " + start);
        }
    }
}
