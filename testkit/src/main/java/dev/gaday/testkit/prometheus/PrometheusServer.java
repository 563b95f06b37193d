package dev.gaday.testkit.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gaday.testkit.dataset.Dataset;
import dev.gaday.testkit.dataset.Manifest;
import dev.gaday.testkit.dataset.ManifestJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A real Prometheus holding a backfilled dataset: {@code promtool tsdb create-blocks-from openmetrics} per
 * file into a temporary TSDB, then {@code prometheus} on a free loopback port with no scrape targets and a
 * 100-year retention (the blocks lie in the past). {@link #close()} kills it and deletes the temporary directory.
 *
 * <p>Query at {@link #evaluationTime()}: selectors go stale 5 minutes after the dataset's last sample.
 */
public final class PrometheusServer implements AutoCloseable {

    static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final int START_ATTEMPTS = 3;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Dataset dataset;
    private final Path workDir;
    private final Process process;
    private final int port;
    private final Duration backfillTime;
    private final Duration startupTime;
    private final Thread shutdownHook;
    private volatile boolean stopped;

    private PrometheusServer(
            Dataset dataset, Path workDir, Process process, int port, Duration backfillTime, Duration startupTime) {
        this.dataset = dataset;
        this.workDir = workDir;
        this.process = process;
        this.port = port;
        this.backfillTime = backfillTime;
        this.startupTime = startupTime;
        this.shutdownHook = new Thread(process::destroyForcibly, "prometheus-" + port + "-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Backfills {@code dataset} and starts Prometheus on it, with the binaries {@link PrometheusBinaries#locate()} finds. */
    public static PrometheusServer start(Dataset dataset) {
        return start(dataset, PrometheusBinaries.locate());
    }

    public static PrometheusServer start(Dataset dataset, PrometheusBinaries binaries) {
        return start(dataset, binaries, null, List.of());
    }

    /**
     * Starts Prometheus on a copy of {@code backfilledTsdb}, a directory {@link Backfill#run} filled from
     * {@code dataset} earlier: several servers share one backfill (what {@link PrometheusExtension} does).
     */
    public static PrometheusServer startOnCopyOf(Dataset dataset, Path backfilledTsdb, PrometheusBinaries binaries) {
        return start(dataset, binaries, backfilledTsdb, List.of());
    }

    /**
     * As {@link #startOnCopyOf(Dataset, Path, PrometheusBinaries)}, with extra command-line flags for Prometheus,
     * e.g. {@code --query.max-samples=5000} or {@code --query.timeout=2s} (a server with limits).
     */
    public static PrometheusServer startOnCopyOf(
            Dataset dataset, Path backfilledTsdb, PrometheusBinaries binaries, List<String> extraFlags) {
        return start(dataset, binaries, backfilledTsdb, extraFlags);
    }

    /** Where servers' temporary directories go: {@value #TMPDIR_PROPERTY}, else java.io.tmpdir. */
    public static final String TMPDIR_PROPERTY = "gaday.testkit.tmpdir";

    private static Path temporaryRoot() throws IOException {
        Path root = Path.of(System.getProperty(TMPDIR_PROPERTY, System.getProperty("java.io.tmpdir")));
        return Files.createDirectories(root);
    }

    private static PrometheusServer start(
            Dataset dataset, PrometheusBinaries binaries, Path backfilledTsdb, List<String> extraFlags) {
        Path workDir;
        try {
            workDir = Files.createTempDirectory(temporaryRoot(), "gaday-prometheus-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for Prometheus: " + e.getMessage(), e);
        }
        try {
            Path tsdb = workDir.resolve("data");
            long t0 = System.nanoTime();
            if (backfilledTsdb == null) {
                Backfill.run(binaries.promtool(), dataset.files(), tsdb, workDir);
            } else {
                copyBlocks(backfilledTsdb, tsdb);
            }
            Duration backfillTime = Duration.ofNanos(System.nanoTime() - t0);
            Path config = workDir.resolve("prometheus.yml");
            Files.writeString(
                    config,
                    "# No scrape targets: this Prometheus only serves backfilled history.\n"
                            + "global:\n  scrape_interval: 1m\nscrape_configs: []\n");
            IllegalStateException lastFailure = null;
            for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
                int port = freePort();
                long t1 = System.nanoTime();
                Path log = workDir.resolve("prometheus-" + attempt + ".log");
                List<String> command = new ArrayList<>(List.of(
                        binaries.prometheus().toString(),
                        "--config.file=" + config,
                        "--storage.tsdb.path=" + tsdb,
                        "--storage.tsdb.retention.time=100y",
                        "--web.listen-address=127.0.0.1:" + port,
                        "--log.level=info"));
                command.addAll(extraFlags);
                Process process = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
                try {
                    awaitReady(process, port, log);
                    return new PrometheusServer(
                            dataset, workDir, process, port, backfillTime, Duration.ofNanos(System.nanoTime() - t1));
                } catch (IllegalStateException e) {
                    stopProcess(process);
                    lastFailure = e;
                    // Another process may have taken the free port between probe and bind: try a new one.
                    if (!tail(log).contains("address already in use")) {
                        break;
                    }
                }
            }
            throw lastFailure;
        } catch (IOException e) {
            deleteRecursively(workDir);
            throw new UncheckedIOException("cannot start Prometheus: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteRecursively(workDir);
            throw e;
        }
    }

    /**
     * Waits until the Prometheus {@code process} listening on {@code port} answers /-/ready; fails with the
     * end of its {@code log} when it exits first or is not ready within a minute.
     */
    public static void awaitReady(Process process, int port, Path log) {
        URI ready = URI.create("http://127.0.0.1:" + port + "/-/ready");
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("prometheus exited with code " + process.exitValue()
                        + " before it was ready; its log ends with:\n" + tail(log));
            }
            try {
                HttpResponse<Void> response = HTTP.send(
                        HttpRequest.newBuilder(ready)
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for prometheus", e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("prometheus on port " + port + " not ready after "
                        + READY_TIMEOUT.toSeconds() + " s; its log ends with:\n" + tail(log));
            }
            try {
                process.waitFor(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for prometheus", e);
            }
        }
    }

    static String tail(Path log) {
        try {
            if (!Files.exists(log)) {
                return "(no output)";
            }
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public URI baseUri() {
        return URI.create(url());
    }

    /** The Prometheus process id, so that scripts can make sure it is gone after a stop. */
    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    public Dataset dataset() {
        return dataset;
    }

    public Manifest manifest() {
        return dataset.manifest();
    }

    /** The dataset's last sample time; pass it as {@code time} to every instant query. */
    public Instant evaluationTime() {
        return dataset.evaluationTime();
    }

    /** How long promtool took to backfill every file. */
    public Duration backfillTime() {
        return backfillTime;
    }

    /** From process start to {@code /-/ready} answering 200. */
    public Duration startupTime() {
        return startupTime;
    }

    public boolean isRunning() {
        return !stopped && process.isAlive();
    }

    /** Instant query at {@link #evaluationTime()}; returns {@code data} of a successful answer. */
    public JsonNode query(String promql) {
        return query(promql, evaluationTime());
    }

    /** Instant query at {@code time}; returns {@code data} of a successful answer, else IllegalStateException. */
    public JsonNode query(String promql, Instant time) {
        return get("/api/v1/query", Map.of("query", promql, "time", String.valueOf(time.getEpochSecond())));
    }

    /** Range query; returns {@code data}. */
    public JsonNode queryRange(String promql, Instant start, Instant end, Duration step) {
        return get(
                "/api/v1/query_range",
                Map.of(
                        "query",
                        promql,
                        "start",
                        String.valueOf(start.getEpochSecond()),
                        "end",
                        String.valueOf(end.getEpochSecond()),
                        "step",
                        step.toSeconds() + "s"));
    }

    /**
     * An instant vector query at {@code time}, as {@code label value -> sample value}; a series without the label
     * is keyed by "". Fails when two series share the label value.
     */
    public Map<String, Double> vectorBy(String label, String promql, Instant time) {
        JsonNode data = query(promql, time);
        if (!"vector".equals(data.path("resultType").asText())) {
            throw new IllegalStateException("expected a vector for " + promql + ", got "
                    + data.path("resultType").asText());
        }
        Map<String, Double> values = new TreeMap<>();
        for (JsonNode series : data.path("result")) {
            String key = series.path("metric").path(label).asText("");
            Double previous = values.put(
                    key, SampleValues.parse(series.path("value").path(1).asText()));
            if (previous != null) {
                throw new IllegalStateException("two series with " + label + "=\"" + key + "\" in " + promql);
            }
        }
        return values;
    }

    /** The single value of a one-series instant query at {@code time} (a scalar or a one-element vector). */
    public double singleValue(String promql, Instant time) {
        JsonNode data = query(promql, time);
        String type = data.path("resultType").asText();
        if (type.equals("scalar")) {
            return SampleValues.parse(data.path("result").path(1).asText());
        }
        JsonNode result = data.path("result");
        if (!type.equals("vector") || result.size() != 1) {
            throw new IllegalStateException("expected one series for " + promql + " at " + time + ", got " + data);
        }
        return SampleValues.parse(result.get(0).path("value").path(1).asText());
    }

    private JsonNode get(String path, Map<String, String> params) {
        StringBuilder uri = new StringBuilder(url()).append(path).append('?');
        new TreeMap<>(params).forEach((k, v) -> uri.append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8))
                .append('&'));
        uri.setLength(uri.length() - 1);
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri.toString()))
                .timeout(Duration.ofSeconds(30))
                .build();
        HttpResponse<String> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + uri + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: GET " + uri, e);
        }
        JsonNode body;
        try {
            body = ManifestJson.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(
                    "GET " + uri + ": HTTP " + response.statusCode() + ", not JSON: " + response.body());
        }
        if (response.statusCode() != 200
                || !"success".equals(body.path("status").asText())) {
            throw new IllegalStateException("GET " + uri + ": HTTP " + response.statusCode() + " "
                    + body.path("errorType").asText() + ": "
                    + body.path("error").asText());
        }
        return body.path("data");
    }

    /** Kills Prometheus and deletes its temporary directory; idempotent. */
    public void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        stopProcess(process);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down; the hook runs anyway.
        }
        deleteRecursively(workDir);
    }

    @Override
    public void close() {
        stop();
    }

    private static void stopProcess(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void copyBlocks(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(paths.toList());
            java.util.Collections.reverse(all);
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "PrometheusServer[" + url() + ", dataset " + dataset.manifest().start() + " .. "
                + dataset.manifest().end() + "]";
    }
}
