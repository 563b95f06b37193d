package dev.gaday.testkit.live;

import dev.gaday.testkit.prometheus.PrometheusBinaries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Prometheus that scrapes live targets (e.g. a {@link LiveExporter}) on 127.0.0.1 at a short
 * interval, with an empty TSDB in a temporary directory removed on {@link #close()}.
 */
public final class ScrapingPrometheus implements AutoCloseable {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path workDir;
    private final int port;

    private ScrapingPrometheus(Process process, Path workDir, int port) {
        this.process = process;
        this.workDir = workDir;
        this.port = port;
    }

    /** Starts Prometheus scraping {@code targets} ("host:port") every {@code scrapeInterval}; waits until ready. */
    public static ScrapingPrometheus start(List<String> targets, Duration scrapeInterval) {
        PrometheusBinaries binaries = PrometheusBinaries.locate();
        Path workDir;
        try {
            workDir = Files.createTempDirectory("gaday-scraping-prometheus-");
            String interval = scrapeInterval.toMillis() + "ms";
            StringBuilder config = new StringBuilder("global:\n  scrape_interval: " + interval
                    + "\n  evaluation_interval: " + interval + "\nscrape_configs:\n  - job_name: live\n"
                    + "    scrape_interval: " + interval + "\n    scrape_timeout: " + interval
                    + "\n    static_configs:\n      - targets: [");
            for (int i = 0; i < targets.size(); i++) {
                config.append(i == 0 ? "" : ", ")
                        .append('"')
                        .append(targets.get(i))
                        .append('"');
            }
            config.append("]\n");
            Path configFile = workDir.resolve("prometheus.yml");
            Files.writeString(configFile, config.toString());
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            Path log = workDir.resolve("prometheus.log");
            Process process = new ProcessBuilder(
                            binaries.prometheus().toString(),
                            "--config.file=" + configFile,
                            "--storage.tsdb.path=" + workDir.resolve("data"),
                            "--web.listen-address=127.0.0.1:" + port)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            ScrapingPrometheus prometheus = new ScrapingPrometheus(process, workDir, port);
            try {
                prometheus.awaitReady(log);
            } catch (RuntimeException e) {
                prometheus.close();
                throw e;
            }
            return prometheus;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a scraping Prometheus: " + e.getMessage(), e);
        }
    }

    private void awaitReady(Path log) {
        URI ready = URI.create(url() + "/-/ready");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("prometheus exited before it was ready: " + read(log));
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
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for prometheus", e);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for prometheus", e);
            }
        }
        throw new IllegalStateException("prometheus not ready after 60 s: " + read(log));
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no log)";
        } catch (IOException e) {
            return "(cannot read the log)";
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try (Stream<Path> files = Files.walk(workDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory; the OS cleans up
        }
    }
}
