package dev.gaday.testkit.dataset;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a generated GA-day dataset holds and the truths a test checks PromQL answers against.
 * Every truth is computed by the generator from its own integer counts, never by querying.
 *
 * <p>Counting convention (matches Prometheus 2.x range selectors, which include both ends):
 * a sample at time {@code t} carries the increments that happened in {@code (t - step, t]}.
 * So "the window {@code (a, b]}" means the increments of samples with {@code a < t <= b}, which is
 * exactly {@code increase(x[b - a])} evaluated at {@code b} when {@code a} and {@code b} lie on
 * the sample grid (no extrapolation: samples sit on both ends of the range).
 */
public record Manifest(
        long seed,
        Instant start,
        Instant end,
        long stepSeconds,
        List<Service> services,
        String websocketService,
        List<String> files,
        Events events,
        List<Alert> alerts,
        Truths truths) {

    public Manifest {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        services = List.copyOf(services);
        files = List.copyOf(files);
        alerts = List.copyOf(alerts);
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(truths, "truths");
    }

    /** Number of sample timestamps per continuous series: {@code (end - start) / step + 1}. */
    public long samplesPerSeries() {
        return (end.getEpochSecond() - start.getEpochSecond()) / stepSeconds + 1;
    }

    public Service service(String name) {
        return services.stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name + " in the manifest"));
    }

    /** An application service: its instances, e.g. {@code checkout-0:8080}. */
    public record Service(String name, List<String> instances) {
        public Service {
            Objects.requireNonNull(name, "name");
            instances = List.copyOf(instances);
        }
    }

    public record Events(Incident incident, Deploy deploy, ReconnectStorm reconnectStorm) {
        public Events {
            Objects.requireNonNull(incident, "incident");
            Objects.requireNonNull(deploy, "deploy");
            Objects.requireNonNull(reconnectStorm, "reconnectStorm");
        }
    }

    /** Error and latency incident: samples in {@code (start, end]} carry the elevated 5xx ratio and slow latencies. */
    public record Incident(String service, Instant start, Instant end, double targetErrorRatio) {}

    /**
     * Deploy with a restart: samples in {@code [downStart, downEnd)} have {@code up == 0} and no
     * application series for {@code instance}; the sample at {@code downEnd} is the new process,
     * all its counters at 0.
     */
    public record Deploy(String service, String instance, Instant downStart, Instant downEnd) {}

    /** Reconnect storm on the websocket gateway: samples in {@code (start, end]}. */
    public record ReconnectStorm(String service, Instant start, Instant end) {}

    /** One alert as the {@code ALERTS} series shows it: value 1 at every sample from {@code firstSample} to {@code lastSample}. */
    public record Alert(
            String alertname,
            String severity,
            Map<String, String> labels,
            Instant firstSample,
            Instant lastSample,
            long samples) {
        public Alert {
            labels = Map.copyOf(labels);
        }
    }

    public record Truths(
            Map<String, ServiceTruth> services,
            IncidentTruth incident,
            CounterResetTruth counterReset,
            DownTruth down,
            WebsocketTruth websocket,
            RedisTruth redis) {
        public Truths {
            services = Map.copyOf(services);
        }
    }

    /**
     * Whole window {@code (start, end]} of one service, all instances: exact
     * {@code http_requests_total} increments (counter reset accounted) and the latency histogram.
     */
    public record ServiceTruth(
            long totalRequests,
            long errors5xx,
            long clientErrors4xx,
            double availabilityPercent,
            List<BucketCount> latencyBuckets) {
        public ServiceTruth {
            latencyBuckets = List.copyOf(latencyBuckets);
        }
    }

    /** Cumulative count of one histogram bucket; {@code le} as written in the label ("0.25", "+Inf"). */
    public record BucketCount(String le, double upperBound, long cumulativeCount) {}

    /**
     * The incident service inside the incident window {@code (start, end]}: error ratio = errors5xx / totalRequests,
     * cumulative latency buckets, and the bucket the true p99 falls in ({@code p99LowerBound < p99 <= p99UpperBound}).
     */
    public record IncidentTruth(
            String service,
            Instant start,
            Instant end,
            long totalRequests,
            long errors5xx,
            double errorRatio,
            List<BucketCount> latencyBuckets,
            double p99LowerBound,
            double p99UpperBound) {
        public IncidentTruth {
            latencyBuckets = List.copyOf(latencyBuckets);
        }
    }

    /**
     * Increase of {@code sum(http_requests_total{instance=...})} over {@code (windowStart, windowEnd]}, a
     * window around the deploy's restart; {@code valueBeforeReset} is the summed counter at the last sample
     * before the instance went down, which a naive {@code last - first} would get wrong.
     */
    public record CounterResetTruth(
            String service,
            String instance,
            Instant windowStart,
            Instant windowEnd,
            long increase,
            long valueBeforeReset,
            long valueAtWindowStart,
            long valueAtWindowEnd) {}

    /** {@code up{instance}} is 0 at {@code downSamples} samples, from {@code firstDownSample} to {@code lastDownSample}. */
    public record DownTruth(String instance, Instant firstDownSample, Instant lastDownSample, long downSamples) {}

    /** Websocket reconnects over the whole window and inside the storm window. */
    public record WebsocketTruth(
            long attempts,
            long successes,
            double successRatio,
            long stormAttempts,
            long stormSuccesses,
            double stormSuccessRatio) {}

    /** Redis keyspace lookups over the whole window. */
    public record RedisTruth(long hits, long misses, double hitRatio) {}
}
