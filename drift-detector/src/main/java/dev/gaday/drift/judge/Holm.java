package dev.gaday.drift.judge;

import java.util.Arrays;
import java.util.Comparator;

/** Holm's step-down correction: family-wise error control across the metrics of one run. */
public final class Holm {
    private Holm() {}

    /** Adjusted p-values in the input's order; NaN entries (metrics without a test) are left NaN. */
    public static double[] adjust(double[] pValues) {
        Integer[] order = new Integer[pValues.length];
        int tested = 0;
        for (int i = 0; i < pValues.length; i++) {
            if (!Double.isNaN(pValues[i])) {
                order[tested++] = i;
            }
        }
        Integer[] sorted = Arrays.copyOf(order, tested);
        Arrays.sort(sorted, Comparator.comparingDouble(i -> pValues[i]));
        double[] adjusted = new double[pValues.length];
        Arrays.fill(adjusted, Double.NaN);
        double running = 0;
        for (int rank = 0; rank < tested; rank++) {
            int index = sorted[rank];
            running = Math.max(running, Math.min(1, (tested - rank) * pValues[index]));
            adjusted[index] = running;
        }
        return adjusted;
    }
}
