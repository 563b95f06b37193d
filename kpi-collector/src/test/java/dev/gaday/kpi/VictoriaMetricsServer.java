package dev.gaday.kpi;

import dev.gaday.testkit.Poll;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
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
import java.util.List;

/**
 * Debian's {@code victoria-metrics} on a loopback port, loaded with a dataset's OpenMetrics files
 * through its Prometheus import API. OpenMetrics timestamps are seconds; the Prometheus text
 * format VictoriaMetrics imports wants milliseconds, so each sample's timestamp is converted.
 */
final class VictoriaMetricsServer implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/victoria-metrics");

    private final Process process;
    private final String url;
    private final HttpClient http = HttpClient.newHttpClient();

    private VictoriaMetricsServer(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    static VictoriaMetricsServer start(Path dataDir) throws IOException {
        return start(dataDir, List.of());
    }

    /** @param flags more command-line flags, e.g. its query limits ("-search.maxPointsPerTimeseries=30") */
    static VictoriaMetricsServer start(Path dataDir, List<String> flags) throws IOException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(
                    BINARY + " is missing: apt-get install --no-install-recommends victoria-metrics");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new java.util.ArrayList<>(List.of(
                BINARY.toString(),
                "-httpListenAddr=127.0.0.1:" + port,
                "-storageDataPath=" + dataDir.resolve("data"),
                "-retentionPeriod=100y",
                "-search.disableCache",
                "-search.latencyOffset=0s"));
        command.addAll(flags);
        Files.createDirectories(dataDir);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("victoria-metrics.log").toFile())
                .start();
        VictoriaMetricsServer server = new VictoriaMetricsServer(process, "http://127.0.0.1:" + port);
        Poll.until(
                "victoria-metrics answers /health",
                Duration.ofSeconds(30),
                Duration.ofMillis(50),
                () -> server.status("/health") == 200);
        return server;
    }

    String url() {
        return url;
    }

    /** Imports every file, then waits until the last sample is searchable. */
    void load(List<Path> openMetricsFiles, Instant lastSample) throws IOException, InterruptedException {
        for (Path file : openMetricsFiles) {
            String body = toPrometheusText(Files.readString(file));
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(url + "/api/v1/import/prometheus"))
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(
                        "import of " + file + " failed: " + response.statusCode() + " " + response.body());
            }
        }
        status("/internal/force_flush");
        awaitSearchable(lastSample);
    }

    /** Waits until a query at {@code lastSample} finds the {@code up} series. */
    void awaitSearchable(Instant lastSample) {
        String probe = url + "/api/v1/query?time=" + lastSample.getEpochSecond() + "&query="
                + URLEncoder.encode("count(up)", StandardCharsets.UTF_8);
        Poll.until("imported samples are searchable", Duration.ofSeconds(60), Duration.ofMillis(200), () -> {
            try {
                String answer = http.send(
                                HttpRequest.newBuilder(URI.create(probe)).build(), HttpResponse.BodyHandlers.ofString())
                        .body();
                return answer.contains("\"value\"");
            } catch (IOException | InterruptedException e) {
                return false;
            }
        });
    }

    /** OpenMetrics (timestamps in seconds, comments, # EOF) to Prometheus text with millisecond timestamps. */
    static String toPrometheusText(String openMetrics) throws IOException {
        StringBuilder out = new StringBuilder(openMetrics.length() + openMetrics.length() / 8);
        try (BufferedReader reader = new BufferedReader(new StringReader(openMetrics))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int lastSpace = line.lastIndexOf(' ');
                String seconds = line.substring(lastSpace + 1);
                long millis =
                        new java.math.BigDecimal(seconds).movePointRight(3).longValueExact();
                out.append(line, 0, lastSpace + 1).append(millis).append('\n');
            }
        }
        return out.toString();
    }

    private int status(String path) {
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create(url + path)).build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
