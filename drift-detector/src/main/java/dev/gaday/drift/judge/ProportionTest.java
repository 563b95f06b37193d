package dev.gaday.drift.judge;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.FisherExactTest;

/**
 * Ratio metrics (errors/total) tested on the counts summed over the window, not on a series of
 * per-step ratios: a baseline with zero errors against a canary with errors is a real difference
 * (Kayenta's Mann-Whitney on ratios passes it). Fisher's exact test when an expected cell count is
 * below {@value #FISHER_BELOW} or a side has no errors at all (counts up to 2^31 − 1 a side); otherwise the pooled
 * two-proportion z-test. The interval bounds the difference of proportions current − baseline (Wald).
 */
public final class ProportionTest {
    /** Fisher's exact test when an expected count of the 2×2 table is below this. */
    public static final double FISHER_BELOW = 5;

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private ProportionTest() {}

    public static TestResult test(
            long baselineErrors,
            long baselineTotal,
            long currentErrors,
            long currentTotal,
            double confidence,
            int nBaseline,
            int nCurrent) {
        check("baseline", baselineErrors, baselineTotal);
        check("current", currentErrors, currentTotal);
        if (baselineTotal == 0 || currentTotal == 0) {
            throw new IllegalArgumentException(
                    "both sides need requests (baseline " + baselineTotal + ", current " + currentTotal + ")");
        }
        double p1 = (double) baselineErrors / baselineTotal;
        double p2 = (double) currentErrors / currentTotal;
        double total = (double) baselineTotal + currentTotal;
        double errors = (double) baselineErrors + currentErrors;
        // The 2×2 table's smallest expected cell: smallest row total × smallest column total / n.
        double minExpected = Math.min(errors, total - errors) * Math.min(baselineTotal, currentTotal) / total;
        String name;
        double statistic;
        double pValue;
        boolean zeroCell = baselineErrors == 0 || currentErrors == 0;
        if ((minExpected < FISHER_BELOW || zeroCell) && fitsInInt(baselineTotal) && fitsInInt(currentTotal)) {
            int[][] table = {
                {(int) baselineErrors, (int) (baselineTotal - baselineErrors)},
                {(int) currentErrors, (int) (currentTotal - currentErrors)}
            };
            var result = FisherExactTest.withDefaults()
                    .with(AlternativeHypothesis.TWO_SIDED)
                    .test(table);
            name = "fisher-exact";
            statistic = result.getStatistic();
            pValue = result.getPValue();
        } else {
            double pooled = errors / total;
            double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / baselineTotal + 1.0 / currentTotal));
            name = "two-proportion-z";
            if (se == 0) {
                statistic = 0;
                pValue = 1;
            } else {
                statistic = (p2 - p1) / se;
                pValue = Math.min(1, 2 * STANDARD_NORMAL.survivalProbability(Math.abs(statistic)));
            }
        }
        double z = STANDARD_NORMAL.inverseSurvivalProbability((1 - confidence) / 2);
        double seDiff = Math.sqrt(p1 * (1 - p1) / baselineTotal + p2 * (1 - p2) / currentTotal);
        double diff = p2 - p1;
        Double ratio = p1 == 0 ? null : p2 / p1;
        return new TestResult(
                name,
                nBaseline,
                nCurrent,
                statistic,
                pValue,
                diff - z * seDiff,
                diff + z * seDiff,
                null,
                ratio,
                null,
                p1,
                p2,
                confidence);
    }

    private static boolean fitsInInt(long value) {
        return value <= Integer.MAX_VALUE;
    }

    private static void check(String side, long errors, long total) {
        if (errors < 0 || total < 0 || errors > total) {
            throw new IllegalArgumentException(side + " counts are inconsistent: " + errors + " errors of " + total);
        }
    }
}
