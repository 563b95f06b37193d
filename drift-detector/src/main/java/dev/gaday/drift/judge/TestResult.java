package dev.gaday.drift.judge;

/**
 * What one significance test found, current side against baseline side. {@code ciLow}/{@code ciHigh}
 * bound the shift current − baseline (the HL shift for rank tests, the difference of proportions for
 * ratio tests); {@code hlShift} and {@code cles} are null for ratio tests.
 *
 * @param name        test and p-value method, e.g. "mann-whitney-u (exact)", "fisher-exact"
 * @param statistic   U of the baseline side, or z, or the Fisher table's odds ratio
 * @param pValue      the test's two-sided p-value (before autocorrelation and multiplicity corrections)
 * @param effectSize  mean ratio current/baseline (gauges, latency) or ratio of proportions (ratios);
 *                    null when the baseline is 0
 * @param cles        common-language effect size: P(current > baseline) + ½ P(equal)
 * @param baseline    the baseline side's aggregate: median (gauges, latency) or errors/total (ratios)
 * @param current     the current side's aggregate, same definition
 */
public record TestResult(
        String name,
        int nBaseline,
        int nCurrent,
        double statistic,
        double pValue,
        Double ciLow,
        Double ciHigh,
        Double hlShift,
        Double effectSize,
        Double cles,
        double baseline,
        double current,
        double confidence) {

    public TestResult {
        if (!(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException("p-value " + pValue + " is outside [0, 1]");
        }
    }

    /** The same test with other aggregates (a latency quantile over the whole window instead of the median). */
    public TestResult withAggregates(double baselineAggregate, double currentAggregate) {
        return new TestResult(
                name,
                nBaseline,
                nCurrent,
                statistic,
                pValue,
                ciLow,
                ciHigh,
                hlShift,
                effectSize,
                cles,
                baselineAggregate,
                currentAggregate,
                confidence);
    }

    /** The relative change of the aggregate in percent; null when the baseline is 0 and the current is not. */
    public Double changePercent() {
        if (baseline == current) {
            return 0.0;
        }
        if (baseline == 0) {
            return null;
        }
        return 100.0 * (current - baseline) / Math.abs(baseline);
    }
}
