package dev.gaday.testkit.live;

import dev.gaday.testkit.prometheus.PrometheusBinaries;
import dev.gaday.testkit.prometheus.PrometheusServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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
                PrometheusServer.awaitReady(prometheus.process, prometheus.port, log);
            } catch (RuntimeException e) {
                prometheus.close();
                throw e;
            }
            return prometheus;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a scraping Prometheus: " + e.getMessage(), e);
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
