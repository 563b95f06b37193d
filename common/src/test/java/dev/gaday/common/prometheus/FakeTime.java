package dev.gaday.common.prometheus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Virtual time for retry tests: sleeps are recorded and advance the clock instead of waiting. */
final class FakeTime {
    final List<Duration> sleeps = new ArrayList<>();
    private long virtualNanos;
    private final boolean includeRealTime;
    private final long realStart = System.nanoTime();

    /** @param includeRealTime add real elapsed time (when real HTTP calls take part) */
    FakeTime(boolean includeRealTime) {
        this.includeRealTime = includeRealTime;
    }

    long nanoTime() {
        return virtualNanos + (includeRealTime ? System.nanoTime() - realStart : 0);
    }

    void sleep(Duration duration) {
        sleeps.add(duration);
        virtualNanos += duration.toNanos();
    }

    void advance(Duration duration) {
        virtualNanos += duration.toNanos();
    }

    Duration totalSlept() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }

    RetryPolicy apply(RetryPolicy policy, java.util.function.DoubleSupplier random) {
        return policy.withTiming(this::sleep, this::nanoTime, random);
    }
}
