package dev.gaday.kpi.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.kpi.compute.HistogramQuantile.Bucket;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistogramQuantileTest {
    static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void interpolatesLinearlyInsideTheBucketHoldingTheRank() {
        // 100 observations: 50 <= 0.1, 40 in (0.1, 0.5], 10 in (0.5, 1].
        List<Bucket> buckets =
                List.of(new Bucket(0.1, 50), new Bucket(0.5, 90), new Bucket(1, 100), new Bucket(INF, 100));
        assertEquals(0.1, HistogramQuantile.quantile(0.5, buckets), 1e-12);
        // rank 95 lies halfway through (0.5, 1]: 0.5 + 0.5 * 5/10.
        assertEquals(0.75, HistogramQuantile.quantile(0.95, buckets), 1e-12);
        // rank 25 in the first bucket, interpolated from 0.
        assertEquals(0.05, HistogramQuantile.quantile(0.25, buckets), 1e-12);
    }

    @Test
    void theInfBucketAnswersTheHighestFiniteBound() {
        List<Bucket> buckets = List.of(new Bucket(0.1, 10), new Bucket(1, 10), new Bucket(INF, 20));
        assertEquals(1.0, HistogramQuantile.quantile(0.99, buckets), 1e-12);
    }

    @Test
    void unsortedDuplicatedAndNonMonotonicBucketsAreRepaired() {
        // Extrapolated increases can dip; "1" and "1.0" are one bound.
        List<Bucket> buckets = List.of(
                new Bucket(INF, 100),
                new Bucket(1, 60),
                new Bucket(1.0, 40),
                new Bucket(0.5, 101),
                new Bucket(0.1, 10));
        // After repair: 0.1→10, 0.5→101, 1→101 (max carried), +Inf→101 (max carried).
        double q = HistogramQuantile.quantile(0.5, buckets);
        assertEquals(0.1 + 0.4 * (50.5 - 10) / 91, q, 1e-12);
    }

    @Test
    void noObservationsOrNoInfBucketIsNaN() {
        assertTrue(Double.isNaN(HistogramQuantile.quantile(0.99, List.of(new Bucket(1, 0), new Bucket(INF, 0)))));
        assertTrue(Double.isNaN(HistogramQuantile.quantile(0.99, List.of(new Bucket(1, 3), new Bucket(2, 5)))));
        assertTrue(Double.isNaN(HistogramQuantile.quantile(0.99, List.of(new Bucket(INF, 5)))));
        assertEquals(INF, HistogramQuantile.quantile(1.5, List.of(new Bucket(1, 3), new Bucket(INF, 5))));
    }

    @Test
    void parsesLeLabels() {
        assertEquals(INF, HistogramQuantile.parseBound("+Inf"));
        assertEquals(0.25, HistogramQuantile.parseBound("0.25"));
        assertTrue(Double.isNaN(HistogramQuantile.parseBound("fast")));
    }
}
