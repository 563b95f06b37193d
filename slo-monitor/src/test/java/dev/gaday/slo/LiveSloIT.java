package dev.gaday.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.gaday.common.json.Json;
import dev.gaday.common.model.slo.SloResult;
import dev.gaday.common.model.slo.SloStatus;
import dev.gaday.common.model.slo.SloViolation;
import dev.gaday.testkit.Poll;
import dev.gaday.testkit.live.LiveExporter;
import dev.gaday.testkit.live.ScrapingPrometheus;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live mode as a real process against a real Prometheus scraping a live exporter every second: an
 * injected incident pages and resolves (one log line each, and a Slack Block Kit post to a local webhook),
 * SIGTERM writes the final file within 5 s, and --resume continues the run with its alert history.
 */
class LiveSloIT {
    private static final String SLOS =
            """
            policy:
              name: live-test
              alerts:
                - {severity: page, longWindow: 20s, shortWindow: 5s, factor: 14.4}
                - {severity: ticket, longWindow: 40s, shortWindow: 10s, factor: 2}
            slos:
              - name: steady-availability
                service: steady
                objective: 99.9
                sli:
                  events:
                    errors: sum(increase(http_requests_total{service="steady",status=~"5.."}[{{window}}]))
                    total: sum(increase(http_requests_total{service="steady"}[{{window}}]))
              - name: broken-availability
                service: broken
                objective: 99.9
                sli:
                  events:
                    errors: sum(increase(http_requests_total{service="broken",status=~"5.."}[{{window}}]))
                    total: sum(increase(http_requests_total{service="broken"}[{{window}}]))
            """;
    private static final String WEBHOOK_TOKEN = "T000-secret-webhook-token";

    @TempDir
    Path temp;

    private Process start(Path output, Path log, String webhook, String... extra) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new java.util.ArrayList<>(List.of(
                java,
                "-cp",
                classpath,
                MonitorSlosCommand.class.getName(),
                "--prometheus-url",
                prometheusUrl,
                "--duration",
                "10m",
                "--interval",
                "3s",
                "--scrape-interval",
                "1s",
                "--slos",
                temp.resolve("slos.yaml").toString(),
                "--slack-webhook-env",
                "SLO_TEST_WEBHOOK",
                "-o",
                output.toString()));
        command.addAll(List.of(extra));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SLO_TEST_WEBHOOK", webhook);
        return builder.start();
    }

    private String prometheusUrl;

    @Test
    void pagesDuringAnIncidentStopsOnSigtermAndResumes() throws Exception {
        Files.writeString(temp.resolve("slos.yaml"), SLOS);
        List<String> posts = new CopyOnWriteArrayList<>();
        HttpServer slack = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        slack.createContext("/", exchange -> {
            posts.add(exchange.getRequestURI().getPath() + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        slack.start();
        String webhook = "http://127.0.0.1:" + slack.getAddress().getPort() + "/services/" + WEBHOOK_TOKEN;
        Path output = temp.resolve("out");
        Path log = temp.resolve("run1.log");
        try (LiveExporter exporter = LiveExporter.builder()
                        .service("steady", 50, 0)
                        .service("broken", 50, 0)
                        .start();
                ScrapingPrometheus prometheus =
                        ScrapingPrometheus.start(List.of(exporter.target()), Duration.ofSeconds(1))) {
            prometheusUrl = prometheus.url();
            Process process = start(output, log, webhook);
            try {
                Poll.until("the live run started", Duration.ofSeconds(30), Duration.ofMillis(100), () -> read(log)
                        .contains("live SLO monitoring from"));
                // Let the 20 s page window fill with healthy traffic, then break the service.
                Poll.until(
                        "four snapshots",
                        Duration.ofSeconds(40),
                        Duration.ofMillis(200),
                        () -> Files.exists(output.resolve("slo_status_0008.json")));
                exporter.startIncident("broken", 0.5);
                Poll.until("the page fired", Duration.ofSeconds(30), Duration.ofMillis(200), () -> read(log)
                        .contains("FIRING page broken-availability"));
                exporter.endIncident("broken");
                Poll.until("the page resolved", Duration.ofSeconds(40), Duration.ofMillis(200), () -> read(log)
                        .contains("RESOLVED page broken-availability"));

                long began = System.nanoTime();
                process.destroy(); // SIGTERM
                assertTrue(process.waitFor(5, TimeUnit.SECONDS), "still running 5 s after SIGTERM: " + read(log));
                assertTrue(System.nanoTime() - began < TimeUnit.SECONDS.toNanos(5));
                assertEquals(1, process.exitValue(), read(log));
            } finally {
                process.destroyForcibly();
            }
            String text = read(log);
            assertEquals(
                    1,
                    text.lines()
                            .filter(l -> l.contains("FIRING page broken-availability over 20s/5s"))
                            .count(),
                    text);
            assertFalse(text.contains(WEBHOOK_TOKEN), text);
            assertFalse(text.contains("steady-availability over"), text);

            SloStatus last = Json.readFile(output.resolve("slo_status.json"), SloStatus.class);
            assertTrue(last.partial());
            assertEquals("FAIL", last.status());
            SloResult broken = last.slo("broken-availability");
            // Half the requests failing for seconds spends a short run's budget many times over.
            assertEquals("BUDGET_EXHAUSTED", broken.state(), broken.toString());
            assertEquals(1, broken.alerts().get(0).firedAt().size(), broken.toString());
            List<SloViolation> pages = last.violations().stream()
                    .filter(v -> v.severity().equals("page") && v.slo().equals("broken-availability"))
                    .toList();
            assertEquals(1, pages.size(), last.violations().toString());
            assertNotNull(pages.get(0).to());
            assertTrue(pages.get(0).peakBurnRate() > 14.4, pages.get(0).toString());
            assertEquals("OK", last.slo("steady-availability").state());
            // The burn rate over time, accumulated tick by tick: a point per tick (3 s) from the first tick to the
            // last evaluated one, the page's long window peaking above its factor during the incident.
            dev.gaday.common.model.slo.SloBurnRateSeries series = broken.burnRateSeries();
            assertNotNull(series, broken.toString());
            // From the first tick that had data (the first one may come before the first scrape) on the tick grid.
            long offset = java.time.Duration.between(last.window().start(), series.start())
                    .toSeconds();
            assertTrue(
                    offset >= 3 && offset % 3 == 0,
                    series.start() + " from " + last.window().start());
            assertEquals(3, series.stepSeconds());
            assertEquals(
                    java.time.Duration.between(series.start(), last.window().end())
                                            .toSeconds()
                                    / 3
                            + 1,
                    series.points());
            String pageWindow = broken.alerts().get(0).longWindow();
            assertTrue(
                    series.burnRates(pageWindow).stream()
                            .anyMatch(
                                    v -> v != null && v > broken.alerts().get(0).factor()),
                    series.toString());
            List<Path> snapshots = snapshots(output);
            assertTrue(snapshots.size() >= 10, snapshots.toString());
            for (Path snapshot : snapshots) {
                SloStatus s = Json.readFile(snapshot, SloStatus.class);
                assertTrue(s.partial());
                assertEquals(last.window().start(), s.window().start());
            }
            // Slack got the transitions as Block Kit messages on the webhook's path.
            assertTrue(posts.size() >= 2, posts.toString());
            assertTrue(
                    posts.stream()
                            .allMatch(p -> p.startsWith("/services/" + WEBHOOK_TOKEN + " ")
                                    && p.contains("\"blocks\"")
                                    && p.contains("\"mrkdwn\"")),
                    posts.toString());
            assertTrue(posts.get(0).contains("FIRING"), posts.get(0));

            // --resume: same window start, numbering goes on, the earlier page is still in the history.
            int before = snapshots.size();
            Path log2 = temp.resolve("run2.log");
            Process resumed = start(output, log2, webhook, "--resume");
            try {
                Poll.until(
                        "a new snapshot",
                        Duration.ofSeconds(30),
                        Duration.ofMillis(200),
                        () -> snapshots(output).size() > before);
                resumed.destroy();
                assertTrue(resumed.waitFor(5, TimeUnit.SECONDS), read(log2));
            } finally {
                resumed.destroyForcibly();
            }
            assertTrue(
                    read(log2)
                            .contains("resuming the run that started at "
                                    + last.window().start()),
                    read(log2));
            SloStatus after = Json.readFile(output.resolve("slo_status.json"), SloStatus.class);
            assertEquals(last.window().start(), after.window().start());
            assertTrue(after.window().end().isAfter(last.window().end()));
            assertEquals(
                    pages.get(0).from(),
                    after.violations().stream()
                            .filter(v -> v.severity().equals("page") && v.slo().equals("broken-availability"))
                            .findFirst()
                            .orElseThrow()
                            .from(),
                    after.violations().toString());
        } finally {
            slack.stop(0);
        }
    }

    private static List<Path> snapshots(Path output) {
        try (Stream<Path> files = Files.list(output)) {
            return files.filter(f -> f.getFileName().toString().matches("slo_status_\\d{4}\\.json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
