package dev.gaday.slo.math;

/**
 * Bad and total events over one window, from counter increases (never an average of per-step ratios,
 * which under-counts busy minutes). Totals of zero mean no traffic: the error ratio is undefined (NaN),
 * not 0 and not 1.
 */
public record WindowCounts(double errors, double total) {

    public static final WindowCounts NONE = new WindowCounts(0, 0);

    public WindowCounts {
        if (Double.isNaN(errors) || Double.isNaN(total) || errors < 0 || total < 0) {
            throw new IllegalArgumentException(
                    "event counts must be non-negative numbers, got errors=" + errors + " total=" + total);
        }
        // Counter increases of two queries can disagree by extrapolation: never more errors than events.
        errors = Math.min(errors, total);
    }

    public boolean hasTraffic() {
        return total > 0;
    }

    /** errors / total; NaN without traffic. */
    public double errorRatio() {
        return total > 0 ? errors / total : Double.NaN;
    }

    public double good() {
        return total - errors;
    }

    /** The burn rate e/B; NaN without traffic. */
    public double burnRate(double budget) {
        return errorRatio() / budget;
    }
}
