package dev.gaday.drift.judge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RankTestTest {

    @Test
    void separatedSamplesHaveTheExactSmallestPValueAndTheMedianDifferenceAsShift() {
        TestResult r = RankTest.test(new double[] {1, 2, 3}, new double[] {4, 5, 6}, 0.8);
        assertEquals("mann-whitney-u (exact)", r.name());
        assertEquals(0, r.statistic());
        // 2 of the C(6,3) = 20 orderings are as extreme: p = 0.1 (SciPy agrees).
        assertEquals(0.1, r.pValue(), 1e-12);
        // Differences current − baseline: 1,2,2,3,3,3,4,4,5 → median 3.
        assertEquals(3, r.hlShift(), 0);
        assertEquals(1.0, r.cles(), 0);
        assertEquals(2.5, r.effectSize(), 1e-12);
        assertEquals(2, r.baseline(), 0);
        assertEquals(5, r.current(), 0);
        assertEquals(150, r.changePercent(), 1e-9);
    }

    @Test
    void exactPValueOfAnUnevenPairMatchesScipy() {
        TestResult r = RankTest.test(new double[] {1.1, 2.5, 3.2, 0.4, 5.5}, new double[] {4.1, 5.2, 6.3, 7.7}, 0.95);
        assertEquals(2, r.statistic());
        assertEquals(0.06349206349206349, r.pValue(), 1e-12); // scipy.stats.mannwhitneyu(method='exact')
    }

    @Test
    void theDistributionOfUIsTheGaussianBinomial() {
        assertArrayEquals(ints(1, 1, 2, 1, 1), BigInts.toLongs(RankTest.uCounts(2, 2)));
        assertArrayEquals(ints(1, 1, 2, 3, 3, 3, 3, 2, 1, 1), BigInts.toLongs(RankTest.uCounts(3, 3)));
        BigInteger total = Arrays.stream(RankTest.uCounts(20, 30)).reduce(BigInteger.ZERO, BigInteger::add);
        assertEquals(new BigInteger("47129212243960"), total); // C(50, 20)
    }

    @Test
    void exactLowerQuantileIsTheFirstUWhoseCdfReachesP() {
        // m = n = 3: P(U <= 0) = 0.05, P(U <= 1) = 0.10, P(U <= 2) = 0.20.
        assertEquals(0, RankTest.exactLowerQuantile(0.05, 3, 3));
        assertEquals(1, RankTest.exactLowerQuantile(0.06, 3, 3));
        assertEquals(2, RankTest.exactLowerQuantile(0.15, 3, 3));
    }

    @Test
    void kthDifferenceEqualsTheBruteForceOrderStatistic() {
        Random random = new Random(7);
        for (int round = 0; round < 30; round++) {
            double[] x = sortedSample(random, 1 + random.nextInt(200), round % 3 == 0);
            double[] y = sortedSample(random, 1 + random.nextInt(200), round % 3 == 0);
            double[] all = new double[x.length * y.length];
            int i = 0;
            for (double xi : x) {
                for (double yj : y) {
                    all[i++] = yj - xi;
                }
            }
            Arrays.sort(all);
            for (long k : new long[] {1, all.length, (all.length + 1) / 2, 1 + random.nextInt(all.length)}) {
                assertEquals(all[(int) k - 1], RankTest.kthDifference(x, y, k), 0, "rank " + k);
            }
        }
    }

    @Test
    void largeSamplesUseTheNormalApproximationAndFindAKnownShift() {
        Random random = new Random(11);
        double[] base = new double[1440];
        double[] shifted = new double[1440];
        for (int i = 0; i < base.length; i++) {
            base[i] = 100 + 10 * random.nextGaussian();
            shifted[i] = 140 + 10 * random.nextGaussian();
        }
        TestResult r = RankTest.test(base, shifted, 0.98);
        assertEquals("mann-whitney-u (normal approximation)", r.name());
        assertTrue(r.pValue() < 1e-100, "p = " + r.pValue());
        assertEquals(40, r.hlShift(), 1.5);
        assertTrue(r.ciLow() < r.hlShift() && r.hlShift() < r.ciHigh());
        assertTrue(r.ciLow() > 38 && r.ciHigh() < 42, r.ciLow() + ".." + r.ciHigh());
        assertTrue(r.cles() > 0.99);
    }

    @Test
    void tiesAreRankedNotJitteredSoTheResultIsReproducible() {
        double[] a = {1, 1, 1, 2, 2, 3};
        double[] b = {1, 2, 2, 3, 3, 3};
        TestResult first = RankTest.test(a, b, 0.98);
        TestResult second = RankTest.test(a, b, 0.98);
        assertEquals("mann-whitney-u (normal approximation)", first.name());
        assertEquals(first, second);
    }

    @Test
    void constantEqualSidesPassWithPOne() {
        TestResult r = RankTest.test(new double[] {5, 5, 5}, new double[] {5, 5}, 0.98);
        assertEquals(1.0, r.pValue(), 0);
        assertEquals(0, r.hlShift(), 0);
    }

    @Test
    void aZeroBaselineMeanHasNoMeanRatio() {
        TestResult r = RankTest.test(new double[] {0, 0, 0}, new double[] {1, 2}, 0.98);
        assertNull(r.effectSize());
        assertNull(r.changePercent());
    }

    @Test
    void autocorrelationShrinksSignificance() {
        double[] trend = new double[100];
        for (int i = 0; i < trend.length; i++) {
            trend[i] = i;
        }
        double inflation = RankTest.inflation(trend);
        assertTrue(inflation > 50, "inflation " + inflation);
        assertEquals(1, RankTest.inflation(new double[] {1, -1, 1, -1, 1, -1}), 0);
        assertTrue(RankTest.autocorrelationAdjusted(1e-6, inflation) > 0.05);
        assertEquals(1e-6, RankTest.autocorrelationAdjusted(1e-6, 1), 0);
    }

    @Test
    void emptySidesAndBadConfidenceAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> RankTest.test(new double[0], new double[] {1}, 0.98));
        assertThrows(IllegalArgumentException.class, () -> RankTest.test(new double[] {1}, new double[] {1}, 1));
    }

    private static double[] sortedSample(Random random, int n, boolean rounded) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = rounded ? Math.round(random.nextGaussian() * 3) : random.nextGaussian() * 3;
        }
        Arrays.sort(values);
        return values;
    }

    private static long[] ints(long... values) {
        return values;
    }

    private static final class BigInts {
        static long[] toLongs(BigInteger[] values) {
            return Arrays.stream(values).mapToLong(BigInteger::longValueExact).toArray();
        }
    }
}
