package dev.gaday.common.prometheus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A range query's grid: timestamps {@code start + k*step} for every k with the timestamp
 * {@code <= end}. {@link #split(int)} cuts it into consecutive chunks on the same grid, so that
 * stitching the chunks' answers gives each timestamp exactly once.
 */
public record QueryRange(Instant start, Instant end, Duration step) {
    /** Prometheus refuses a range query returning more than 11,000 points per series. */
    public static final int MAX_POINTS_PER_REQUEST = 11_000;

    public QueryRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(step, "step");
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("range query step must be positive, got " + step);
        }
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("range query end " + end + " is before its start " + start);
        }
    }

    /** Number of grid timestamps in [start, end]. */
    public long points() {
        return Duration.between(start, end).toNanos() / step.toNanos() + 1;
    }

    /** The last grid timestamp (at or before end). */
    public Instant lastPoint() {
        return start.plus(step.multipliedBy(points() - 1));
    }

    /** Consecutive chunks of at most {@code maxPoints} grid points each, in order, covering every point once. */
    public List<QueryRange> split(int maxPoints) {
        if (maxPoints < 1) {
            throw new IllegalArgumentException("maxPoints must be at least 1, got " + maxPoints);
        }
        long points = points();
        List<QueryRange> chunks = new ArrayList<>();
        for (long first = 0; first < points; first += maxPoints) {
            long last = Math.min(first + maxPoints, points) - 1;
            chunks.add(new QueryRange(start.plus(step.multipliedBy(first)), start.plus(step.multipliedBy(last)), step));
        }
        return chunks;
    }
}
