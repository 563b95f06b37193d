package dev.gaday.slo.spec;

import java.util.Objects;

/** How an SLO counts its events. */
public sealed interface Sli permits Sli.Events, Sli.Latency {

    /** The SLI type reported in slo_status.json: availability or latency. */
    String type();

    /**
     * Bad and total events as PromQL with a {@code {{window}}} token (Sloth's form; {@code {{.window}}} too),
     * each returning a count of events over the window, e.g. {@code sum(increase(x_total{code=~"5.."}[{{window}}]))}.
     */
    record Events(String errors, String total) implements Sli {
        public Events {
            Objects.requireNonNull(errors, "errors");
            Objects.requireNonNull(total, "total");
        }

        @Override
        public String type() {
            return "availability";
        }
    }

    /**
     * Requests of histogram {@code metric} (base name, without _bucket) matching {@code selector} that took
     * longer than {@code threshold} seconds are bad; the threshold must be one of the histogram's buckets.
     */
    record Latency(String metric, String selector, double threshold) implements Sli {
        public Latency {
            Objects.requireNonNull(metric, "metric");
            selector = selector == null ? "" : selector;
        }

        @Override
        public String type() {
            return "latency";
        }
    }
}
