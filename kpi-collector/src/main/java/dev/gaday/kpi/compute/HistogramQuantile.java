package dev.gaday.kpi.compute;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code histogram_quantile} as Prometheus computes it, over cumulative buckets already summed
 * over the window: sorted by upper bound, equal bounds merged, counts forced monotonic, linear
 * interpolation inside the bucket holding the rank. Computing it here from one bucket query
 * gives every percentile of every service (and of the whole fleet, whose buckets are the sum of
 * the services') without a query per percentile.
 */
public final class HistogramQuantile {
    private HistogramQuantile() {}

    /** One cumulative bucket: observations at or below {@code upperBound}. */
    public record Bucket(double upperBound, double count) {}

    public static double quantile(double q, List<Bucket> input) {
        return quantiles(new double[] {q}, input)[0];
    }

    /** Several quantiles of the same buckets, which are sorted and repaired once. */
    public static double[] quantiles(double[] qs, List<Bucket> input) {
        List<Bucket> buckets = coalesce(input);
        double[] counts = monotonic(buckets);
        double[] result = new double[qs.length];
        for (int i = 0; i < qs.length; i++) {
            result[i] = quantile(qs[i], buckets, counts);
        }
        return result;
    }

    private static double quantile(double q, List<Bucket> buckets, double[] counts) {
        if (Double.isNaN(q)) {
            return Double.NaN;
        }
        if (q < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (q > 1) {
            return Double.POSITIVE_INFINITY;
        }
        if (buckets.size() < 2 || buckets.get(buckets.size() - 1).upperBound() != Double.POSITIVE_INFINITY) {
            return Double.NaN;
        }
        double observations = counts[counts.length - 1];
        if (observations == 0 || Double.isNaN(observations)) {
            return Double.NaN;
        }
        double rank = q * observations;
        int b = 0;
        while (b < counts.length && counts[b] < rank) {
            b++;
        }
        if (b >= counts.length - 1) {
            return buckets.get(buckets.size() - 2).upperBound();
        }
        if (b == 0 && buckets.get(0).upperBound() <= 0) {
            return buckets.get(0).upperBound();
        }
        double bucketStart = 0;
        double bucketEnd = buckets.get(b).upperBound();
        double count = counts[b];
        if (b > 0) {
            bucketStart = buckets.get(b - 1).upperBound();
            count -= counts[b - 1];
            rank -= counts[b - 1];
        }
        return bucketStart + (bucketEnd - bucketStart) * (rank / count);
    }

    private static final Comparator<Bucket> BY_BOUND = Comparator.comparingDouble(Bucket::upperBound);

    /** Buckets sorted by bound, equal bounds (e.g. "1" and "1.0") summed, NaN counts dropped. */
    private static List<Bucket> coalesce(List<Bucket> input) {
        Bucket[] sorted = new Bucket[input.size()];
        int valid = 0;
        for (Bucket bucket : input) {
            if (!Double.isNaN(bucket.upperBound()) && !Double.isNaN(bucket.count())) {
                sorted[valid++] = bucket;
            }
        }
        java.util.Arrays.sort(sorted, 0, valid, BY_BOUND);
        List<Bucket> result = new ArrayList<>(valid);
        for (int i = 0; i < valid; i++) {
            Bucket bucket = sorted[i];
            int last = result.size() - 1;
            if (last >= 0 && result.get(last).upperBound() == bucket.upperBound()) {
                result.set(
                        last, new Bucket(bucket.upperBound(), result.get(last).count() + bucket.count()));
            } else {
                result.add(bucket);
            }
        }
        return result;
    }

    /** Window increases of cumulative buckets can dip by extrapolation; Prometheus carries the max forward. */
    private static double[] monotonic(List<Bucket> buckets) {
        double[] counts = new double[buckets.size()];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < counts.length; i++) {
            double count = buckets.get(i).count();
            if (count > max) {
                max = count;
            }
            counts[i] = max;
        }
        return counts;
    }

    private static final java.util.concurrent.ConcurrentHashMap<String, Double> BOUNDS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Parses an {@code le} label ("0.5", "+Inf"); NaN when it is not a number. A histogram has few bounds: cached. */
    public static double parseBound(String le) {
        if (le == null) {
            return Double.NaN;
        }
        Double cached = BOUNDS.get(le);
        if (cached != null) {
            return cached;
        }
        if (BOUNDS.size() < 10_000) {
            return BOUNDS.computeIfAbsent(le, HistogramQuantile::parse);
        }
        return parse(le);
    }

    private static double parse(String le) {
        String text = le.strip();
        if (text.equalsIgnoreCase("+Inf") || text.equalsIgnoreCase("Inf")) {
            return Double.POSITIVE_INFINITY;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
