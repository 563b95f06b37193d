package dev.gaday.testkit.prometheus;

import dev.gaday.testkit.dataset.Dataset;
import dev.gaday.testkit.dataset.GaDayGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * For the demo and for rehearsals: generates a GA day, serves it from a real Prometheus on a free
 * loopback port, writes {@code prometheus.env} (PROMETHEUS_URL, PROMETHEUS_PID, GA_START, GA_END, and the injected
 * incident's INCIDENT_SERVICE, INCIDENT_START, INCIDENT_END) into the dataset directory once ready, and runs until it is stopped (SIGTERM or SIGINT stop Prometheus
 * and delete its temporary TSDB).
 * {@code ServeDataset <dir> [hours=24] [stepSeconds=60] [services=10] [seed=42] [historyHours=0]}: with history, the
 * series begin that many hours before GA_START (a quiet stretch with the same daily shape, for a drift baseline).
 * Prometheus's own series are there, as on a server that scrapes itself.
 */
public final class ServeDataset {

    private ServeDataset() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 1 || args.length > 6) {
            System.err.println(
                    "usage: ServeDataset <dir> [hours=24] [stepSeconds=60] [services=10] [seed=42] [historyHours=0]");
            System.exit(2);
        }
        PrometheusServer server;
        Path dir = Path.of(args[0]);
        try {
            Dataset dataset = GaDayGenerator.builder()
                    .hours(args.length > 1 ? Integer.parseInt(args[1]) : 24)
                    .step(Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 60))
                    .services(args.length > 3 ? Integer.parseInt(args[3]) : 10)
                    .seed(args.length > 4 ? Long.parseLong(args[4]) : 42)
                    .history(Duration.ofHours(args.length > 5 ? Long.parseLong(args[5]) : 0))
                    .prometheusSelf(true)
                    .build()
                    .generate(dir);
            server = PrometheusServer.start(dataset);
            String env = "PROMETHEUS_URL=" + server.url() + "\n"
                    + "PROMETHEUS_PID=" + server.pid() + "\n"
                    + "GA_START=" + dataset.manifest().start() + "\n"
                    + "GA_END=" + dataset.manifest().end() + "\n"
                    + "INCIDENT_SERVICE="
                    + dataset.manifest().events().incident().service() + "\n"
                    + "INCIDENT_START=" + dataset.manifest().events().incident().start() + "\n"
                    + "INCIDENT_END=" + dataset.manifest().events().incident().end() + "\n";
            // Written last and renamed into place: its presence means Prometheus is ready.
            Path temp = dir.resolve("prometheus.env.tmp");
            Files.writeString(temp, env, StandardCharsets.UTF_8);
            Files.move(temp, dir.resolve("prometheus.env"), StandardCopyOption.ATOMIC_MOVE);
            System.err.println("ServeDataset: Prometheus at " + server.url() + " serves "
                    + dataset.manifest().start() + " .. " + dataset.manifest().end());
        } catch (IllegalArgumentException e) {
            System.err.println("ServeDataset: " + e.getMessage());
            System.exit(2);
            return;
        } catch (IOException | RuntimeException e) {
            System.err.println("ServeDataset: " + e.getMessage());
            System.exit(4);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        PrometheusServer running = server;
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            running.stop();
                            stopped.countDown();
                        },
                        "stop-prometheus"));
        stopped.await();
    }
}
