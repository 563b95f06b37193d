package dev.gaday.testkit.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;

/**
 * Writes a deterministic GA day as OpenMetrics text with timestamps, one file per 2-hour window
 * (what {@code promtool tsdb create-blocks-from openmetrics} backfills fastest), plus
 * {@code manifest.json} with the injected events and the exact truths.
 *
 * <p>Same settings and seed, same bytes. Every counter is integer-valued so the truths are exact.
 * Usage:
 * <pre>{@code
 * Dataset ds = GaDayGenerator.builder().hours(24).step(Duration.ofSeconds(60)).build().generate(dir);
 * }</pre>
 * Metric and label names are a contract with the tools' tests; see docs/testkit.md.
 */
public final class GaDayGenerator {

    public static final String MANIFEST_FILE = "manifest.json";
    public static final Instant DEFAULT_START = Instant.parse("2026-06-01T00:00:00Z");
    static final long FILE_WINDOW_SECONDS = 7200;

    /** Latency bucket upper bounds as written in {@code le}; the last is +Inf. */
    public static final List<String> HTTP_BUCKETS =
            List.of("0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf");

    public static final List<String> DB_BUCKETS =
            List.of("0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "+Inf");

    // Probability of a request landing in each bucket interval (le[i-1], le[i]]; they sum to 1.
    private static final double[] NORMAL_LATENCY =
            cumulativeToIntervals(0.05, 0.15, 0.40, 0.70, 0.870, 0.965, 0.993, 0.999, 0.9998, 1.0, 1.0, 1.0);
    // Incident: p99 lands in (2.5, 5], far above 1 s.
    private static final double[] INCIDENT_LATENCY =
            cumulativeToIntervals(0.02, 0.06, 0.20, 0.45, 0.70, 0.80, 0.88, 0.95, 0.98, 0.995, 1.0, 1.0);
    private static final long[] HTTP_REPRESENTATIVE_MS = {3, 8, 18, 38, 75, 170, 370, 750, 1700, 3700, 7000, 12000};
    private static final int MODAL_BUCKET = 3;
    private static final double[] DB_LATENCY =
            cumulativeToIntervals(0.20, 0.45, 0.70, 0.88, 0.96, 0.985, 0.995, 0.999, 1.0, 1.0, 1.0);
    private static final long[] DB_REPRESENTATIVE_US = {
        600, 1800, 3800, 7500, 17000, 38000, 75000, 170000, 370000, 750000, 1500000
    };

    static final String[] METHODS = {"GET", "POST"};
    static final String[] STATUSES = {"200", "404", "500", "503"};
    private static final double P404 = 0.02;
    // A healthy service's 5xx ratio (0.06 %) stays under the spec's 0.1 % error-rate gate, so that
    // only the injected incident fails a default verdict.
    private static final double P500 = 0.0004;
    private static final double P503 = 0.0002;
    private static final int NODES = 2;
    private static final int CPUS_PER_NODE = 2;
    private static final String[] CPU_MODES = {"idle", "user", "system"};
    private static final long MEM_TOTAL = 16L * 1024 * 1024 * 1024;

    private final Builder settings;
    private final List<String> serviceNames;
    private final String incidentService;
    private final String deployService;
    private final long stepSeconds;
    private final long startSec;
    private final long endSec;
    /** The first sample's time: {@link #startSec} less the history, if any (a quiet day before the GA window). */
    private final long firstSampleSec;

    private final long incidentStart;
    private final long incidentEnd;
    private final long downStart;
    private final long downEnd;
    private final long stormStart;
    private final long stormEnd;
    private final long resetWindowStart;
    private final long resetWindowEnd;

    private GaDayGenerator(Builder b) {
        this.settings = b;
        if (b.step.isNegative() || b.step.isZero() || b.step.getNano() != 0) {
            throw new IllegalArgumentException("step must be a positive whole number of seconds, got " + b.step);
        }
        stepSeconds = b.step.getSeconds();
        if (b.length.getNano() != 0 || b.length.getSeconds() % stepSeconds != 0 || b.length.getSeconds() < 2 * 3600) {
            throw new IllegalArgumentException(
                    "length must be at least 2h and a multiple of the step, got " + b.length);
        }
        if (b.services < 2) {
            throw new IllegalArgumentException(
                    "need at least 2 services (incident and deploy differ), got " + b.services);
        }
        if (b.instancesPerService < 1) {
            throw new IllegalArgumentException("need at least 1 instance per service, got " + b.instancesPerService);
        }
        serviceNames = ServiceNames.first(b.services);
        incidentService = b.incidentService != null ? b.incidentService : serviceNames.get(0);
        deployService = b.deployService != null ? b.deployService : serviceNames.get(1);
        if (!serviceNames.contains(incidentService) || !serviceNames.contains(deployService)) {
            throw new IllegalArgumentException("incident/deploy service must be one of " + serviceNames);
        }
        if (incidentService.equals(deployService)) {
            throw new IllegalArgumentException(
                    "incident and deploy must hit different services, both are " + deployService);
        }
        int deployIdx = b.deployInstance != null ? b.deployInstance : b.instancesPerService - 1;
        if (deployIdx < 0 || deployIdx >= b.instancesPerService) {
            throw new IllegalArgumentException("deploy instance index out of range: " + deployIdx);
        }
        if (b.leakingInstance != null
                && serviceNames.stream().noneMatch(service -> {
                    for (int i = 0; i < b.instancesPerService; i++) {
                        if (instanceName(service, i).equals(b.leakingInstance)) {
                            return true;
                        }
                    }
                    return false;
                })) {
            throw new IllegalArgumentException(
                    "leaking instance " + b.leakingInstance + " is not an instance of " + serviceNames);
        }
        startSec = b.start.getEpochSecond();
        if (b.start.getNano() != 0) {
            throw new IllegalArgumentException("start must be a whole second, got " + b.start);
        }
        long len = b.length.getSeconds();
        endSec = startSec + len;
        if (b.history.isNegative() || b.history.getNano() != 0 || b.history.getSeconds() % stepSeconds != 0) {
            throw new IllegalArgumentException("history must be a multiple of the step, got " + b.history);
        }
        firstSampleSec = startSec - b.history.getSeconds();
        incidentStart = startSec + align(b.incidentOffset != null ? b.incidentOffset.getSeconds() : len * 10 / 24);
        incidentEnd = incidentStart + alignUp(b.incidentDuration.getSeconds());
        downStart = startSec + align(b.deployOffset != null ? b.deployOffset.getSeconds() : len * 6 / 24);
        downEnd = downStart + alignUp(b.downDuration.getSeconds());
        stormStart = startSec + align(b.stormOffset != null ? b.stormOffset.getSeconds() : len * 14 / 24);
        stormEnd = stormStart + alignUp(b.stormDuration.getSeconds());
        requireInside("incident", incidentStart, incidentEnd);
        requireInside("deploy downtime", downStart, downEnd);
        requireInside("reconnect storm", stormStart, stormEnd);
        resetWindowStart = Math.max(startSec, downStart - align(1800));
        resetWindowEnd = Math.min(endSec, downEnd + alignUp(1800));
        this.deployInstanceName = instanceName(deployService, deployIdx);
    }

    private final String deployInstanceName;

    private long align(long seconds) {
        return seconds / stepSeconds * stepSeconds;
    }

    private long alignUp(long seconds) {
        return Math.max(stepSeconds, (seconds + stepSeconds - 1) / stepSeconds * stepSeconds);
    }

    private void requireInside(String what, long from, long to) {
        if (from <= startSec || to >= endSec) {
            throw new IllegalArgumentException(
                    what + " (" + Instant.ofEpochSecond(from) + " .. " + Instant.ofEpochSecond(to)
                            + ") must lie strictly inside the dataset " + Instant.ofEpochSecond(startSec) + " .. "
                            + Instant.ofEpochSecond(endSec));
        }
    }

    static String instanceName(String service, int index) {
        return service + "-" + index + ":8080";
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Writes the dataset into {@code directory} (created if missing; existing {@code .om} files of an
     * earlier run are replaced) and returns it.
     */
    public Dataset generate(Path directory) {
        try {
            Files.createDirectories(directory);
            return new Run(directory).execute();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the dataset into " + directory + ": " + e.getMessage(), e);
        }
    }

    private static double[] cumulativeToIntervals(double... cumulative) {
        double[] p = new double[cumulative.length];
        double previous = 0;
        for (int i = 0; i < cumulative.length; i++) {
            p[i] = cumulative[i] - previous;
            previous = cumulative[i];
        }
        return p;
    }

    /** One metric family: its TYPE/HELP header and the samples of the current file window. */
    private static final class Family {
        final String name;
        final String type;
        final String help;
        final StringBuilder samples = new StringBuilder(1 << 16);

        Family(String name, String type, String help) {
            this.name = name;
            this.type = type;
            this.help = help;
        }
    }

    private static final class App {
        final String service;
        final String instance;
        final int serviceIndex;
        final boolean deployed;
        final long[][] requests = new long[METHODS.length][STATUSES.length];
        final long[] bucketIntervals = new long[HTTP_BUCKETS.size()];
        long sumMillis;
        long cpuSeconds;
        final String[][] requestPrefix = new String[METHODS.length][STATUSES.length];
        final String[] bucketPrefix = new String[HTTP_BUCKETS.size()];
        final String sumPrefix;
        final String countPrefix;
        final String upPrefix;
        final String cpuPrefix;
        final String memPrefix;

        App(String service, int serviceIndex, String instance, boolean deployed, boolean kubeLabels) {
            this.service = service;
            this.serviceIndex = serviceIndex;
            this.instance = instance;
            this.deployed = deployed;
            String labels = kubeLabels
                    ? kubeLabels(service, instance)
                    : "job=\"" + service + "\",service=\"" + service + "\",instance=\"" + instance + "\"";
            for (int m = 0; m < METHODS.length; m++) {
                for (int s = 0; s < STATUSES.length; s++) {
                    requestPrefix[m][s] = "http_requests_total{" + labels + ",method=\"" + METHODS[m] + "\",status=\""
                            + STATUSES[s] + "\"} ";
                }
            }
            for (int i = 0; i < HTTP_BUCKETS.size(); i++) {
                bucketPrefix[i] =
                        "http_request_duration_seconds_bucket{" + labels + ",le=\"" + HTTP_BUCKETS.get(i) + "\"} ";
            }
            sumPrefix = "http_request_duration_seconds_sum{" + labels + "} ";
            countPrefix = "http_request_duration_seconds_count{" + labels + "} ";
            upPrefix = "up{" + labels + "} ";
            cpuPrefix = "process_cpu_seconds_total{" + labels + "} ";
            memPrefix = "process_resident_memory_bytes{" + labels + "} ";
        }

        long totalRequests() {
            long total = 0;
            for (long[] byStatus : requests) {
                for (long v : byStatus) {
                    total += v;
                }
            }
            return total;
        }

        void reset() {
            for (long[] byStatus : requests) {
                java.util.Arrays.fill(byStatus, 0);
            }
            java.util.Arrays.fill(bucketIntervals, 0);
            sumMillis = 0;
            cpuSeconds = 0;
        }
    }

    static final String KUBE_NAMESPACE = "prod";

    /** The pod of an instance as a Deployment names it: {@code <service>-<replicaset hash>-<index>}. */
    static String podName(String service, String instance) {
        return service + "-5d8f9c7b4-" + instance.substring(service.length() + 1, instance.indexOf(':'));
    }

    /** An application target as kube-prometheus-stack's ServiceMonitor/PodMonitor labels it: no `service` label. */
    static String kubeLabels(String service, String instance) {
        return "job=\"" + service + "\",namespace=\"" + KUBE_NAMESPACE + "\",pod=\"" + podName(service, instance)
                + "\",container=\"" + service + "\",endpoint=\"http\",instance=\"" + instance + "\"";
    }

    private static final class ServiceCounts {
        long total;
        long errors5xx;
        long clientErrors4xx;
        final long[] bucketIntervals = new long[HTTP_BUCKETS.size()];
    }

    /** One generation run: all mutable state lives here so the generator itself stays reusable. */
    private final class Run {
        private final Path directory;
        private final Random random = new Random(settings.seed);
        private final Map<String, Family> families = new LinkedHashMap<>();
        private final List<App> apps = new ArrayList<>();
        private final List<String> files = new ArrayList<>();
        private final Map<String, ServiceCounts> serviceCounts = new LinkedHashMap<>();
        private final ServiceCounts incidentCounts = new ServiceCounts();
        private final ServiceCounts historyCounts = new ServiceCounts();
        private long seriesThisStep;
        private long samplesAppended;
        private final Map<String, AlertTrack> alerts = new LinkedHashMap<>();
        private final String[] nodeNames = new String[NODES];
        private final long[][][] nodeCpu = new long[NODES][CPUS_PER_NODE][CPU_MODES.length];
        private final long[] nodeRx = new long[NODES];
        private final long[] nodeTx = new long[NODES];
        private final long[] dbBuckets = new long[DB_BUCKETS.size()];
        private long dbSumMicros;
        private long redisHits;
        private long redisMisses;
        private long wsAttempts;
        private long wsSuccesses;
        private long truthRedisHits;
        private long truthRedisMisses;
        private long truthWsAttempts;
        private long truthWsSuccesses;
        private long stormAttempts;
        private long stormSuccesses;
        private long resetIncrease;
        private long valueBeforeReset;
        private long valueAtResetWindowStart;
        private long valueAtResetWindowEnd;
        private long downSamples;
        private long currentTime;
        private int currentWindow = -1;

        Run(Path directory) {
            this.directory = directory;
            family("http_requests", "counter", "HTTP requests by method and status.");
            family("http_request_duration_seconds", "histogram", "HTTP request latency.");
            family("up", "gauge", "1 if the target was scraped, 0 if it was down.");
            family("process_cpu_seconds", "counter", "CPU time the process used.");
            family("process_resident_memory_bytes", "gauge", "Resident memory of the process.");
            family("pg_stat_database_numbackends", "gauge", "Backends connected to the database.");
            family("pg_settings_max_connections", "gauge", "PostgreSQL max_connections.");
            family("db_query_duration_seconds", "histogram", "Client-side database query latency.");
            family("redis_keyspace_hits", "counter", "Successful key lookups.");
            family("redis_keyspace_misses", "counter", "Failed key lookups.");
            family("redis_memory_used_bytes", "gauge", "Memory used by Redis.");
            family("redis_connected_clients", "gauge", "Connected Redis clients.");
            family("node_cpu_seconds", "counter", "CPU seconds spent in each mode.");
            family("node_memory_MemTotal_bytes", "gauge", "Total memory.");
            family("node_memory_MemAvailable_bytes", "gauge", "Available memory.");
            family("node_network_receive_bytes", "counter", "Bytes received.");
            family("node_network_transmit_bytes", "counter", "Bytes transmitted.");
            family("websocket_reconnect_attempts", "counter", "Websocket client reconnect attempts.");
            family("websocket_reconnect_success", "counter", "Successful websocket reconnects.");
            family("ALERTS", "gauge", "Alerts firing.");
            if (settings.prometheusSelf) {
                family("prometheus_tsdb_head_series", "gauge", "Series in the head block (Prometheus itself).");
                family(
                        "prometheus_tsdb_head_samples_appended",
                        "counter",
                        "Samples appended to the head block (Prometheus itself).");
            }
            if (settings.kubePrometheusStack) {
                family("kube_pod_container_status_restarts", "counter", "Container restarts (kube-state-metrics).");
                family("kube_deployment_spec_replicas", "gauge", "Desired replicas (kube-state-metrics).");
                family("kube_deployment_status_replicas_updated", "gauge", "Updated replicas (kube-state-metrics).");
                family(
                        "kube_deployment_status_replicas_available",
                        "gauge",
                        "Available replicas (kube-state-metrics).");
            }

            for (int s = 0; s < serviceNames.size(); s++) {
                String service = serviceNames.get(s);
                serviceCounts.put(service, new ServiceCounts());
                for (int i = 0; i < settings.instancesPerService; i++) {
                    String instance = instanceName(service, i);
                    App app = new App(
                            service, s, instance, instance.equals(deployInstanceName), settings.kubePrometheusStack);
                    // Processes were running before the window: counters start at non-zero values.
                    for (int m = 0; m < METHODS.length; m++) {
                        app.requests[m][0] = 1000L + random.nextInt(500_000);
                        app.requests[m][1] = random.nextInt(10_000);
                        app.requests[m][2] = random.nextInt(400);
                        app.requests[m][3] = random.nextInt(200);
                    }
                    for (int b = 0; b < app.bucketIntervals.length; b++) {
                        app.bucketIntervals[b] = (long) (NORMAL_LATENCY[b] * (1000 + random.nextInt(500_000)));
                        app.sumMillis += app.bucketIntervals[b] * HTTP_REPRESENTATIVE_MS[b];
                    }
                    app.cpuSeconds = 100 + random.nextInt(100_000);
                    apps.add(app);
                }
            }
            for (int n = 0; n < NODES; n++) {
                nodeNames[n] = "node-" + n + ":9100";
                for (int c = 0; c < CPUS_PER_NODE; c++) {
                    for (int mode = 0; mode < CPU_MODES.length; mode++) {
                        nodeCpu[n][c][mode] = random.nextInt(1_000_000);
                    }
                }
                nodeRx[n] = random.nextInt(Integer.MAX_VALUE);
                nodeTx[n] = random.nextInt(Integer.MAX_VALUE);
            }
            for (int b = 0; b < dbBuckets.length; b++) {
                dbBuckets[b] = (long) (DB_LATENCY[b] * (1000 + random.nextInt(1_000_000)));
                dbSumMicros += dbBuckets[b] * DB_REPRESENTATIVE_US[b];
            }
            redisHits = random.nextInt(100_000_000);
            redisMisses = random.nextInt(3_000_000);
            wsAttempts = random.nextInt(10_000);
            wsSuccesses = wsAttempts - random.nextInt((int) Math.max(1, wsAttempts / 50));
        }

        private void family(String name, String type, String help) {
            families.put(name, new Family(name, type, help));
        }

        Dataset execute() throws IOException {
            for (long t = firstSampleSec; t <= endSec; t += stepSeconds) {
                int window = (int) Math.min(
                        (t - firstSampleSec) / FILE_WINDOW_SECONDS,
                        (endSec - firstSampleSec - 1) / FILE_WINDOW_SECONDS);
                if (window != currentWindow) {
                    flushWindow();
                    currentWindow = window;
                }
                currentTime = t;
                step(t, t == firstSampleSec);
            }
            flushWindow();
            Manifest manifest = manifest();
            Path manifestFile = directory.resolve(MANIFEST_FILE);
            ManifestJson.write(manifest, manifestFile);
            List<Path> paths = files.stream().map(directory::resolve).toList();
            return new Dataset(directory, paths, manifest);
        }

        private void flushWindow() throws IOException {
            if (currentWindow < 0) {
                return;
            }
            String name = String.format("ga-day-%03d.om", currentWindow);
            Path file = directory.resolve(name);
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
                for (Family f : families.values()) {
                    if (f.samples.length() == 0) {
                        continue;
                    }
                    out.write("# HELP " + f.name + " " + f.help + "\n");
                    out.write("# TYPE " + f.name + " " + f.type + "\n");
                    out.append(f.samples);
                    f.samples.setLength(0);
                }
                out.write("# EOF\n");
            }
            files.add(name);
        }

        private void emit(String family, String prefix, long value) {
            seriesThisStep++;
            families.get(family)
                    .samples
                    .append(prefix)
                    .append(value)
                    .append(' ')
                    .append(currentTime)
                    .append('\n');
        }

        private void emitFixed3(String family, String prefix, long thousandths) {
            seriesThisStep++;
            StringBuilder sb = families.get(family)
                    .samples
                    .append(prefix)
                    .append(thousandths / 1000)
                    .append('.');
            long frac = thousandths % 1000;
            if (frac < 100) {
                sb.append('0');
            }
            if (frac < 10) {
                sb.append('0');
            }
            sb.append(frac).append(' ').append(currentTime).append('\n');
        }

        private long stochasticRound(double x) {
            long floor = (long) Math.floor(x);
            return floor + (random.nextDouble() < x - floor ? 1 : 0);
        }

        private double noise(double amplitude) {
            return 1 + amplitude * (random.nextDouble() * 2 - 1);
        }

        /** Daily traffic shape: 0.5 at 03:00 UTC, 1.5 at 15:00 UTC. */
        private double dailyShape(long t) {
            double hour = Math.floorMod(t, 86_400L) / 3600.0;
            return 1 + 0.5 * Math.sin(2 * Math.PI * (hour - 9) / 24);
        }

        private boolean inIncident(long t) {
            return t > incidentStart && t <= incidentEnd;
        }

        private boolean inStorm(long t) {
            return t > stormStart && t <= stormEnd;
        }

        private boolean isDown(long t) {
            return t >= downStart && t < downEnd;
        }

        private void step(long t, boolean first) {
            double shape = dailyShape(t);
            long trafficThisStep = 0;
            for (App app : apps) {
                trafficThisStep += appStep(app, t, first, shape);
            }
            infraStep(t, first, shape, trafficThisStep);
            if (settings.kubePrometheusStack) {
                kubeStateMetricsStep(t);
            }
            alertsStep(t);
            if (settings.prometheusSelf) {
                prometheusSelfStep();
            }
            seriesThisStep = 0;
        }

        /**
         * Prometheus scraping itself: up, and a head block that holds exactly the series this step wrote (these
         * three included) and grows by as many samples per step.
         */
        private void prometheusSelfStep() {
            String self = "job=\"prometheus\",instance=\"localhost:9090\"";
            emit("up", "up{" + self + "} ", 1);
            long series = seriesThisStep + 2;
            emit("prometheus_tsdb_head_series", "prometheus_tsdb_head_series{" + self + "} ", series);
            samplesAppended += series;
            emit(
                    "prometheus_tsdb_head_samples_appended",
                    "prometheus_tsdb_head_samples_appended_total{" + self + "} ",
                    samplesAppended);
        }

        /** Simulates one instance at sample time t; returns the requests it served in (t - step, t]. */
        private long appStep(App app, long t, boolean first, double shape) {
            boolean down = app.deployed && isDown(t);
            if (down) {
                if (t == downStart) {
                    valueBeforeReset = app.totalRequests();
                }
                emit("up", app.upPrefix, 0);
                downSamples++;
                return 0;
            }
            long served = 0;
            boolean restarted = app.deployed && t == downEnd;
            if (restarted) {
                // The new process's first scrape: every counter starts again at 0.
                app.reset();
            } else if (!first) {
                served = serve(app, t, shape);
            }
            if (app.deployed) {
                if (t == resetWindowStart) {
                    valueAtResetWindowStart = app.totalRequests();
                }
                if (t > resetWindowStart && t <= resetWindowEnd) {
                    resetIncrease += served;
                }
                if (t == resetWindowEnd) {
                    valueAtResetWindowEnd = app.totalRequests();
                }
            }
            emit("up", app.upPrefix, 1);
            for (int m = 0; m < METHODS.length; m++) {
                for (int s = 0; s < STATUSES.length; s++) {
                    emit("http_requests", app.requestPrefix[m][s], app.requests[m][s]);
                }
            }
            long cumulative = 0;
            for (int b = 0; b < app.bucketIntervals.length; b++) {
                cumulative += app.bucketIntervals[b];
                emit("http_request_duration_seconds", app.bucketPrefix[b], cumulative);
            }
            emitFixed3("http_request_duration_seconds", app.sumPrefix, app.sumMillis);
            emit("http_request_duration_seconds", app.countPrefix, cumulative);
            emit("process_cpu_seconds", app.cpuPrefix, app.cpuSeconds);
            long memory = (200L + 10L * app.serviceIndex) * 1024 * 1024 + 4096L * random.nextInt(8192);
            if (app.instance.equals(settings.leakingInstance)) {
                // Steady growth from the GA window's start (the release leaks), drawn from no random number: the other
                // series stay as they were.
                memory += settings.leakBytesPerHour * Math.max(0, t - startSec) / 3600;
            }
            emit("process_resident_memory_bytes", app.memPrefix, memory);
            return served;
        }

        private long serve(App app, long t, double shape) {
            double baseRps = 20 + 7 * ((app.serviceIndex * 7) % 10);
            double perInstance = baseRps / settings.instancesPerService;
            long n = Math.max(0, stochasticRound(perInstance * shape * stepSeconds * noise(0.1)));
            boolean incident = app.service.equals(incidentService) && inIncident(t);
            double p500 = incident ? settings.incidentErrorRatio * 0.7 : P500;
            double p503 = incident ? settings.incidentErrorRatio * 0.3 : P503;
            long get = Math.min(n, stochasticRound(n * 0.8));
            long[] byMethod = {get, n - get};
            // The manifest's truth covers the GA window only: the history before it is served, not counted.
            ServiceCounts counts = t > startSec ? serviceCounts.get(app.service) : historyCounts;
            for (int m = 0; m < METHODS.length; m++) {
                long c = byMethod[m];
                long remaining = c;
                long c404 = Math.min(remaining, stochasticRound(c * P404));
                remaining -= c404;
                long c500 = Math.min(remaining, stochasticRound(c * p500));
                remaining -= c500;
                long c503 = Math.min(remaining, stochasticRound(c * p503));
                remaining -= c503;
                long[] add = {remaining, c404, c500, c503};
                for (int s = 0; s < STATUSES.length; s++) {
                    app.requests[m][s] += add[s];
                }
                counts.total += c;
                counts.clientErrors4xx += c404;
                counts.errors5xx += c500 + c503;
                if (incident) {
                    incidentCounts.total += c;
                    incidentCounts.errors5xx += c500 + c503;
                }
            }
            double[] latency = incident ? INCIDENT_LATENCY : NORMAL_LATENCY;
            long remaining = n;
            long[] add = new long[latency.length];
            for (int b = 0; b < latency.length; b++) {
                if (b != MODAL_BUCKET) {
                    add[b] = Math.min(remaining, stochasticRound(n * latency[b]));
                    remaining -= add[b];
                }
            }
            add[MODAL_BUCKET] = remaining;
            for (int b = 0; b < latency.length; b++) {
                app.bucketIntervals[b] += add[b];
                app.sumMillis += add[b] * HTTP_REPRESENTATIVE_MS[b];
                counts.bucketIntervals[b] += add[b];
                if (incident) {
                    incidentCounts.bucketIntervals[b] += add[b];
                }
            }
            app.cpuSeconds += stochasticRound(stepSeconds * (0.02 + 0.004 * n / (double) stepSeconds));
            return n;
        }

        private void infraStep(long t, boolean first, double shape, long traffic) {
            // PostgreSQL (postgres_exporter) and the services' client-side query latency.
            String pg = settings.kubePrometheusStack
                    ? "job=\"postgres-exporter\",namespace=\"" + KUBE_NAMESPACE + "\",instance=\"postgres-0:9187\""
                    : "job=\"postgres\",instance=\"postgres-0:9187\"";
            if (settings.postgres) {
                postgresStep(pg, first, shape, traffic);
            }
            if (settings.redis) {
                redisStep(first, shape, traffic, t);
            }
            nodeStep(first, shape, traffic);
            websocketStep(first, shape, t);
        }

        private void postgresStep(String pg, boolean first, double shape, long traffic) {
            emit("up", "up{" + pg + "} ", 1);
            emit(
                    "pg_stat_database_numbackends",
                    "pg_stat_database_numbackends{" + pg + ",datname=\"app\"} ",
                    Math.round(30 + 40 * (shape - 0.5) * noise(0.1)));
            emit("pg_settings_max_connections", "pg_settings_max_connections{" + pg + "} ", 200);
            if (!first) {
                long queries = stochasticRound(traffic * 0.5);
                long remaining = queries;
                for (int b = 0; b < dbBuckets.length; b++) {
                    long add = b == 0 ? 0 : Math.min(remaining, stochasticRound(queries * DB_LATENCY[b]));
                    if (b > 0) {
                        dbBuckets[b] += add;
                        dbSumMicros += add * DB_REPRESENTATIVE_US[b];
                        remaining -= add;
                    }
                }
                dbBuckets[0] += remaining;
                dbSumMicros += remaining * DB_REPRESENTATIVE_US[0];
            }
            long cumulative = 0;
            for (int b = 0; b < dbBuckets.length; b++) {
                cumulative += dbBuckets[b];
                emit(
                        "db_query_duration_seconds",
                        "db_query_duration_seconds_bucket{" + pg + ",le=\"" + DB_BUCKETS.get(b) + "\"} ",
                        cumulative);
            }
            emitFixed3("db_query_duration_seconds", "db_query_duration_seconds_sum{" + pg + "} ", dbSumMicros / 1000);
            emit("db_query_duration_seconds", "db_query_duration_seconds_count{" + pg + "} ", cumulative);
        }

        private void redisStep(boolean first, double shape, long traffic, long t) {
            // Redis (redis_exporter).
            String redis = settings.kubePrometheusStack
                    ? "job=\"redis-exporter\",namespace=\"" + KUBE_NAMESPACE + "\",instance=\"redis-0:9121\""
                    : "job=\"redis\",instance=\"redis-0:9121\"";
            emit("up", "up{" + redis + "} ", 1);
            if (!first) {
                long lookups = stochasticRound(traffic * 2.0);
                long misses = Math.min(lookups, stochasticRound(lookups * 0.03));
                redisHits += lookups - misses;
                redisMisses += misses;
                if (t > startSec) {
                    truthRedisHits += lookups - misses;
                    truthRedisMisses += misses;
                }
            }
            emit("redis_keyspace_hits", "redis_keyspace_hits_total{" + redis + "} ", redisHits);
            emit("redis_keyspace_misses", "redis_keyspace_misses_total{" + redis + "} ", redisMisses);
            emit(
                    "redis_memory_used_bytes",
                    "redis_memory_used_bytes{" + redis + "} ",
                    512L * 1024 * 1024 + (t - firstSampleSec) * 64 + 4096L * random.nextInt(4096));
            emit(
                    "redis_connected_clients",
                    "redis_connected_clients{" + redis + "} ",
                    Math.round(40 + 20 * shape * noise(0.1)));
        }

        private void nodeStep(boolean first, double shape, long traffic) {
            // node_exporter on two nodes.
            for (int n = 0; n < NODES; n++) {
                String node = "job=\"" + (settings.kubePrometheusStack ? "node-exporter" : "node") + "\",instance=\""
                        + nodeNames[n] + "\"";
                emit("up", "up{" + node + "} ", 1);
                double utilisation = Math.min(0.95, 0.15 + 0.35 * shape * noise(0.15));
                for (int c = 0; c < CPUS_PER_NODE; c++) {
                    if (!first) {
                        long user = Math.min(stepSeconds, stochasticRound(stepSeconds * utilisation * 0.7));
                        long system = Math.min(stepSeconds - user, stochasticRound(stepSeconds * utilisation * 0.3));
                        nodeCpu[n][c][0] += stepSeconds - user - system;
                        nodeCpu[n][c][1] += user;
                        nodeCpu[n][c][2] += system;
                    }
                    for (int mode = 0; mode < CPU_MODES.length; mode++) {
                        emit(
                                "node_cpu_seconds",
                                "node_cpu_seconds_total{" + node + ",cpu=\"" + c + "\",mode=\"" + CPU_MODES[mode]
                                        + "\"} ",
                                nodeCpu[n][c][mode]);
                    }
                }
                emit("node_memory_MemTotal_bytes", "node_memory_MemTotal_bytes{" + node + "} ", MEM_TOTAL);
                emit(
                        "node_memory_MemAvailable_bytes",
                        "node_memory_MemAvailable_bytes{" + node + "} ",
                        (long) (MEM_TOTAL * (0.65 - 0.25 * utilisation)) / 4096 * 4096);
                if (!first) {
                    nodeRx[n] += stochasticRound(traffic * 1800.0 / NODES * noise(0.05));
                    nodeTx[n] += stochasticRound(traffic * 5200.0 / NODES * noise(0.05));
                }
                emit(
                        "node_network_receive_bytes",
                        "node_network_receive_bytes_total{" + node + ",device=\"eth0\"} ",
                        nodeRx[n]);
                emit(
                        "node_network_transmit_bytes",
                        "node_network_transmit_bytes_total{" + node + ",device=\"eth0\"} ",
                        nodeTx[n]);
            }
        }

        private void websocketStep(boolean first, double shape, long t) {
            // The websocket gateway's reconnect counters.
            String ws = ServiceNames.WEBSOCKET_GATEWAY;
            String wsLabels = settings.kubePrometheusStack
                    ? kubeLabels(ws, ws + "-0:8080")
                    : "job=\"" + ws + "\",service=\"" + ws + "\",instance=\"" + ws + "-0:8080\"";
            emit("up", "up{" + wsLabels + "} ", 1);
            if (!first) {
                boolean storm = inStorm(t);
                long attempts = storm
                        ? stochasticRound(stepSeconds * 8.0 * noise(0.2))
                        : stochasticRound(stepSeconds * 0.2 * shape * noise(0.3));
                long successes = Math.min(attempts, stochasticRound(attempts * (storm ? 0.70 : 0.99)));
                wsAttempts += attempts;
                wsSuccesses += successes;
                if (t > startSec) {
                    truthWsAttempts += attempts;
                    truthWsSuccesses += successes;
                }
                if (storm) {
                    stormAttempts += attempts;
                    stormSuccesses += successes;
                }
            }
            emit("websocket_reconnect_attempts", "websocket_reconnect_attempts_total{" + wsLabels + "} ", wsAttempts);
            emit("websocket_reconnect_success", "websocket_reconnect_success_total{" + wsLabels + "} ", wsSuccesses);
        }

        /** kube-state-metrics: the deployed pod restarts once when its downtime ends; one replica is unavailable meanwhile. */
        private void kubeStateMetricsStep(long t) {
            String ksm = "job=\"kube-state-metrics\",namespace=\"" + KUBE_NAMESPACE + "\"";
            for (App app : apps) {
                long restarts = app.deployed && t >= downEnd ? 1 : 0;
                emit(
                        "kube_pod_container_status_restarts",
                        "kube_pod_container_status_restarts_total{" + ksm + ",pod=\""
                                + podName(app.service, app.instance) + "\",container=\"" + app.service + "\"} ",
                        restarts);
            }
            int replicas = settings.instancesPerService;
            for (String service : serviceNames) {
                boolean rolling = service.equals(deployService) && isDown(t);
                String deployment = ksm + ",deployment=\"" + service + "\"} ";
                emit("kube_deployment_spec_replicas", "kube_deployment_spec_replicas{" + deployment, replicas);
                emit(
                        "kube_deployment_status_replicas_updated",
                        "kube_deployment_status_replicas_updated{" + deployment,
                        replicas);
                emit(
                        "kube_deployment_status_replicas_available",
                        "kube_deployment_status_replicas_available{" + deployment,
                        rolling ? replicas - 1 : replicas);
            }
        }

        private void alertsStep(long t) {
            if (inIncident(t)) {
                alert("HighErrorRate", "critical", Map.of("service", incidentService), t);
            }
            if (isDown(t)) {
                alert("InstanceDown", "warning", Map.of("service", deployService, "instance", deployInstanceName), t);
            }
            if (inStorm(t)) {
                alert("WebsocketReconnectStorm", "warning", Map.of("service", ServiceNames.WEBSOCKET_GATEWAY), t);
            }
        }

        private void alert(String name, String severity, Map<String, String> labels, long t) {
            StringBuilder prefix = new StringBuilder("ALERTS{alertname=\"")
                    .append(name)
                    .append("\",alertstate=\"firing\",severity=\"")
                    .append(severity)
                    .append('"');
            new TreeMap<>(labels)
                    .forEach((k, v) ->
                            prefix.append(',').append(k).append("=\"").append(v).append('"'));
            emit("ALERTS", prefix.append("} ").toString(), 1);
            AlertTrack track = alerts.computeIfAbsent(name, k -> new AlertTrack(name, severity, labels, t));
            track.last = t;
            track.samples++;
        }

        private Manifest manifest() {
            List<Manifest.Service> services = new ArrayList<>();
            for (String service : serviceNames) {
                List<String> instances = new ArrayList<>();
                for (int i = 0; i < settings.instancesPerService; i++) {
                    instances.add(instanceName(service, i));
                }
                services.add(new Manifest.Service(service, instances));
            }
            Map<String, Manifest.ServiceTruth> serviceTruths = new TreeMap<>();
            serviceCounts.forEach((service, c) -> serviceTruths.put(
                    service,
                    new Manifest.ServiceTruth(
                            c.total,
                            c.errors5xx,
                            c.clientErrors4xx,
                            c.total == 0 ? Double.NaN : 100.0 * (1.0 - (double) c.errors5xx / c.total),
                            cumulativeBuckets(c.bucketIntervals))));
            List<Manifest.BucketCount> incidentBuckets = cumulativeBuckets(incidentCounts.bucketIntervals);
            double[] p99 = p99Bucket(incidentBuckets);
            Manifest.IncidentTruth incidentTruth = new Manifest.IncidentTruth(
                    incidentService,
                    Instant.ofEpochSecond(incidentStart),
                    Instant.ofEpochSecond(incidentEnd),
                    incidentCounts.total,
                    incidentCounts.errors5xx,
                    (double) incidentCounts.errors5xx / incidentCounts.total,
                    incidentBuckets,
                    p99[0],
                    p99[1]);
            Manifest.CounterResetTruth reset = new Manifest.CounterResetTruth(
                    deployService,
                    deployInstanceName,
                    Instant.ofEpochSecond(resetWindowStart),
                    Instant.ofEpochSecond(resetWindowEnd),
                    resetIncrease,
                    valueBeforeReset,
                    valueAtResetWindowStart,
                    valueAtResetWindowEnd);
            Manifest.DownTruth down = new Manifest.DownTruth(
                    deployInstanceName,
                    Instant.ofEpochSecond(downStart),
                    Instant.ofEpochSecond(downEnd - stepSeconds),
                    downSamples);
            Manifest.WebsocketTruth ws = new Manifest.WebsocketTruth(
                    truthWsAttempts,
                    truthWsSuccesses,
                    (double) truthWsSuccesses / truthWsAttempts,
                    stormAttempts,
                    stormSuccesses,
                    (double) stormSuccesses / stormAttempts);
            Manifest.RedisTruth redis = new Manifest.RedisTruth(
                    truthRedisHits, truthRedisMisses, (double) truthRedisHits / (truthRedisHits + truthRedisMisses));
            Manifest.Events events = new Manifest.Events(
                    new Manifest.Incident(
                            incidentService,
                            Instant.ofEpochSecond(incidentStart),
                            Instant.ofEpochSecond(incidentEnd),
                            settings.incidentErrorRatio),
                    new Manifest.Deploy(
                            deployService,
                            deployInstanceName,
                            Instant.ofEpochSecond(downStart),
                            Instant.ofEpochSecond(downEnd)),
                    new Manifest.ReconnectStorm(
                            ServiceNames.WEBSOCKET_GATEWAY,
                            Instant.ofEpochSecond(stormStart),
                            Instant.ofEpochSecond(stormEnd)));
            List<Manifest.Alert> alertList = alerts.values().stream()
                    .map(a -> new Manifest.Alert(
                            a.name,
                            a.severity,
                            new TreeMap<>(a.labels),
                            Instant.ofEpochSecond(a.first),
                            Instant.ofEpochSecond(a.last),
                            a.samples))
                    .toList();
            return new Manifest(
                    settings.seed,
                    Instant.ofEpochSecond(startSec),
                    Instant.ofEpochSecond(endSec),
                    stepSeconds,
                    services,
                    ServiceNames.WEBSOCKET_GATEWAY,
                    files,
                    events,
                    alertList,
                    new Manifest.Truths(serviceTruths, incidentTruth, reset, down, ws, redis));
        }
    }

    private static final class AlertTrack {
        final String name;
        final String severity;
        final Map<String, String> labels;
        final long first;
        long last;
        long samples;

        AlertTrack(String name, String severity, Map<String, String> labels, long first) {
            this.name = name;
            this.severity = severity;
            this.labels = labels;
            this.first = first;
        }
    }

    static List<Manifest.BucketCount> cumulativeBuckets(long[] intervals) {
        List<Manifest.BucketCount> buckets = new ArrayList<>();
        long cumulative = 0;
        for (int b = 0; b < intervals.length; b++) {
            cumulative += intervals[b];
            String le = HTTP_BUCKETS.get(b);
            buckets.add(new Manifest.BucketCount(le, parseLe(le), cumulative));
        }
        return buckets;
    }

    static double parseLe(String le) {
        return le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
    }

    /** {lower, upper} bounds of the bucket the 0.99 quantile falls in. */
    static double[] p99Bucket(List<Manifest.BucketCount> buckets) {
        long total = buckets.get(buckets.size() - 1).cumulativeCount();
        double rank = 0.99 * total;
        double lower = 0;
        for (Manifest.BucketCount b : buckets) {
            if (b.cumulativeCount() >= rank) {
                return new double[] {lower, b.upperBound()};
            }
            lower = b.upperBound();
        }
        return new double[] {lower, Double.POSITIVE_INFINITY};
    }

    /** Dataset parameters; every setting has a default, so {@code builder().build()} is a 24 h × 10 services day at 15 s. */
    public static final class Builder {
        private long seed = 42;
        private Instant start = DEFAULT_START;
        private Duration length = Duration.ofHours(24);
        private Duration step = Duration.ofSeconds(15);
        private int services = 10;
        private int instancesPerService = 2;
        private String incidentService;
        private Duration incidentOffset;
        private Duration incidentDuration = Duration.ofMinutes(45);
        private double incidentErrorRatio = 0.08;
        private String deployService;
        private Integer deployInstance;
        private Duration deployOffset;
        private Duration downDuration = Duration.ofMinutes(5);
        private Duration stormOffset;
        private Duration stormDuration = Duration.ofMinutes(20);
        private String leakingInstance;
        private boolean kubePrometheusStack;
        private boolean redis = true;
        private boolean postgres = true;
        private long leakBytesPerHour;
        private Duration history = Duration.ZERO;
        private boolean prometheusSelf;

        private Builder() {}

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** First sample's time (whole seconds); default {@link #DEFAULT_START}. */
        public Builder start(Instant start) {
            this.start = Objects.requireNonNull(start, "start");
            return this;
        }

        /**
         * Samples before the GA window: a quiet stretch (no incident, deploy or storm, the same daily traffic shape)
         * that a drift baseline can be captured from, e.g. the day before. Not part of the manifest's window or
         * truth. Default none; a multiple of the step.
         */
        public Builder history(Duration history) {
            this.history = Objects.requireNonNull(history, "history");
            return this;
        }

        public Builder hours(int hours) {
            return length(Duration.ofHours(hours));
        }

        /** Dataset length: at least 2 h, a multiple of the step. */
        public Builder length(Duration length) {
            this.length = Objects.requireNonNull(length, "length");
            return this;
        }

        /** Sample spacing, whole seconds; default 15 s. A coarser step keeps tests small. */
        public Builder step(Duration step) {
            this.step = Objects.requireNonNull(step, "step");
            return this;
        }

        public Builder services(int services) {
            this.services = services;
            return this;
        }

        public Builder instancesPerService(int instancesPerService) {
            this.instancesPerService = instancesPerService;
            return this;
        }

        /** Incident service; default the first service ({@code checkout}). */
        public Builder incidentService(String service) {
            this.incidentService = service;
            return this;
        }

        /** Incident start relative to the dataset start; default 10/24 of the length. */
        public Builder incidentAt(Duration offset) {
            this.incidentOffset = offset;
            return this;
        }

        public Builder incidentDuration(Duration duration) {
            this.incidentDuration = Objects.requireNonNull(duration, "duration");
            return this;
        }

        /** Share of 5xx during the incident; default 0.08. */
        public Builder incidentErrorRatio(double ratio) {
            if (!(ratio > 0 && ratio < 0.9)) {
                throw new IllegalArgumentException("incident error ratio must be in (0, 0.9), got " + ratio);
            }
            this.incidentErrorRatio = ratio;
            return this;
        }

        /** Deployed service; default the second service ({@code payments}). */
        public Builder deployService(String service) {
            this.deployService = service;
            return this;
        }

        /** Index of the restarted instance; default the last one. */
        public Builder deployInstance(int index) {
            this.deployInstance = index;
            return this;
        }

        /** When the deployed instance goes down, relative to the start; default 6/24 of the length. */
        public Builder deployAt(Duration offset) {
            this.deployOffset = offset;
            return this;
        }

        public Builder downDuration(Duration duration) {
            this.downDuration = Objects.requireNonNull(duration, "duration");
            return this;
        }

        /** Reconnect storm start relative to the start; default 14/24 of the length. */
        public Builder reconnectStormAt(Duration offset) {
            this.stormOffset = offset;
            return this;
        }

        public Builder reconnectStormDuration(Duration duration) {
            this.stormDuration = Objects.requireNonNull(duration, "duration");
            return this;
        }

        /**
         * A memory leak: {@code process_resident_memory_bytes} of this instance (e.g. {@code "search-0:8080"}) grows
         * linearly by {@code bytesPerHour} from the first sample. Off by default.
         */
        public Builder memoryLeak(String instance, long bytesPerHour) {
            if (bytesPerHour <= 0) {
                throw new IllegalArgumentException("memory leak must grow by a positive amount, got " + bytesPerHour);
            }
            this.leakingInstance = Objects.requireNonNull(instance, "instance");
            this.leakBytesPerHour = bytesPerHour;
            return this;
        }

        /**
         * Labels as kube-prometheus-stack scrapes them: application series carry {@code job} (the service),
         * {@code namespace}, {@code pod}, {@code container}, {@code endpoint} and {@code instance}, no
         * {@code service}; exporters are the jobs {@code postgres-exporter}, {@code redis-exporter},
         * {@code node-exporter}; kube-state-metrics series ({@code job="kube-state-metrics"}) describe the
         * pods and deployments: the deployed instance's pod restarts once at the end of its downtime, and its
         * deployment has one replica fewer available meanwhile. Off by default.
         */
        public Builder kubePrometheusStack(boolean on) {
            this.kubePrometheusStack = on;
            return this;
        }

        /**
         * Prometheus's own series, as a server that scrapes itself has them: {@code up{job="prometheus"}},
         * {@code prometheus_tsdb_head_series} and {@code prometheus_tsdb_head_samples_appended_total}. Off by default.
         */
        public Builder prometheusSelf(boolean on) {
            this.prometheusSelf = on;
            return this;
        }

        /** Without the Redis exporter's series (on by default). */
        public Builder redis(boolean on) {
            this.redis = on;
            return this;
        }

        /** Without the PostgreSQL exporter's and the database-latency series (on by default). */
        public Builder postgres(boolean on) {
            this.postgres = on;
            return this;
        }

        /** Checks the settings (IllegalArgumentException naming the bad one) and returns the generator. */
        public GaDayGenerator build() {
            return new GaDayGenerator(copy());
        }

        private Builder copy() {
            Builder b = new Builder();
            b.seed = seed;
            b.start = start;
            b.length = length;
            b.step = step;
            b.services = services;
            b.instancesPerService = instancesPerService;
            b.incidentService = incidentService;
            b.incidentOffset = incidentOffset;
            b.incidentDuration = incidentDuration;
            b.incidentErrorRatio = incidentErrorRatio;
            b.deployService = deployService;
            b.deployInstance = deployInstance;
            b.deployOffset = deployOffset;
            b.downDuration = downDuration;
            b.stormOffset = stormOffset;
            b.stormDuration = stormDuration;
            b.leakingInstance = leakingInstance;
            b.leakBytesPerHour = leakBytesPerHour;
            b.kubePrometheusStack = kubePrometheusStack;
            b.redis = redis;
            b.postgres = postgres;
            b.history = history;
            b.prometheusSelf = prometheusSelf;
            return b;
        }

        /** A stable key of all settings, for caching generated datasets. */
        public String key() {
            return String.join(
                            "|",
                            String.valueOf(seed),
                            start.toString(),
                            length.toString(),
                            step.toString(),
                            String.valueOf(services),
                            String.valueOf(instancesPerService),
                            String.valueOf(incidentService),
                            String.valueOf(incidentOffset),
                            incidentDuration.toString(),
                            String.valueOf(incidentErrorRatio),
                            String.valueOf(deployService),
                            String.valueOf(deployInstance),
                            String.valueOf(deployOffset),
                            downDuration.toString(),
                            String.valueOf(stormOffset),
                            stormDuration.toString())
                    + (leakingInstance == null ? "" : "|leak=" + leakingInstance + "@" + leakBytesPerHour)
                    + (kubePrometheusStack ? "|kube-prometheus-stack" : "")
                    + (redis ? "" : "|no-redis")
                    + (postgres ? "" : "|no-postgres")
                    + (history.isZero() ? "" : "|history=" + history)
                    + (prometheusSelf ? "|prometheus-self" : "");
        }
    }
}
