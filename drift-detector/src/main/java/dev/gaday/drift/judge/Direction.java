package dev.gaday.drift.judge;

import java.util.Locale;

/** Which way of change is bad for a metric. */
public enum Direction {
    /** A rise is bad (errors, latency, CPU, memory). */
    INCREASE,
    /** A fall is bad (throughput, hit ratios). */
    DECREASE,
    /** Any large change is bad. */
    EITHER;

    public boolean badWhenHigher() {
        return this != DECREASE;
    }

    public boolean badWhenLower() {
        return this != INCREASE;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Direction parse(String text) {
        for (Direction d : values()) {
            if (d.id().equals(text)) {
                return d;
            }
        }
        throw new IllegalArgumentException("direction '" + text + "' is not one of increase, decrease, either");
    }
}
