package dev.gaday.drift.collect;

/**
 * One side's samples of one check, in time order on the step grid; {@code totals} only for ratio
 * metrics (then {@code values} are the errors per step). {@code expected} is the number of grid
 * points of the window, so {@code expected − size()} steps had no (finite) sample: gaps are counted,
 * never filled.
 */
public record Samples(long[] timestamps, double[] values, double[] totals, int expected) {

    public int size() {
        return values.length;
    }

    public int missing() {
        return Math.max(0, expected - values.length);
    }

    public double sumValues() {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum;
    }

    public double sumTotals() {
        double sum = 0;
        for (double v : totals) {
            sum += v;
        }
        return sum;
    }
}
