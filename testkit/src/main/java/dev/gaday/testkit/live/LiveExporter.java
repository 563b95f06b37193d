package dev.gaday.testkit.live;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;

/**
 * A live scrape target for tests: an HTTP {@code /metrics} endpoint on 127.0.0.1 serving, at the current
 * time, the same metric families as the generated GA day ({@code http_requests_total{service,method,status}},
 * {@code http_request_duration_seconds} histogram, {@code up}) for a few services. Counters grow
 * deterministically with the elapsed time: {@code rps} requests per second, a fraction of them 500s, all
 * answered within 50 ms; during an injected incident the error fraction is the incident's and the requests
 * take 2 to 2.5 s.
 *
 * <pre>{@code
 * try (LiveExporter exporter = LiveExporter.builder().service("checkout", 20, 0.0005).start()) {
 *     exporter.startIncident("checkout", 0.5);   // from now on
 *     ... scrape exporter.target() ...
 *     exporter.endIncident("checkout");
 * }
 * }</pre>
 */
public final class LiveExporter implements AutoCloseable {
    /** Each service's steady resident memory: 256 MiB. */
    static final long RESIDENT_MEMORY_BYTES = 256L * 1024 * 1024;
    /** CPU time per request served, seconds. */
    static final double CPU_SECONDS_PER_REQUEST = 0.0005;

    private static final List<String> BUCKETS =
            List.of("0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf");
    private static final double NORMAL_SECONDS = 0.03;
    private static final double INCIDENT_SECONDS = 2.2;

    private final Clock clock;
    private final Map<String, ServiceState> services = new LinkedHashMap<>();
    private final HttpServer server;

    private LiveExporter(Builder builder) throws IOException {
        this.clock = builder.clock;
        Instant now = clock.instant();
        for (ServiceSpec spec : builder.services) {
            services.put(spec.name(), new ServiceState(spec, now));
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/metrics", exchange -> {
            byte[] body = render().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "live-exporter");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code 127.0.0.1:<port>}: the scrape target. */
    public String target() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    public String url() {
        return "http://" + target() + "/metrics";
    }

    /** From now on, {@code errorRatio} of the service's requests fail and all are slow. */
    public synchronized void startIncident(String service, double errorRatio) {
        state(service).advance(clock.instant());
        state(service).incidentErrorRatio = errorRatio;
    }

    /** From now on the service is healthy again. */
    public synchronized void endIncident(String service) {
        state(service).advance(clock.instant());
        state(service).incidentErrorRatio = null;
    }

    /** Requests and 5xx the service has served so far (exact: what the counters say at the next scrape). */
    public synchronized long[] totals(String service) {
        ServiceState state = state(service);
        state.advance(clock.instant());
        return new long[] {state.requests(), state.errors()};
    }

    private ServiceState state(String service) {
        ServiceState state = services.get(service);
        if (state == null) {
            throw new IllegalArgumentException("no service " + service + " in this exporter: " + services.keySet());
        }
        return state;
    }

    /** The exposition text at the current time. */
    public synchronized String render() {
        Instant now = clock.instant();
        StringBuilder requests = new StringBuilder("# HELP http_requests_total HTTP requests by method and status.\n"
                + "# TYPE http_requests_total counter\n");
        StringBuilder latency = new StringBuilder("# HELP http_request_duration_seconds HTTP request latency.\n"
                + "# TYPE http_request_duration_seconds histogram\n");
        StringBuilder up = new StringBuilder("# HELP up 1 if the target is up.\n# TYPE up gauge\n");
        // The process metrics every real service exports (kpi-collector's CPU and memory, validate's memory
        // retention, drift-detector's CPU and memory): a steady resident set, and CPU in proportion to the
        // requests served, so that a healthy service neither leaks nor drifts.
        StringBuilder process = new StringBuilder("# HELP process_resident_memory_bytes Resident memory.\n"
                + "# TYPE process_resident_memory_bytes gauge\n");
        StringBuilder cpu = new StringBuilder(
                "# HELP process_cpu_seconds_total CPU time used.\n" + "# TYPE process_cpu_seconds_total counter\n");
        for (ServiceState state : services.values()) {
            state.advance(now);
            String labels = "service=\"" + state.spec.name() + "\",instance=\"" + state.spec.name() + "-0:8080\"";
            requests.append("http_requests_total{")
                    .append(labels)
                    .append(",method=\"GET\",status=\"200\"} ")
                    .append(state.ok)
                    .append('\n');
            requests.append("http_requests_total{")
                    .append(labels)
                    .append(",method=\"GET\",status=\"500\"} ")
                    .append(state.failed)
                    .append('\n');
            long cumulative = 0;
            for (int b = 0; b < BUCKETS.size(); b++) {
                cumulative += state.buckets[b];
                latency.append("http_request_duration_seconds_bucket{")
                        .append(labels)
                        .append(",le=\"")
                        .append(BUCKETS.get(b))
                        .append("\"} ")
                        .append(cumulative)
                        .append('\n');
            }
            latency.append("http_request_duration_seconds_sum{")
                    .append(labels)
                    .append("} ")
                    .append(state.sumSeconds)
                    .append('\n');
            latency.append("http_request_duration_seconds_count{")
                    .append(labels)
                    .append("} ")
                    .append(cumulative)
                    .append('\n');
            up.append("up{").append(labels).append("} 1\n");
            process.append("process_resident_memory_bytes{")
                    .append(labels)
                    .append("} ")
                    .append(RESIDENT_MEMORY_BYTES)
                    .append('\n');
            cpu.append("process_cpu_seconds_total{")
                    .append(labels)
                    .append("} ")
                    .append((state.ok + state.failed) * CPU_SECONDS_PER_REQUEST)
                    .append('\n');
        }
        return requests.append(latency).append(up).append(process).append(cpu).toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** One service: its traffic and its healthy 5xx fraction. */
    public record ServiceSpec(String name, double rps, double errorRatio) {
        public ServiceSpec {
            Objects.requireNonNull(name, "name");
            if (!(rps >= 0) || !(errorRatio >= 0 && errorRatio <= 1)) {
                throw new IllegalArgumentException("rps must be >= 0 and errorRatio in [0, 1]: " + name);
            }
        }
    }

    private static final class ServiceState {
        final ServiceSpec spec;
        final long[] buckets = new long[BUCKETS.size()];
        Instant last;
        double carriedRequests;
        double carriedErrors;
        long ok;
        long failed;
        double sumSeconds;
        Double incidentErrorRatio;

        ServiceState(ServiceSpec spec, Instant start) {
            this.spec = spec;
            this.last = start;
        }

        /** Serves the requests of (last, now]: whole requests only, fractions carried to the next call. */
        void advance(Instant now) {
            double seconds = Duration.between(last, now).toNanos() / 1e9;
            if (seconds <= 0) {
                return;
            }
            last = now;
            double ratio = incidentErrorRatio != null ? incidentErrorRatio : spec.errorRatio();
            carriedRequests += spec.rps() * seconds;
            long served = (long) Math.floor(carriedRequests);
            carriedRequests -= served;
            carriedErrors += served * ratio;
            long errors = Math.min(served, (long) Math.floor(carriedErrors));
            carriedErrors -= errors;
            ok += served - errors;
            failed += errors;
            boolean slow = incidentErrorRatio != null;
            buckets[slow ? BUCKETS.indexOf("2.5") : BUCKETS.indexOf("0.05")] += served;
            sumSeconds += served * (slow ? INCIDENT_SECONDS : NORMAL_SECONDS);
        }

        long requests() {
            return ok + failed;
        }

        long errors() {
            return failed;
        }
    }

    public static final class Builder {
        private final List<ServiceSpec> services = new ArrayList<>();
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        public Builder service(String name, double rps, double errorRatio) {
            services.add(new ServiceSpec(name, rps, errorRatio));
            return this;
        }

        /** The time the counters follow (tests of the exporter itself); default: the system clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public LiveExporter start() {
            if (services.isEmpty()) {
                throw new IllegalArgumentException("a live exporter needs at least one service");
            }
            try {
                return new LiveExporter(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the live exporter: " + e.getMessage(), e);
            }
        }
    }
}
