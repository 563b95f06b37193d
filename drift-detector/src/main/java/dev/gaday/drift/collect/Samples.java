package dev.gaday.drift.collect;

/**
 * One side's samples of one check, in time order on the step grid; {@code totals} only for ratio
 * metrics (then {@code values} are the errors per step). {@code expected} is the number of grid
 * points of the window, so {@code expected − size()} steps had no (finite) sample: gaps are counted,
 * never filled. {@code aggregate} is the whole window's value where the metric has one of its own (a
 * latency quantile over the window's histogram), else null.
 */
public record Samples(long[] timestamps, double[] values, double[] totals, int expected, Double aggregate) {

    public Samples(long[] timestamps, double[] values, double[] totals, int expected) {
        this(timestamps, values, totals, expected, null);
    }

    public Samples withAggregate(Double windowAggregate) {
        return new Samples(timestamps, values, totals, expected, windowAggregate);
    }

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
