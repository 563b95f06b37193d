package dev.gaday.slo.math;

/**
 * The increase of a counter over raw samples with resets handled the way Prometheus does: a sample lower
 * than its predecessor means the process restarted from zero, so the whole new value counts.
 */
public final class CounterIncrease {
    private CounterIncrease() {
    }

    /** Sum of the increases between consecutive samples; 0 for fewer than two samples. */
    public static double of(double[] values) {
        double increase = 0;
        for (int i = 1; i < values.length; i++) {
            double delta = values[i] - values[i - 1];
            increase += delta >= 0 ? delta : values[i];
        }
        return increase;
    }
}
