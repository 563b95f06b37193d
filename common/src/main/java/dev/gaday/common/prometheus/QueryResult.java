package dev.gaday.common.prometheus;

import java.time.Instant;
import java.util.List;
import java.util.Map;

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

    /** One series over a range, samples in ascending time. */
    record Series(Map<String, String> metric, List<Sample> samples) {
        public Series {
            metric = Map.copyOf(metric);
            samples = List.copyOf(samples);
        }

        public String label(String name) {
            return metric.get(name);
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
