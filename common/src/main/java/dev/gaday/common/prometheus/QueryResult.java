package dev.gaday.common.prometheus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A typed Prometheus query result. Sample values may be NaN or ±Inf (Prometheus sends the
 * strings "NaN", "+Inf", "-Inf"). {@code warnings} are the API's warnings, surfaced, never dropped.
 */
public sealed interface QueryResult
        permits QueryResult.Vector, QueryResult.Matrix, QueryResult.Scalar, QueryResult.StringValue {

    List<String> warnings();

    /** One value at one time. */
    record Sample(Instant time, double value) {}

    /** One series' value at the evaluation time. */
    record InstantSample(Map<String, String> metric, Sample sample) {
        public InstantSample {
            metric = Map.copyOf(metric);
        }

        public String label(String name) {
            return metric.get(name);
        }
    }

    /**
     * One series over a range, samples in ascending time. Held as primitive arrays, not a list of
     * {@link Sample} records (some 60 bytes a sample): the values, and the times as epoch milliseconds,
     * or, for a series on a regular grid without holes (what a range query returns for a series present
     * at every step), only its first time and step. A 24-hour answer for a fleet is millions of samples.
     * {@link #samples()} is a list view; hot paths use {@link #size()}, {@link #timeMillis(int)},
     * {@link #value(int)} and {@link #indexOf(long)}.
     */
    final class Series {
        private final Map<String, String> metric;
        /** Null when the times are {@code firstMillis + i * stepMillis}. */
        private final long[] timesMillis;

        private final long firstMillis;
        private final long stepMillis;
        private final double[] values;
        private final boolean ascending;

        public Series(Map<String, String> metric, List<Sample> samples) {
            this(metric, times(samples), values(samples));
        }

        /** Takes the arrays (the caller hands them over; the same length). */
        static Series of(Map<String, String> metric, long[] timesMillis, double[] values) {
            return new Series(metric, timesMillis, values);
        }

        private Series(Map<String, String> metric, long[] timesMillis, double[] values) {
            if (timesMillis.length != values.length) {
                throw new IllegalArgumentException("times and values differ in length");
            }
            this.metric = Map.copyOf(metric);
            this.values = values;
            this.ascending = ascending(timesMillis);
            long step = timesMillis.length > 1 ? timesMillis[1] - timesMillis[0] : 1;
            boolean regular = ascending && timesMillis.length > 0;
            for (int i = 2; regular && i < timesMillis.length; i++) {
                regular = timesMillis[i] - timesMillis[i - 1] == step;
            }
            this.timesMillis = regular ? null : timesMillis;
            this.firstMillis = timesMillis.length > 0 ? timesMillis[0] : 0;
            this.stepMillis = step;
        }

        private static long[] times(List<Sample> samples) {
            long[] times = new long[samples.size()];
            int i = 0;
            for (Sample sample : samples) {
                times[i++] = sample.time().toEpochMilli();
            }
            return times;
        }

        private static double[] values(List<Sample> samples) {
            double[] values = new double[samples.size()];
            int i = 0;
            for (Sample sample : samples) {
                values[i++] = sample.value();
            }
            return values;
        }

        private static boolean ascending(long[] times) {
            for (int i = 1; i < times.length; i++) {
                if (times[i] <= times[i - 1]) {
                    return false;
                }
            }
            return true;
        }

        public Map<String, String> metric() {
            return metric;
        }

        public String label(String name) {
            return metric.get(name);
        }

        /** The samples, as a read-only list view (each element made when read). */
        public List<Sample> samples() {
            return new SampleView();
        }

        public int size() {
            return values.length;
        }

        public long timeMillis(int index) {
            if (timesMillis != null) {
                return timesMillis[index];
            }
            java.util.Objects.checkIndex(index, values.length);
            return firstMillis + index * stepMillis;
        }

        public double value(int index) {
            return values[index];
        }

        /** The index of the sample at {@code timeMillis}, or -1 when the series has none there. */
        public int indexOf(long timeMillis) {
            if (timesMillis == null) {
                long offset = timeMillis - firstMillis;
                if (values.length == 0 || offset < 0 || offset % stepMillis != 0) {
                    return -1;
                }
                long index = offset / stepMillis;
                return index < values.length ? (int) index : -1;
            }
            if (ascending) {
                int found = java.util.Arrays.binarySearch(timesMillis, timeMillis);
                return found < 0 ? -1 : found;
            }
            for (int i = 0; i < timesMillis.length; i++) {
                if (timesMillis[i] == timeMillis) {
                    return i;
                }
            }
            return -1;
        }

        /** Whether the times are kept as first time and step only (a regular grid without holes). */
        boolean onRegularGrid() {
            return timesMillis == null;
        }

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof Series that) || !metric.equals(that.metric) || size() != that.size()) {
                return false;
            }
            for (int i = 0; i < size(); i++) {
                if (timeMillis(i) != that.timeMillis(i)
                        || Double.doubleToLongBits(values[i]) != Double.doubleToLongBits(that.values[i])) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            return 31 * metric.hashCode() + samples().hashCode();
        }

        @Override
        public String toString() {
            return "Series[metric=" + metric + ", samples=" + samples() + "]";
        }

        private final class SampleView extends java.util.AbstractList<Sample> implements java.util.RandomAccess {
            @Override
            public Sample get(int index) {
                return new Sample(Instant.ofEpochMilli(timeMillis(index)), values[index]);
            }

            @Override
            public int size() {
                return values.length;
            }
        }
    }

    record Vector(List<InstantSample> samples, List<String> warnings) implements QueryResult {
        public Vector {
            samples = List.copyOf(samples);
            warnings = List.copyOf(warnings);
        }
    }

    record Matrix(List<Series> series, List<String> warnings) implements QueryResult {
        public Matrix {
            series = List.copyOf(series);
            warnings = List.copyOf(warnings);
        }

        /**
         * Joins the answers of a query's parts (consecutive time ranges, or disjoint sets of series): series by
         * label set in order of first appearance, each timestamp once (the first part's value), in ascending time.
         */
        public static Matrix stitch(List<Matrix> parts) {
            Map<Map<String, String>, List<Sample>> series = new LinkedHashMap<>();
            Set<String> warnings = new LinkedHashSet<>();
            for (Matrix part : parts) {
                warnings.addAll(part.warnings());
                for (Series one : part.series()) {
                    List<Sample> samples = series.computeIfAbsent(one.metric(), k -> new ArrayList<>());
                    for (Sample sample : one.samples()) {
                        Instant last = samples.isEmpty()
                                ? null
                                : samples.get(samples.size() - 1).time();
                        if (last == null || sample.time().isAfter(last)) {
                            samples.add(sample);
                        } else if (!sample.time().equals(last)) {
                            insertInOrder(samples, sample);
                        }
                    }
                }
            }
            List<Series> result = new ArrayList<>(series.size());
            series.forEach((metric, samples) -> result.add(new Series(metric, samples)));
            return new Matrix(result, new ArrayList<>(warnings));
        }

        private static void insertInOrder(List<Sample> samples, Sample sample) {
            int low = 0;
            int high = samples.size();
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (samples.get(mid).time().isBefore(sample.time())) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            if (low == samples.size() || !samples.get(low).time().equals(sample.time())) {
                samples.add(low, sample);
            }
        }
    }

    record Scalar(Sample sample, List<String> warnings) implements QueryResult {
        public Scalar {
            warnings = List.copyOf(warnings);
        }
    }

    record StringValue(Instant time, String value, List<String> warnings) implements QueryResult {
        public StringValue {
            warnings = List.copyOf(warnings);
        }
    }
}
